/**
 * "How much is it?", "這個有優惠嗎": the price of the products meant (or those on screen), the
 * merchant's was-price, and the automatic promotions the rules engine grants them, as the product
 * cards carry them. Codes are never offered here: a code is applied in the cart, where the rules
 * engine decides.
 */
import type { PromotionFact } from '../../facts/index.js';
import type { Language } from '../../nlu/index.js';
import type { ProductCardItem } from '../../tools/index.js';
import { noteCards } from '../note-cards.js';
import { chip, money, say, talkToPerson } from '../phrasing.js';
import { productDetails } from '../tool-outputs.js';
import type { RulesReply, RulesTurn } from '../types.js';
import { whichProduct } from './ask-attribute.js';
import { browse } from './find-products.js';
import { hasCatalogTerms, targetProductIds } from './target.js';
import { priceText } from './wording.js';

/** Products checked when the shopper asks about "these" without pointing at one. */
const AT_MOST = 3;

function offerText(badge: string, promotion: PromotionFact | undefined, language: Language): string {
  const [percent] = promotion?.percents ?? [];
  if (percent === undefined) return say(language, { en: `${badge} applies`, 'zh-TW': `適用「${badge}」` });
  return say(language, {
    en: `${badge} applies: ${percent}% off`,
    'zh-TW': `適用「${badge}」，享 ${percent}% 折扣`,
  });
}

function priceLine(item: ProductCardItem, promotions: readonly PromotionFact[], language: Language): string {
  const was =
    item.compareAtPrice === null
      ? ''
      : say(language, {
          en: ` (was ${money(item.compareAtPrice, language)})`,
          'zh-TW': `（原價 ${money(item.compareAtPrice, language)}）`,
        });
  const offers = item.badges.map((badge) =>
    offerText(
      badge,
      promotions.find((p) => p.name === badge),
      language,
    ),
  );
  const tail =
    offers.length === 0
      ? ''
      : say(language, { en: `; ${offers.join('; ')}`, 'zh-TW': `，${offers.join('，')}` });
  return say(language, {
    en: `${item.title}: ${priceText(item, language)}${was}${tail}.`,
    'zh-TW': `${item.title}：${priceText(item, language)}${was}${tail}。`,
  });
}

export async function pricePromotion(turn: RulesTurn): Promise<RulesReply> {
  const language = turn.language;
  let productIds = targetProductIds(turn);
  if (productIds.length === 0) {
    if (hasCatalogTerms(turn)) return browse(turn);
    productIds = turn.dialogue.shown.slice(0, AT_MOST).map((p) => p.productId);
  }
  if (productIds.length === 0) return whichProduct(turn);
  const items: ProductCardItem[] = [];
  const promotions: PromotionFact[] = [];
  for (const productId of productIds.slice(0, AT_MOST)) {
    const found = await productDetails(turn.runTool, productId);
    if (found.item !== undefined) items.push(found.item);
    promotions.push(...found.facts.filter((f): f is PromotionFact => f.kind === 'promotion'));
  }
  const lines = items.map((item) => priceLine(item, promotions, language));
  const anyOffer = items.some((item) => item.badges.length > 0 || item.compareAtPrice !== null);
  if (!anyOffer) {
    lines.push(
      say(language, {
        en: `I don't see a promotion on ${items.length > 1 ? 'these' : 'it'} right now. If you have a coupon code, you can apply it to your cart.`,
        'zh-TW': '目前沒有看到適用的優惠活動。如果你有優惠碼，可以在購物車套用。',
      }),
    );
  }
  const cards = items.length === 0 ? [] : [{ type: 'products' as const, items }];
  return {
    reply: {
      text: lines.join('\n'),
      cards,
      suggestions: [
        chip(language, { en: 'Add it to cart', 'zh-TW': '加入購物車' }),
        chip(language, { en: 'Show cheaper', 'zh-TW': '有便宜一點的嗎' }),
        talkToPerson(language),
      ],
    },
    // One product becomes the one under discussion; several were already on screen.
    dialogue: noteCards({ ...turn.dialogue, awaiting: { kind: 'none' } }, items.length === 1 ? cards : []),
  };
}
