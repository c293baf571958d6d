/**
 * The content of a product: everything a feed or the admin supplies, normalized, without the ids
 * and timestamps the catalog assigns. Two contents are the same product exactly when their
 * canonical JSON is equal, which is how re-importing a feed is recognised as "unchanged". A
 * content is itself a valid ProductInput.
 */
import type { Money } from '../core/index.js';
import type {
  AttributeValue,
  LocalizedText,
  Product,
  ProductImage,
  ProductOption,
  ProductStatus,
  Variant,
} from './types.js';

export interface VariantContent {
  readonly sku: string | null;
  readonly barcode: string | null;
  readonly optionValues: readonly string[];
  readonly price: Money;
  readonly compareAtPrice: Money | null;
  readonly cost: Money | null;
  readonly weightGrams: number | null;
  readonly imageUrl: string | null;
}

export interface ProductContent {
  readonly handle: string;
  /** Absent keeps the stored status; a new product starts `active`. */
  readonly status?: ProductStatus;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly brand: string | null;
  readonly categoryPath: readonly string[];
  readonly productType: string | null;
  readonly tags: readonly string[];
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly options: readonly ProductOption[];
  readonly images: readonly ProductImage[];
  readonly variants: readonly VariantContent[];
}

export function variantContentOf(variant: Variant): VariantContent {
  return {
    sku: variant.sku,
    barcode: variant.barcode,
    optionValues: variant.optionValues,
    price: variant.price,
    compareAtPrice: variant.compareAtPrice,
    cost: variant.cost,
    weightGrams: variant.weightGrams,
    imageUrl: variant.imageUrl,
  };
}

export function productContentOf(product: Product): ProductContent {
  return {
    handle: product.handle,
    status: product.status,
    title: product.title,
    description: product.description,
    brand: product.brand,
    categoryPath: product.categoryPath,
    productType: product.productType,
    tags: product.tags,
    attributes: product.attributes,
    options: product.options,
    images: product.images,
    variants: product.variants.map(variantContentOf),
  };
}

/** JSON with object keys sorted at every depth, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

/** Whether the product-level fields (not status, not variants) are equal. */
export function sameProductFields(a: ProductContent, b: ProductContent): boolean {
  const { status: _aStatus, variants: _aVariants, ...aFields } = a;
  const { status: _bStatus, variants: _bVariants, ...bFields } = b;
  return canonicalJson(aFields) === canonicalJson(bFields);
}

export function sameVariantContent(a: VariantContent, b: VariantContent): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
