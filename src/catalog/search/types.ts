import type { Money } from '../../core/index.js';
import type { Product } from '../types.js';

export type SearchSort = 'relevance' | 'price_asc' | 'price_desc' | 'newest';

export interface SearchFilters {
  /** A category name at any level of the path, case-insensitive. */
  readonly category?: string;
  /** Any of these brands. */
  readonly brand?: readonly string[];
  /** Option name (case-insensitive, e.g. "color") → any of these values; names are combined with AND. */
  readonly options?: Readonly<Record<string, readonly string[]>>;
  /** Any of these tags. */
  readonly tags?: readonly string[];
  /** Minor units, inclusive. */
  readonly priceMin?: number;
  /** Minor units, inclusive. */
  readonly priceMax?: number;
  /** Only variants with units available (at `locationId` when given). */
  readonly inStock?: boolean;
  /** Only variants with units available at this location. */
  readonly locationId?: string;
  readonly productType?: string;
  /** Attribute name → any of these values; names are combined with AND. */
  readonly attributes?: Readonly<Record<string, readonly string[]>>;
}

export interface SearchQuery {
  readonly q?: string;
  readonly locale?: string;
  readonly filters?: SearchFilters;
  /** 'brand' | 'category' | 'productType' | 'price' | 'tag' | 'option:<name>' | 'attribute:<name>' */
  readonly facets?: readonly string[];
  readonly sort?: SearchSort;
  /** 1..100, default 20. */
  readonly limit?: number;
  readonly cursor?: string | null;
}

export interface SearchHit {
  readonly productId: string;
  readonly score: number;
  readonly matchedVariantIds: readonly string[];
  /** Cheapest matching variant's price: what "from NT$…" shows. */
  readonly priceFrom: Money;
  /** Localized title. */
  readonly title: string;
}

export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

export interface QueryUnderstanding {
  readonly terms: readonly string[];
  /** Query word → the indexed word it was read as. */
  readonly corrected?: Readonly<Record<string, string>>;
  /** Query words that occur nowhere in the catalog and were left out of matching. */
  readonly ignored?: readonly string[];
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  readonly total: number;
  readonly nextCursor: string | null;
  /**
   * Counts of products per value. The price facet's values are `"<min>-<max>"` buckets in minor
   * units, min inclusive and max exclusive.
   */
  readonly facets: Readonly<Record<string, readonly FacetValue[]>>;
  readonly query: QueryUnderstanding;
}

export interface SearchIndex {
  /** Adds or replaces a product. Products that are not `active` are taken out of the index. */
  upsert(product: Product): void;
  remove(productId: string): void;
  /** Available units per location for a variant (the inventory feeds this on every change). */
  setAvailability(variantId: string, byLocation: Readonly<Record<string, number>>): void;
  search(query: SearchQuery): SearchResult;
  size(): { products: number; variants: number };
}
