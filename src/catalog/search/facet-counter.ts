/**
 * Facet counts over the products a query matches. Each counter ignores its own field's filter
 * (disjunctive facets): the brand facet under a brand filter still shows the other brands, with
 * the counts a shopper would get by adding them.
 */
import { ValidationError } from '../../core/index.js';
import { normalizeText } from './analyze-text.js';
import type { CompiledFilters } from './compiled-filters.js';
import type { IndexedProduct, IndexedVariant } from './indexed-product.js';
import type { Labelled, LabelTable } from './label-table.js';
import type { FacetValue } from './types.js';

type ProductField = 'brand' | 'category' | 'productType' | 'tag';
const PRODUCT_FIELDS: readonly string[] = ['brand', 'category', 'productType', 'tag'];
/** The price facet aims at about this many buckets of a round width. */
const PRICE_BUCKETS = 5;

export interface FacetCounter {
  /** The bit of this facet's own filter (0 when the field is not filtered). */
  readonly ownBit: number;
  beginProduct(entry: IndexedProduct): void;
  /** A variant that passes every filter except, perhaps, this facet's own. */
  accept(variant: IndexedVariant): void;
  endProduct(entry: IndexedProduct): void;
  values(): FacetValue[];
}

/** Counts by label id in a dense array; only the ids a query touched are read back. */
class LabelCounts {
  private counts = new Int32Array(64);
  private readonly touched: number[] = [];

  constructor(private readonly labels: LabelTable) {}

  add(id: number): void {
    if (id >= this.counts.length) {
      const larger = new Int32Array(Math.max(id + 1, this.counts.length * 2));
      larger.set(this.counts);
      this.counts = larger;
    }
    if (this.counts[id] === 0) this.touched.push(id);
    this.counts[id] = this.counts[id]! + 1;
  }

  values(): FacetValue[] {
    return this.touched
      .map((id) => ({ value: this.labels.labelOf(id), count: this.counts[id]! }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
}

function productValues(
  field: ProductField | { attribute: string },
  entry: IndexedProduct,
): readonly Labelled[] {
  if (typeof field === 'object') return entry.attributes.get(field.attribute) ?? [];
  if (field === 'brand') return entry.brand === null ? [] : [entry.brand];
  if (field === 'category') return entry.categories;
  if (field === 'productType') return entry.productType === null ? [] : [entry.productType];
  return entry.tags;
}

class ProductFacet implements FacetCounter {
  private readonly counts: LabelCounts;
  private eligible = false;

  constructor(
    readonly ownBit: number,
    private readonly field: ProductField | { attribute: string },
    labels: LabelTable,
  ) {
    this.counts = new LabelCounts(labels);
  }

  beginProduct(): void {
    this.eligible = false;
  }

  accept(): void {
    this.eligible = true;
  }

  endProduct(entry: IndexedProduct): void {
    if (this.eligible) for (const item of productValues(this.field, entry)) this.counts.add(item.id);
  }

  values(): FacetValue[] {
    return this.counts.values();
  }
}

class OptionFacet implements FacetCounter {
  private readonly counts: LabelCounts;
  private position = -1;
  /** Value ids this product already counted; a product has few, so a list beats a set. */
  private readonly seen: number[] = [];

  constructor(
    readonly ownBit: number,
    private readonly name: string,
    labels: LabelTable,
  ) {
    this.counts = new LabelCounts(labels);
  }

  beginProduct(entry: IndexedProduct): void {
    this.position = entry.optionNames.findIndex((names) => names.includes(this.name));
    this.seen.length = 0;
  }

  accept(variant: IndexedVariant): void {
    const value = this.position < 0 ? undefined : variant.optionValues[this.position];
    if (value === undefined || this.seen.includes(value.id)) return;
    this.seen.push(value.id);
    this.counts.add(value.id);
  }

  endProduct(): void {}

  values(): FacetValue[] {
    return this.counts.values();
  }
}

/** A round bucket width (1, 2 or 5 times a power of ten) giving about PRICE_BUCKETS buckets. */
function bucketWidth(low: number, high: number): number {
  const rough = Math.max(1, Math.ceil((high - low + 1) / PRICE_BUCKETS));
  let magnitude = 1;
  while (magnitude * 10 <= rough) magnitude *= 10;
  for (const factor of [1, 2, 5, 10]) if (factor * magnitude >= rough) return factor * magnitude;
  return 10 * magnitude;
}

class PriceFacet implements FacetCounter {
  private readonly prices: number[] = [];
  private cheapest = Number.POSITIVE_INFINITY;

  constructor(readonly ownBit: number) {}

  beginProduct(): void {
    this.cheapest = Number.POSITIVE_INFINITY;
  }

  accept(variant: IndexedVariant): void {
    if (variant.variant.price.amount < this.cheapest) this.cheapest = variant.variant.price.amount;
  }

  endProduct(): void {
    if (this.cheapest !== Number.POSITIVE_INFINITY) this.prices.push(this.cheapest);
  }

  values(): FacetValue[] {
    if (this.prices.length === 0) return [];
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const price of this.prices) {
      if (price < low) low = price;
      if (price > high) high = price;
    }
    const width = bucketWidth(low, high);
    const counts = new Map<number, number>();
    for (const price of this.prices) {
      const start = Math.floor(price / width) * width;
      counts.set(start, (counts.get(start) ?? 0) + 1);
    }
    return [...counts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([start, count]) => ({ value: `${start}-${start + width}`, count }));
  }
}

/** Builds the counter for a requested facet name such as "brand" or "option:Color". */
export function createFacetCounter(
  requested: string,
  filters: CompiledFilters,
  labels: LabelTable,
): FacetCounter {
  const separator = requested.indexOf(':');
  const kind = separator < 0 ? requested : requested.slice(0, separator);
  const name = separator < 0 ? '' : normalizeText(requested.slice(separator + 1)).trim();
  if (separator < 0 && PRODUCT_FIELDS.includes(kind)) {
    return new ProductFacet(filters.bitOfField.get(kind) ?? 0, kind as ProductField, labels);
  }
  if (kind === 'price' && separator < 0) return new PriceFacet(filters.bitOfField.get('price') ?? 0);
  if (kind === 'option' && name !== '')
    return new OptionFacet(filters.bitOfField.get(`option:${name}`) ?? 0, name, labels);
  if (kind === 'attribute' && name !== '') {
    return new ProductFacet(filters.bitOfField.get(`attribute:${name}`) ?? 0, { attribute: name }, labels);
  }
  throw new ValidationError(
    `unknown facet "${requested}": use brand, category, productType, price, tag, option:<name> or attribute:<name>`,
    { facet: requested },
  );
}
