/**
 * Finds the columns of a Shopify product CSV by name, so the current export, the legacy one and
 * hand-edited files (reordered, renamed case, extra columns) all read the same.
 */
import { FeedFormatError } from './errors.js';
import { attributeKey, normalizeHeader } from './feed-text.js';

export interface ShopifyColumns {
  readonly handle: number;
  readonly title: number | undefined;
  readonly body: number | undefined;
  readonly vendor: number | undefined;
  readonly productCategory: number | undefined;
  readonly type: number | undefined;
  readonly tags: number | undefined;
  readonly published: number | undefined;
  readonly status: number | undefined;
  readonly optionNames: readonly (number | undefined)[];
  readonly optionValues: readonly (number | undefined)[];
  readonly sku: number | undefined;
  readonly grams: number | undefined;
  readonly weight: number | undefined;
  readonly weightUnit: number | undefined;
  /** One column with the quantity on hand, or several per-location ones that add up. */
  readonly quantities: readonly number[];
  readonly price: number | undefined;
  readonly compareAtPrice: number | undefined;
  readonly cost: number | undefined;
  readonly barcode: number | undefined;
  readonly imageSrc: number | undefined;
  readonly imagePosition: number | undefined;
  readonly imageAlt: number | undefined;
  readonly variantImage: number | undefined;
  readonly googleCategory: number | undefined;
  /** Product attribute name → column (Google Shopping fields, product metafields). */
  readonly attributes: readonly { readonly name: string; readonly column: number }[];
}

const GOOGLE_ATTRIBUTES: Readonly<Record<string, string>> = {
  'google shopping / gender': 'gender',
  'google shopping / age group': 'age_group',
  'google shopping / mpn': 'mpn',
  'google shopping / condition': 'condition',
};

const PRODUCT_METAFIELD = /^(.+?)\s*\(product\.metafields\.[^)]+\)$/;
const LOCATION_QUANTITY = /^inventory (?:available|on hand)\s*:\s*\S/;

export function mapShopifyColumns(header: readonly string[]): ShopifyColumns {
  const names = header.map(normalizeHeader);
  const find = (...candidates: string[]): number | undefined => {
    for (const candidate of candidates) {
      const index = names.indexOf(candidate);
      if (index !== -1) return index;
    }
    return undefined;
  };
  const handle = find('handle');
  if (handle === undefined) {
    throw new FeedFormatError('not a Shopify product CSV: the header has no Handle column', 1);
  }
  const singleQuantity = find('variant inventory qty', 'inventory qty', 'variant inventory quantity');
  const locationQuantities = names.flatMap((name, index) => (LOCATION_QUANTITY.test(name) ? [index] : []));
  const attributes: { name: string; column: number }[] = [];
  names.forEach((name, column) => {
    const google = GOOGLE_ATTRIBUTES[name];
    const metafield = PRODUCT_METAFIELD.exec(header[column]?.trim() ?? '')?.[1];
    if (google !== undefined) attributes.push({ name: google, column });
    else if (metafield !== undefined) attributes.push({ name: attributeKey(metafield), column });
  });
  return {
    handle,
    title: find('title'),
    body: find('body (html)', 'body html', 'body', 'description'),
    vendor: find('vendor'),
    productCategory: find('product category', 'standard product type', 'standardized product type'),
    type: find('type', 'custom product type'),
    tags: find('tags'),
    published: find('published', 'published on online store'),
    status: find('status'),
    optionNames: [1, 2, 3].map((n) => find(`option${n} name`)),
    optionValues: [1, 2, 3].map((n) => find(`option${n} value`)),
    sku: find('variant sku', 'sku'),
    grams: find('variant grams'),
    weight: find('variant weight'),
    weightUnit: find('variant weight unit'),
    quantities: singleQuantity === undefined ? locationQuantities : [singleQuantity],
    price: find('variant price', 'price'),
    compareAtPrice: find('variant compare at price', 'compare at price'),
    cost: find('cost per item', 'variant cost'),
    barcode: find('variant barcode', 'barcode'),
    imageSrc: find('image src'),
    imagePosition: find('image position'),
    imageAlt: find('image alt text'),
    variantImage: find('variant image'),
    googleCategory: find('google shopping / google product category'),
    attributes,
  };
}
