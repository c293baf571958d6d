/**
 * "Is it in stock?", "第一個 42 號有貨嗎": stock of a product (the variants the message names, or
 * all of them) from check_availability, with the stores where it can be picked up today.
 */
import type { Language } from '../../nlu/index.js';
import type { ProductCardItem } from '../../tools/index.js';
import { ToolError } from '../../tools/index.js';
import { noteCards } from '../note-cards.js';
import { chip, list, say, talkToPerson } from '../phrasing.js';
import { sizeMatches, wantedValues } from '../pick-variant.js';
import { type AvailabilityOutput, checkAvailability, productDetails } from '../tool-outputs.js';
import type { RulesReply, RulesTurn } from '../types.js';
import { whichProduct } from './ask-attribute.js';
import { browse } from './find-products.js';
import { hasCatalogTerms, targetProductIds } from './target.js';
import { valuesText, valueText } from './wording.js';

type Row = AvailabilityOutput['variants'][number];

/** "Taipei Flagship Store (3)" as check_availability writes a pickup place. */
function pickupPlace(entry: string): { name: string; count: string | null } {
  const match = /^(.*) \((\d+)\)$/.exec(entry);
  return match === null ? { name: entry, count: null } : { name: match[1] ?? entry, count: match[2] ?? null };
}

function oneVariant(title: string, row: Row, language: Language): string[] {
  const options = valueText(row.options);
  const named =
    options === ''
      ? title
      : say(language, { en: `${title} in ${options}`, 'zh-TW': `${title}（${options}）` });
  if (row.available === 0) {
    return [say(language, { en: `${named} is sold out right now.`, 'zh-TW': `${named}目前已售完。` })];
  }
  const lines = [
    say(language, {
      en: `${named}: ${row.available} available.`,
      'zh-TW': `${named}：還有 ${row.available} 件。`,
    }),
  ];
  const places = (row.pickupAt ?? []).map(pickupPlace);
  if (places.length > 0) {
    const en = places.map((p) => (p.count === null ? p.name : `${p.name} (${p.count} available)`));
    const zh = places.map((p) => (p.count === null ? p.name : `${p.name}（${p.count} 件）`));
    lines.push(
      say(language, {
        en: `You can pick it up today at ${list('en', en)}.`,
        'zh-TW': `今天就能到${list('zh-TW', zh)}取貨。`,
      }),
    );
  }
  return lines;
}

/** Variants read out one by one, with their counts and stores; more are summarised. */
const ONE_BY_ONE = 2;

/** `narrowed`: the shopper already named an option, so the stores are not waiting on their size. */
function manyVariants(title: string, rows: readonly Row[], language: Language, narrowed: boolean): string[] {
  if (rows.length <= ONE_BY_ONE) return rows.flatMap((row) => oneVariant(title, row, language));
  const inStock = rows.filter((r) => r.available > 0).map((r) => r.options);
  const soldOut = rows.filter((r) => r.available === 0).map((r) => r.options);
  if (inStock.length === 0) {
    return [say(language, { en: `${title} is sold out right now.`, 'zh-TW': `${title}目前已售完。` })];
  }
  const lines = [
    say(language, {
      en: `${title} is in stock in ${valuesText(inStock, language, 8)}.`,
      'zh-TW': `${title}有現貨的款式：${valuesText(inStock, language, 8)}。`,
    }),
  ];
  if (soldOut.length > 0) {
    lines.push(
      say(language, {
        en: `Sold out: ${valuesText(soldOut, language, 8)}.`,
        'zh-TW': `已售完：${valuesText(soldOut, language, 8)}。`,
      }),
    );
  }
  const places = [...new Set(rows.flatMap((r) => (r.pickupAt ?? []).map((p) => pickupPlace(p).name)))];
  if (places.length > 0) {
    lines.push(
      narrowed
        ? say(language, {
            en: `Store pickup today: ${list('en', places)}.`,
            'zh-TW': `今天可到門市取貨：${list('zh-TW', places)}。`,
          })
        : say(language, {
            en: `Store pickup today: ${list('en', places)} — tell me your size and I'll check the exact store.`,
            'zh-TW': `今天可到門市取貨：${list('zh-TW', places)}。告訴我尺寸，我幫你確認是哪間門市。`,
          }),
    );
  }
  return lines;
}

/** The product has no variant with these values. */
function notOffered(
  turn: RulesTurn,
  title: string,
  item: ProductCardItem | undefined,
  values: readonly string[],
): RulesReply {
  const language = turn.language;
  const cards = item === undefined ? [] : [{ type: 'products' as const, items: [item] }];
  return {
    reply: {
      text: say(language, {
        en: `${title} doesn't come in ${valuesText(values, language)}. The card shows the options it has.`,
        'zh-TW': `${title}沒有 ${valuesText(values, language)} 這個選項，可以參考商品卡上的規格。`,
      }),
      cards,
      suggestions: [chip(language, { en: 'Is it in stock?', 'zh-TW': '有現貨嗎' }), talkToPerson(language)],
    },
    dialogue: noteCards({ ...turn.dialogue, awaiting: { kind: 'none' } }, cards),
  };
}

/** Sizes and option values the message asks for that the product's variants do not have. */
function unoffered(turn: RulesTurn, picked: readonly string[]): string[] {
  return turn.understanding.entities.flatMap((e) => {
    if (e.type === 'size') return picked.some((v) => sizeMatches(e.value, v)) ? [] : [e.value];
    if (e.type === 'catalog' && e.kind === 'option') {
      return picked.some((v) => v.toLowerCase() === e.value.toLowerCase()) ? [] : [e.value];
    }
    return [];
  });
}

export async function stockOf(turn: RulesTurn, productId: string): Promise<RulesReply> {
  const language = turn.language;
  const { details, item } = await productDetails(turn.runTool, productId);
  const wanted = wantedValues(turn.text, turn.understanding.entities, details.options);
  const values = details.options.flatMap((o) =>
    wanted[o.name] === undefined ? [] : [wanted[o.name] as string],
  );
  const missing = unoffered(turn, values);
  if (missing.length > 0) return notOffered(turn, details.title, item, missing);
  let availability: AvailabilityOutput;
  try {
    availability = await checkAvailability(turn.runTool, productId, values);
  } catch (error) {
    if (!ToolError.isInstance(error) || error.code !== 'variant_not_found') throw error;
    return notOffered(turn, details.title, item, values);
  }
  const rows = availability.variants;
  const [only] = rows;
  const lines =
    rows.length === 1 && only !== undefined
      ? oneVariant(details.title, only, language)
      : manyVariants(details.title, rows, language, values.length > 0);
  const cards = item === undefined ? [] : [{ type: 'products' as const, items: [item] }];
  let dialogue = noteCards({ ...turn.dialogue, awaiting: { kind: 'none' } }, cards);
  if (rows.length === 1 && only !== undefined && only.available > 0) {
    // The shopper chose this variant by asking about it: "add it" now means it.
    dialogue = {
      ...dialogue,
      shown: dialogue.shown.map((p) => (p.productId === productId ? { ...p, variantId: only.variantId } : p)),
    };
  }
  return {
    reply: {
      text: lines.join('\n'),
      cards,
      suggestions: [
        chip(language, { en: 'Add it to cart', 'zh-TW': '加入購物車' }),
        chip(language, { en: 'Any discounts on this?', 'zh-TW': '這個有優惠嗎' }),
        talkToPerson(language),
      ],
    },
    dialogue,
  };
}

export async function stock(turn: RulesTurn): Promise<RulesReply> {
  const [productId] = targetProductIds(turn);
  if (productId !== undefined) return stockOf(turn, productId);
  // "Do you have black trail runners in 42?" is a search for what is in stock.
  if (hasCatalogTerms(turn)) return browse(turn);
  return whichProduct(turn);
}
