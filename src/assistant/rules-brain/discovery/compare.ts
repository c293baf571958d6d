/**
 * Two shown products side by side: price, the options they come in, the attributes both state
 * where they differ, and stock. "Compare the first two" with only one named takes the next shown.
 */
import type { Language } from '../../nlu/index.js';
import type { ProductCardItem } from '../../tools/index.js';
import { chip, say, talkToPerson } from '../phrasing.js';
import { describes } from '../resolve-products.js';
import { type ProductDetails, productDetails } from '../tool-outputs.js';
import type { RulesReply, RulesTurn } from '../types.js';
import { hasReference, targetProductIds } from './target.js';
import { fieldLabel, humanize, priceText, valuesText, valueText } from './wording.js';

/** Attributes compared at most: the ones a shopper reads before deciding. */
const ATTRIBUTES = 3;
const SIDES = 2;

interface Side {
  readonly details: ProductDetails;
  readonly item: ProductCardItem;
}

function stockWord(item: ProductCardItem, language: Language): string {
  switch (item.stock.status) {
    case 'in_stock':
      return say(language, { en: 'in stock', 'zh-TW': '有現貨' });
    case 'low_stock':
      return say(language, { en: 'only a few left', 'zh-TW': '庫存不多' });
    case 'out_of_stock':
      return say(language, { en: 'out of stock', 'zh-TW': '缺貨' });
  }
}

function colon(language: Language): string {
  return language === 'zh-TW' ? '：' : ': ';
}

function text(value: string | readonly string[]): string {
  return (typeof value === 'string' ? [value] : value).map(valueText).join(', ');
}

/** Attributes both products state with different values. */
function differing(sides: readonly Side[]): string[] {
  const [a, b] = sides;
  if (a === undefined || b === undefined) return [];
  return Object.keys(a.details.attributes)
    .filter((name) => {
      const other = b.details.attributes[name];
      const own = a.details.attributes[name];
      return other !== undefined && own !== undefined && text(other) !== text(own);
    })
    .slice(0, ATTRIBUTES);
}

function sideLine(side: Side, attributes: readonly string[], language: Language): string {
  const { details, item } = side;
  const parts = [priceText(item, language)];
  for (const option of details.options) {
    if (option.values.length > 1)
      parts.push(
        `${fieldLabel(option, language)}${colon(language)}${valuesText(option.values, language, 5)}`,
      );
  }
  for (const name of attributes) {
    const value = details.attributes[name];
    if (value !== undefined) parts.push(`${humanize(name)}${colon(language)}${text(value)}`);
  }
  parts.push(stockWord(item, language));
  return `• ${details.title}${colon(language)}${parts.join(language === 'zh-TW' ? '；' : '; ')}`;
}

export async function compare(turn: RulesTurn): Promise<RulesReply> {
  const language = turn.language;
  // "The Ridgeback 3 and the Skyline Ultra", in the order named: the one on screen, else the name's first product.
  const named = turn.understanding.entities.flatMap((entity) => {
    if (entity.type !== 'catalog' || entity.kind !== 'product') return [];
    const onScreen = turn.dialogue.shown.find((p) => describes(entity, p));
    const id = onScreen?.productId ?? entity.productIds?.[0];
    return id === undefined ? [] : [id];
  });
  const ids = hasReference(turn) || named.length === 0 ? targetProductIds(turn) : [...new Set(named)];
  for (const shown of turn.dialogue.shown) {
    if (ids.length >= SIDES) break;
    if (!ids.includes(shown.productId)) ids.push(shown.productId);
  }
  if (ids.length < SIDES) {
    return {
      reply: {
        text: say(language, {
          en: 'Which two would you like me to compare? Tell me what you are looking for and I will show you a few first.',
          'zh-TW': '想比較哪兩款呢？先告訴我你在找什麼，我找幾款給你。',
        }),
        cards: [],
        suggestions: [talkToPerson(language)],
      },
      dialogue: { ...turn.dialogue, awaiting: { kind: 'none' } },
    };
  }
  const sides: Side[] = [];
  for (const productId of ids.slice(0, SIDES)) {
    const { details, item } = await productDetails(turn.runTool, productId);
    if (item !== undefined) sides.push({ details, item });
  }
  const attributes = differing(sides);
  const [first, second] = sides;
  const lines = [
    say(language, { en: 'Side by side:', 'zh-TW': '兩款比較：' }),
    ...sides.map((side) => sideLine(side, attributes, language)),
  ];
  if (first !== undefined && second !== undefined && first.item.price.amount !== second.item.price.amount) {
    const cheaper = first.item.price.amount < second.item.price.amount ? first : second;
    lines.push(
      say(language, {
        en: `${cheaper.details.title} is the less expensive of the two.`,
        'zh-TW': `兩款之中，${cheaper.details.title}比較便宜。`,
      }),
    );
  }
  return {
    reply: {
      text: lines.join('\n'),
      cards: [{ type: 'products', items: sides.map((s) => s.item) }],
      suggestions: [
        chip(language, { en: 'Add the first to cart', 'zh-TW': '把第一個加入購物車' }),
        chip(language, { en: 'Show cheaper', 'zh-TW': '有便宜一點的嗎' }),
        talkToPerson(language),
      ],
    },
    // The list on screen stays what "the first" and "the second" point at.
    dialogue: { ...turn.dialogue, focus: null, awaiting: { kind: 'none' } },
  };
}
