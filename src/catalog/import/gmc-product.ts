/**
 * Builds one product from the Merchant Center items of one item group (or one ungrouped item).
 * Attributes that vary within the group become options; those that do not become product
 * attributes. As with Shopify rows, one bad item rejects its whole group.
 */
import { type Money, parseMoney, ValidationError } from '../../core/index.js';
import type { AttributeValue, ProductInput, ProductOption, VariantInput } from '../types.js';
import { FeedRowError } from './errors.js';
import { parseWeightGrams, splitCategoryPath } from './feed-text.js';
import { allValues, firstValue, type GmcRecord } from './gmc-record.js';
import { htmlToText } from './html-to-text.js';
import type { VariantStock } from './types.js';

export interface GmcProductOptions {
  /** For prices written without a currency. */
  readonly currency: string;
  readonly locale: string;
}

export type GmcBuildResult =
  | { readonly ok: true; readonly input: ProductInput; readonly stock: readonly VariantStock[] }
  | { readonly ok: false; readonly line: number; readonly code: string; readonly reason: string };

/** Candidate option axes, in the order they become options. */
const OPTION_ATTRIBUTES = [
  ['size', 'Size'],
  ['color', 'Color'],
  ['material', 'Material'],
  ['pattern', 'Pattern'],
] as const;
const MAX_OPTIONS = 3;
const PRODUCT_ATTRIBUTES = ['gender', 'age_group', 'condition', 'google_product_category', 'link'];
const CUSTOM_LABELS = [0, 1, 2, 3, 4].map((n) => `custom_label_${n}`);

function priceOf(text: string, currency: string, what: string): Money {
  try {
    const value = parseMoney(text, currency);
    if (value.amount < 0) throw new FeedRowError('invalid_price', `${what} "${text}" is negative`);
    return value;
  } catch (error) {
    if (error instanceof FeedRowError) throw error;
    if (ValidationError.isInstance(error))
      throw new FeedRowError('invalid_price', `${what} "${text}" is not a price`);
    throw error;
  }
}

function stockOf(record: GmcRecord): VariantStock {
  const text = firstValue(record, 'quantity') || firstValue(record, 'sell_on_google_quantity');
  if (text !== '') {
    if (!/^\d+$/.test(text))
      throw new FeedRowError('invalid_quantity', `quantity "${text}" is not a whole number`);
    return { quantity: Number(text) };
  }
  const availability = firstValue(record, 'availability').toLowerCase().replace(/\s+/g, '_');
  // Without a count, "in stock" says nothing about how many: leave the stored stock alone.
  return { quantity: availability === 'out_of_stock' ? 0 : null };
}

function variantOf(
  record: GmcRecord,
  optionKeys: readonly string[],
  options: GmcProductOptions,
): VariantInput {
  const id = firstValue(record, 'id');
  const priceText = firstValue(record, 'price');
  if (priceText === '') throw new FeedRowError('missing_price', `item ${id} has no price`);
  const regular = priceOf(priceText, options.currency, 'price');
  const saleText = firstValue(record, 'sale_price');
  const sale = saleText === '' ? null : priceOf(saleText, options.currency, 'sale_price');
  const onSale = sale !== null && sale.currency === regular.currency && sale.amount < regular.amount;
  const optionValues = optionKeys.map((key) => {
    const value = firstValue(record, key);
    if (value === '')
      throw new FeedRowError('option_count', `item ${id} has no ${key}, which varies within its group`);
    return value;
  });
  const weightText = firstValue(record, 'shipping_weight') || firstValue(record, 'product_weight');
  const weight = weightText === '' ? null : parseWeightGrams(weightText);
  if (weight === undefined)
    throw new FeedRowError('invalid_weight', `weight "${weightText}" is not a weight`);
  const gtin = firstValue(record, 'gtin');
  const image = firstValue(record, 'image_link');
  return {
    sku: id,
    barcode: gtin === '' ? null : gtin,
    optionValues,
    price: onSale ? sale : regular,
    compareAtPrice: onSale ? regular : null,
    weightGrams: weight,
    imageUrl: image === '' ? null : image,
  };
}

/** Words every title of the group starts with: "Jasmine Pearls - 50 g" / "- 100 g" → "Jasmine Pearls". */
export function commonTitle(titles: readonly string[]): string {
  const [first = '', ...rest] = titles;
  let length = first.length;
  for (const title of rest) {
    let index = 0;
    while (index < length && index < title.length && title[index] === first[index]) index++;
    length = index;
  }
  if (length === first.length && rest.every((title) => title.length === length)) return first;
  const cut = /[\p{L}\p{N}]$/u.test(first.slice(0, length))
    ? first.slice(0, length).replace(/[\p{L}\p{N}]+$/u, '')
    : first.slice(0, length);
  const trimmed = cut.replace(/[\s\-–—,:/|(]+$/u, '');
  return trimmed.length >= 3 ? trimmed : first;
}

function distinct(records: readonly GmcRecord[], key: string): string[] {
  return [...new Set(records.map((record) => firstValue(record, key)).filter((value) => value !== ''))];
}

function union(records: readonly GmcRecord[], keys: readonly string[]): string[] {
  return [...new Set(records.flatMap((record) => keys.flatMap((key) => allValues(record, key))))];
}

export function buildGmcProduct(
  handle: string,
  records: readonly GmcRecord[],
  options: GmcProductOptions,
): GmcBuildResult {
  const first = records[0]!;
  let current = first;
  try {
    const titles = records.map((record) => firstValue(record, 'title'));
    if (titles[0] === '')
      throw new FeedRowError('missing_title', `item ${firstValue(first, 'id')} has no title`);
    const varying = OPTION_ATTRIBUTES.filter(([key]) => distinct(records, key).length > 1);
    if (varying.length > MAX_OPTIONS) {
      throw new FeedRowError(
        'option_count',
        `the group varies in ${varying.length} attributes; at most ${MAX_OPTIONS} can be options`,
      );
    }
    const attributes: Record<string, AttributeValue> = {};
    for (const [key] of OPTION_ATTRIBUTES) {
      const values = distinct(records, key);
      if (values.length === 1) attributes[key] = values[0]!;
    }
    for (const key of PRODUCT_ATTRIBUTES) {
      const value = firstValue(first, key);
      if (value !== '') attributes[key] = value;
    }
    const mpns = distinct(records, 'mpn');
    if (mpns.length === 1) attributes.mpn = mpns[0]!;

    const optionKeys = varying.map(([key]) => key);
    const variants: VariantInput[] = [];
    const stock: VariantStock[] = [];
    const combinations = new Set<string>();
    for (const record of records) {
      current = record;
      if (firstValue(record, 'id') === '') throw new FeedRowError('missing_id', 'the item has no id');
      const variant = variantOf(record, optionKeys, options);
      const combination = JSON.stringify(variant.optionValues);
      if (combinations.has(combination)) {
        throw new FeedRowError(
          'duplicate_variant',
          `item ${variant.sku} repeats the options of another item in its group`,
        );
      }
      combinations.add(combination);
      variants.push(variant);
      stock.push(stockOf(record));
    }
    current = first;
    const productOptions: ProductOption[] = varying.map(([, name], index) => ({
      name,
      values: [...new Set(variants.map((variant) => variant.optionValues[index]!))],
    }));
    const productType = firstValue(first, 'product_type');
    const googleCategory = firstValue(first, 'google_product_category');
    const description = firstValue(first, 'description');
    const brand = firstValue(first, 'brand');
    const input: ProductInput = {
      handle,
      title: { [options.locale]: records.length > 1 ? commonTitle(titles) : titles[0]! },
      description: description === '' ? {} : { [options.locale]: htmlToText(description) },
      brand: brand === '' ? null : brand,
      categoryPath: splitCategoryPath(productType || (googleCategory.includes('>') ? googleCategory : '')),
      tags: union(records, CUSTOM_LABELS),
      attributes,
      options: productOptions,
      images: union(records, ['image_link', 'additional_image_link']).map((url) => ({ url })),
      variants,
    };
    return { ok: true, input, stock };
  } catch (error) {
    if (error instanceof FeedRowError)
      return { ok: false, line: current.line, code: error.code, reason: error.message };
    throw error;
  }
}
