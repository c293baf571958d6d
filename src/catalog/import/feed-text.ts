/** Small text conventions shared by the feed formats. */

/** `A > B > C` (Shopify Product Category, Merchant Center product_type) → `['A', 'B', 'C']`. */
export function splitCategoryPath(text: string): string[] {
  return text
    .split('>')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Comma- (or other separator-) separated list, trimmed, without empties or repeats. */
export function splitList(text: string, separator: string | RegExp = ','): string[] {
  return [
    ...new Set(
      text
        .split(separator)
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ),
  ];
}

/** Header names compared case-insensitively, trimmed, with inner whitespace collapsed. */
export function normalizeHeader(name: string): string {
  return name
    .replace(/^\ufeff/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** An attribute key from a column label: "Age Group" → "age_group". */
export function attributeKey(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

const WEIGHT_TO_GRAMS: Readonly<Record<string, number>> = {
  g: 1,
  kg: 1000,
  lb: 453.59237,
  lbs: 453.59237,
  oz: 28.349523125,
};

/** `0.5 kg`, `12 oz`, or a number in `defaultUnit`; `undefined` when the text is not a weight. */
export function parseWeightGrams(text: string, defaultUnit = 'g'): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return undefined;
  const factor = WEIGHT_TO_GRAMS[(match[2] || defaultUnit).toLowerCase()];
  return factor === undefined ? undefined : Math.round(Number(match[1]) * factor);
}
