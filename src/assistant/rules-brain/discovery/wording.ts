/**
 * How discovery writes catalog things into a sentence: prices ("from NT$1,280"), option values and
 * field names. Values are the catalog's own; in running text they are lower-cased (except brands),
 * so "Forest Green" reads as a colour and never as the name of a product no fact mentions.
 */
import type { Language } from '../../nlu/index.js';
import type { ProductCardItem } from '../../tools/index.js';
import { money, say } from '../phrasing.js';
import type { SearchFacet } from '../tool-outputs.js';

export function priceText(item: ProductCardItem, language: Language): string {
  const amount = money(item.price, language);
  const varies = item.variants.some((v) => v.price.amount !== item.price.amount);
  if (!varies) return amount;
  return say(language, { en: `from ${amount}`, 'zh-TW': `${amount} 起` });
}

export function valueText(value: string): string {
  return value.toLowerCase();
}

/** "waterproofRating" → "waterproof rating". */
export function humanize(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}

/** A field's name in the shopper's language: the catalog's own translation, else its name made readable. */
export function fieldLabel(
  field: {
    readonly field?: SearchFacet['field'];
    readonly name: string;
    readonly labels: Readonly<Record<string, string>>;
  },
  language: Language,
): string {
  if (field.field === 'brand') return say(language, { en: 'brand', 'zh-TW': '品牌' });
  if (field.field === 'productType') return say(language, { en: 'type', 'zh-TW': '類型' });
  return field.labels[language] ?? humanize(field.name);
}

/** A list of values to read out: at most `max`, then "…". */
export function valuesText(values: readonly string[], language: Language, max = 6): string {
  const shown = values.slice(0, max).map(valueText);
  const more = values.length > max ? (language === 'zh-TW' ? '⋯' : ', …') : '';
  return `${shown.join(language === 'zh-TW' ? '、' : ', ')}${more}`;
}
