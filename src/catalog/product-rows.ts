/** Maps catalog rows to products and back. JSON columns are parsed here and nowhere else. */
import type { Selectable } from 'kysely';
import type { Money } from '../core/index.js';
import type { Schema } from '../store/index.js';
import type { Product, Variant } from './types.js';

export type ProductRow = Selectable<Schema['products']>;
export type VariantRow = Selectable<Schema['variants']>;

function moneyOrNull(amount: number | null, currency: string): Money | null {
  return amount === null ? null : { amount, currency };
}

export function variantFromRow(row: VariantRow): Variant {
  return {
    id: row.id,
    productId: row.product_id,
    sku: row.sku,
    barcode: row.barcode,
    optionValues: JSON.parse(row.option_values) as string[],
    price: { amount: row.price, currency: row.currency },
    compareAtPrice: moneyOrNull(row.compare_at_price, row.currency),
    cost: moneyOrNull(row.cost, row.currency),
    weightGrams: row.weight_grams,
    imageUrl: row.image_url,
    position: row.position,
  };
}

/** `variants` are the product's rows in position order. */
export function productFromRows(row: ProductRow, variants: readonly VariantRow[]): Product {
  return {
    id: row.id,
    handle: row.handle,
    status: row.status,
    title: JSON.parse(row.title) as Product['title'],
    description: JSON.parse(row.description) as Product['description'],
    brand: row.brand,
    categoryPath: JSON.parse(row.category_path) as Product['categoryPath'],
    productType: row.product_type,
    tags: JSON.parse(row.tags) as Product['tags'],
    attributes: JSON.parse(row.attributes) as Product['attributes'],
    options: JSON.parse(row.options) as Product['options'],
    images: JSON.parse(row.images) as Product['images'],
    variants: variants.map(variantFromRow),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function productRow(product: Product): ProductRow {
  return {
    id: product.id,
    handle: product.handle,
    status: product.status,
    title: JSON.stringify(product.title),
    description: JSON.stringify(product.description),
    brand: product.brand,
    category_path: JSON.stringify(product.categoryPath),
    product_type: product.productType,
    tags: JSON.stringify(product.tags),
    attributes: JSON.stringify(product.attributes),
    options: JSON.stringify(product.options),
    images: JSON.stringify(product.images),
    created_at: product.createdAt,
    updated_at: product.updatedAt,
  };
}

/** Every price of a variant shares its currency, so only the amounts are stored per column. */
export function variantRow(
  variant: Variant,
  timestamps: { createdAt: number; updatedAt: number },
): VariantRow {
  return {
    id: variant.id,
    product_id: variant.productId,
    sku: variant.sku,
    barcode: variant.barcode,
    position: variant.position,
    option_values: JSON.stringify(variant.optionValues),
    price: variant.price.amount,
    compare_at_price: variant.compareAtPrice?.amount ?? null,
    cost: variant.cost?.amount ?? null,
    currency: variant.price.currency,
    weight_grams: variant.weightGrams,
    image_url: variant.imageUrl,
    created_at: timestamps.createdAt,
    updated_at: timestamps.updatedAt,
  };
}
