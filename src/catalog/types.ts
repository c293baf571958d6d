/**
 * The catalog's domain model. Storage rows, feed rows and API bodies all map to and from these
 * types; money is integer minor units with an ISO 4217 currency.
 */
import type { Money } from '../core/index.js';

/** BCP 47 tag such as "en" or "zh-TW". */
export type Locale = string;

/** Text in one or more locales: `{ en: 'Rain jacket', 'zh-TW': '防水外套' }`. */
export type LocalizedText = Readonly<Record<Locale, string>>;

export type ProductStatus = 'active' | 'draft' | 'archived';

/** An option axis of a product, e.g. Size with values 26, 27, 28 (at most three per product). */
export interface ProductOption {
  readonly name: string;
  /** Names of the option in other locales, e.g. `{ 'zh-TW': '尺寸' }`. */
  readonly localizedName?: LocalizedText;
  readonly values: readonly string[];
}

export interface ProductImage {
  readonly url: string;
  readonly alt?: string;
  readonly position: number;
}

/** Attribute values are text or lists of text: material, gender, waterproof rating, ... */
export type AttributeValue = string | readonly string[];

export interface Variant {
  readonly id: string;
  readonly productId: string;
  readonly sku: string | null;
  /** GTIN / EAN / UPC / barcode. */
  readonly barcode: string | null;
  /** Values in the order of the product's options; `[]` for a product without options. */
  readonly optionValues: readonly string[];
  readonly price: Money;
  readonly compareAtPrice: Money | null;
  readonly cost: Money | null;
  readonly weightGrams: number | null;
  readonly imageUrl: string | null;
  readonly position: number;
}

export interface Product {
  readonly id: string;
  /** The merchant's stable key (Shopify handle, GMC item_group_id or id). Unique. */
  readonly handle: string;
  readonly status: ProductStatus;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly brand: string | null;
  /** Category from broad to narrow: `['Footwear', 'Hiking shoes']`. */
  readonly categoryPath: readonly string[];
  readonly productType: string | null;
  readonly tags: readonly string[];
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly options: readonly ProductOption[];
  readonly images: readonly ProductImage[];
  readonly variants: readonly Variant[];
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** What an import or the admin API supplies; ids are assigned by the catalog. */
export interface VariantInput {
  readonly sku?: string | null;
  readonly barcode?: string | null;
  readonly optionValues: readonly string[];
  readonly price: Money;
  readonly compareAtPrice?: Money | null;
  readonly cost?: Money | null;
  readonly weightGrams?: number | null;
  readonly imageUrl?: string | null;
}

export interface ProductInput {
  readonly handle: string;
  readonly status?: ProductStatus;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly brand?: string | null;
  readonly categoryPath?: readonly string[];
  readonly productType?: string | null;
  readonly tags?: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  readonly options?: readonly ProductOption[];
  readonly images?: readonly Omit<ProductImage, 'position'>[];
  readonly variants: readonly VariantInput[];
}

/** Picks the text for `locale`, falling back to its language, then English, then any locale. */
export function localize(text: LocalizedText, locale: Locale = 'en'): string {
  const exact = text[locale];
  if (exact !== undefined) return exact;
  const language = locale.split('-')[0] ?? locale;
  const sameLanguage = Object.keys(text).find((key) => key.split('-')[0] === language);
  if (sameLanguage !== undefined) return text[sameLanguage] ?? '';
  return text.en ?? Object.values(text)[0] ?? '';
}
