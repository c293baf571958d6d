/**
 * Why a product was picked, in a few words built only from this turn's facts: which of the
 * shopper's terms it matches, that their size is in stock, that it fits the budget, a promotion it
 * gets, and where it can be collected today ("waterproof, in your size, 2 left at the Taipei store").
 */
import type { StockFact } from '../../facts/index.js';
import type { Language } from '../../nlu/index.js';
import type { ProductCardItem } from '../../tools/index.js';
import { say } from '../phrasing.js';
import type { ShopperNeed } from '../types.js';
import { termKey } from './need.js';

export interface ReasonInput {
  readonly item: ProductCardItem;
  /** The product's tags and categories, from its product fact. */
  readonly tags: readonly string[];
  /** Stock facts of the product's variants. */
  readonly stock: readonly StockFact[];
  readonly need: ShopperNeed;
  /** The size option and value the need's size was read as, when the catalog has it. */
  readonly size: { readonly option: string; readonly value: string } | null;
  readonly language: Language;
}

/** Variants with stock that have every option value the need asks for. */
function wantedVariants(input: ReasonInput): ProductCardItem['variants'] {
  const wanted: [string, string][] = input.need.terms.flatMap((t) =>
    t.kind === 'option' && t.name !== undefined ? [[t.name, t.value] as [string, string]] : [],
  );
  if (input.size !== null) wanted.push([input.size.option, input.size.value]);
  return input.item.variants.filter(
    (v) =>
      v.available > 0 &&
      wanted.every(([name, value]) => {
        const has = v.options[name];
        return has === undefined || has.toLowerCase() === value.toLowerCase();
      }),
  );
}

function matchedTerms(input: ReasonInput): string[] {
  const { item, need, language } = input;
  const tags = new Set(input.tags.map((t) => t.toLowerCase()));
  const words: string[] = [];
  for (const term of need.terms) {
    const said = need.said?.[termKey(term)] ?? term.value.toLowerCase();
    if (term.kind === 'tag' && tags.has(term.value.toLowerCase())) words.push(said);
    if (term.kind === 'option') {
      const has = item.variants.some(
        (v) =>
          v.available > 0 &&
          Object.values(v.options).some((o) => o.toLowerCase() === term.value.toLowerCase()),
      );
      if (has) words.push(say(language, { en: `in ${said}`, 'zh-TW': `有${said}` }));
    }
  }
  return words;
}

function withinBudget(input: ReasonInput): boolean {
  const price = input.need.price;
  if (price?.kind !== 'range') return false;
  const { amount } = input.item.price;
  return (
    (price.max === null || amount <= price.max.amount) && (price.min === null || amount >= price.min.amount)
  );
}

/** Where the wanted variants can be collected; with the count when one variant is meant and it runs low. */
function pickup(input: ReasonInput, variants: ProductCardItem['variants']): string | null {
  const ids = new Set(variants.map((v) => v.variantId));
  const facts = input.stock.filter((s) => ids.has(s.variantId));
  const language = input.language;
  const [only] = facts;
  if (facts.length === 1 && only !== undefined && only.lowStock) {
    const place = only.locations.find((l) => l.pickup && l.available > 0);
    if (place === undefined)
      return say(language, { en: `only ${only.available} left`, 'zh-TW': `只剩 ${only.available} 件` });
    const name = place.name[language] ?? place.name.en ?? place.code;
    return say(language, {
      en: `${place.available} left at ${name}`,
      'zh-TW': `${name}還剩 ${place.available} 件`,
    });
  }
  const places = new Map<string, string>();
  for (const fact of facts) {
    for (const l of fact.locations) {
      if (l.pickup && l.available > 0) places.set(l.locationId, l.name[language] ?? l.name.en ?? l.code);
    }
  }
  const [first] = places.values();
  if (first === undefined) return null;
  return say(language, { en: `pick up today at ${first}`, 'zh-TW': `今天就能到${first}取貨` });
}

export function reasonFor(input: ReasonInput): string {
  const { language, item } = input;
  const variants = wantedVariants(input);
  const parts = matchedTerms(input);
  if (input.size !== null && variants.length > 0)
    parts.push(say(language, { en: 'in your size', 'zh-TW': '有你的尺寸' }));
  if (withinBudget(input)) parts.push(say(language, { en: 'within your budget', 'zh-TW': '在預算內' }));
  const [badge] = item.badges;
  if (badge !== undefined) parts.push(say(language, { en: `on ${badge}`, 'zh-TW': `適用「${badge}」` }));
  const where = pickup(input, variants);
  if (where !== null) parts.push(where);
  return parts.join(language === 'zh-TW' ? '、' : ', ');
}
