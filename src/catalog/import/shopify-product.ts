/**
 * Builds one product from the rows of one Shopify handle: the first row carries the product
 * fields, every row with variant columns is a variant, every row with an Image Src adds an image.
 * A bad row rejects the whole product, so an import never writes half of one (and never drops a
 * variant the merchant still sells because its row had a typo).
 */
import { type Money, parseDecimal, ValidationError } from '../../core/index.js';
import type {
  AttributeValue,
  ProductImage,
  ProductInput,
  ProductOption,
  ProductStatus,
  VariantInput,
} from '../types.js';
import { FeedRowError } from './errors.js';
import { parseWeightGrams, splitCategoryPath, splitList } from './feed-text.js';
import { htmlToText } from './html-to-text.js';
import type { ShopifyColumns } from './shopify-columns.js';
import type { VariantStock } from './types.js';

export interface ShopifyRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface ShopifyProductOptions {
  readonly currency: string;
  readonly locale: string;
}

export type ShopifyBuildResult =
  | { readonly ok: true; readonly input: ProductInput; readonly stock: readonly VariantStock[] }
  | { readonly ok: false; readonly line: number; readonly code: string; readonly reason: string };

function cell(row: ShopifyRow, column: number | undefined): string {
  return column === undefined ? '' : (row.cells[column] ?? '').trim();
}

function parsePrice(text: string, currency: string, what: string): Money {
  let value: Money;
  try {
    value = parseDecimal(text.replace(/^[^\d.-]+/, ''), currency);
  } catch (error) {
    if (ValidationError.isInstance(error))
      throw new FeedRowError('invalid_price', `${what} "${text}" is not a price`);
    throw error;
  }
  if (value.amount < 0) throw new FeedRowError('invalid_price', `${what} "${text}" is negative`);
  return value;
}

function optionalPrice(text: string, currency: string, what: string): Money | null {
  return text === '' ? null : parsePrice(text, currency, what);
}

function parseStatus(row: ShopifyRow, columns: ShopifyColumns): ProductStatus | undefined {
  const status = cell(row, columns.status).toLowerCase();
  if (status === 'active' || status === 'draft' || status === 'archived') return status;
  if (status !== '')
    throw new FeedRowError('invalid_status', `Status "${status}" is not active, draft or archived`);
  const published = cell(row, columns.published).toLowerCase();
  if (published === 'true') return 'active';
  if (published === 'false') return 'draft';
  return undefined;
}

function parseQuantity(row: ShopifyRow, columns: ShopifyColumns): number | null {
  let total: number | null = null;
  for (const column of columns.quantities) {
    const text = cell(row, column);
    if (text === '') continue;
    if (!/^-?\d+$/.test(text))
      throw new FeedRowError('invalid_quantity', `inventory quantity "${text}" is not a whole number`);
    // Shopify lets stock go negative when it oversells; on hand here means sellable units.
    total = (total ?? 0) + Math.max(0, Number(text));
  }
  return total;
}

function parseWeight(row: ShopifyRow, columns: ShopifyColumns): number | null {
  const grams = cell(row, columns.grams);
  const weight = cell(row, columns.weight);
  const text = grams !== '' ? grams : weight;
  if (text === '') return null;
  const unit = grams !== '' ? 'g' : cell(row, columns.weightUnit) || 'g';
  const value = parseWeightGrams(text, unit);
  if (value === undefined) throw new FeedRowError('invalid_weight', `weight "${text}" is not a number`);
  return value;
}

function isVariantRow(row: ShopifyRow, columns: ShopifyColumns): boolean {
  return [columns.sku, columns.price, columns.barcode, columns.compareAtPrice, ...columns.optionValues].some(
    (column) => cell(row, column) !== '',
  );
}

function attributesOf(row: ShopifyRow, columns: ShopifyColumns): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const { name, column } of columns.attributes) {
    const values = splitList(cell(row, column), ';');
    if (values.length === 1) attributes[name] = values[0]!;
    else if (values.length > 1) attributes[name] = values;
  }
  const googleCategory = cell(row, columns.googleCategory);
  if (googleCategory !== '') attributes.google_product_category = googleCategory;
  return attributes;
}

function categoryOf(row: ShopifyRow, columns: ShopifyColumns): string[] {
  // Newer exports may hold a taxonomy id (gid://shopify/TaxonomyCategory/...) instead of the path.
  for (const text of [cell(row, columns.productCategory), cell(row, columns.googleCategory)]) {
    if (text !== '' && !text.startsWith('gid:') && !/^\d+$/.test(text)) return splitCategoryPath(text);
  }
  return [];
}

function imagesOf(rows: readonly ShopifyRow[], columns: ShopifyColumns): Omit<ProductImage, 'position'>[] {
  const found: { url: string; alt: string; position: number; order: number }[] = [];
  rows.forEach((row, order) => {
    const url = cell(row, columns.imageSrc);
    if (url === '' || found.some((image) => image.url === url)) return;
    const position = Number.parseInt(cell(row, columns.imagePosition), 10);
    found.push({
      url,
      alt: cell(row, columns.imageAlt),
      position: Number.isNaN(position) ? order : position,
      order,
    });
  });
  found.sort((a, b) => a.position - b.position || a.order - b.order);
  return found.map(({ url, alt }) => (alt === '' ? { url } : { url, alt }));
}

/** Option names from the first row; Shopify's "Title / Default Title" means no options at all. */
function optionNamesOf(
  first: ShopifyRow,
  columns: ShopifyColumns,
  variantRows: readonly ShopifyRow[],
): string[] {
  const names = columns.optionNames.map((column) => cell(first, column)).filter((name) => name !== '');
  const defaultTitle =
    names.length === 1 &&
    names[0]!.toLowerCase() === 'title' &&
    variantRows.every((row) => cell(row, columns.optionValues[0]).toLowerCase() === 'default title');
  return defaultTitle ? [] : names;
}

function variantOf(
  row: ShopifyRow,
  columns: ShopifyColumns,
  optionCount: number,
  options: ShopifyProductOptions,
): { variant: VariantInput; stock: VariantStock } {
  const values = columns.optionValues.map((column) => cell(row, column));
  const optionValues = values.slice(0, optionCount);
  if (
    optionCount > 0 &&
    (optionValues.some((value) => value === '') || values.slice(optionCount).some((v) => v !== ''))
  ) {
    throw new FeedRowError(
      'option_count',
      `the product has ${optionCount} option(s) but the row gives ${values.filter((v) => v !== '').length} value(s)`,
    );
  }
  const priceText = cell(row, columns.price);
  if (priceText === '') throw new FeedRowError('missing_price', 'Variant Price is empty');
  const price = parsePrice(priceText, options.currency, 'Variant Price');
  const compareAtPrice = optionalPrice(
    cell(row, columns.compareAtPrice),
    options.currency,
    'Variant Compare At Price',
  );
  const sku = cell(row, columns.sku);
  const barcode = cell(row, columns.barcode);
  const imageUrl = cell(row, columns.variantImage);
  return {
    variant: {
      sku: sku === '' ? null : sku,
      barcode: barcode === '' ? null : barcode.replace(/^'/, ''),
      optionValues,
      price,
      // Exports repeat the price (or write 0) as compare-at when nothing is on sale.
      compareAtPrice: compareAtPrice !== null && compareAtPrice.amount > price.amount ? compareAtPrice : null,
      cost: optionalPrice(cell(row, columns.cost), options.currency, 'Cost per item'),
      weightGrams: parseWeight(row, columns),
      imageUrl: imageUrl === '' ? null : imageUrl,
    },
    stock: { quantity: parseQuantity(row, columns) },
  };
}

export function buildShopifyProduct(
  handle: string,
  rows: readonly ShopifyRow[],
  columns: ShopifyColumns,
  options: ShopifyProductOptions,
): ShopifyBuildResult {
  const first = rows.find((row) => cell(row, columns.title) !== '');
  if (first === undefined) {
    return {
      ok: false,
      line: rows[0]!.line,
      code: 'missing_title',
      reason: `no row of "${handle}" has a Title`,
    };
  }
  let current = first;
  try {
    const variantRows = rows.filter((row) => isVariantRow(row, columns));
    if (variantRows.length === 0) throw new FeedRowError('missing_price', `"${handle}" has no variant row`);
    const optionNames = optionNamesOf(first, columns, variantRows);
    const status = parseStatus(first, columns);
    const variants: VariantInput[] = [];
    const stock: VariantStock[] = [];
    const skus = new Set<string>();
    for (const row of variantRows) {
      current = row;
      const built = variantOf(row, columns, optionNames.length, options);
      if (built.variant.sku) {
        if (skus.has(built.variant.sku)) {
          throw new FeedRowError('duplicate_sku', `SKU ${built.variant.sku} appears twice in "${handle}"`);
        }
        skus.add(built.variant.sku);
      }
      variants.push(built.variant);
      stock.push(built.stock);
    }
    const productOptions: ProductOption[] = optionNames.map((name, index) => ({
      name,
      values: [...new Set(variants.map((variant) => variant.optionValues[index]!))],
    }));
    const body = cell(first, columns.body);
    const vendor = cell(first, columns.vendor);
    const type = cell(first, columns.type);
    const input: ProductInput = {
      handle,
      ...(status === undefined ? {} : { status }),
      title: { [options.locale]: cell(first, columns.title) },
      description: body === '' ? {} : { [options.locale]: htmlToText(body) },
      brand: vendor === '' ? null : vendor,
      categoryPath: categoryOf(first, columns),
      productType: type === '' ? null : type,
      tags: splitList(cell(first, columns.tags)),
      attributes: attributesOf(first, columns),
      options: productOptions,
      images: imagesOf(rows, columns),
      variants,
    };
    return { ok: true, input, stock };
  } catch (error) {
    if (error instanceof FeedRowError)
      return { ok: false, line: current.line, code: error.code, reason: error.message };
    throw error;
  }
}
