/**
 * Facet counts over the products a query matches. Each counter ignores its own field's filter
 * (disjunctive facets): the brand facet under a brand filter still shows the other brands, with
 * the counts a shopper would get by adding them.
 */
import { ValidationError } from '../../core/index.js';
import { normalizeText } from './analyze-text.js';
import { type CatalogColumns, NONE } from './catalog-columns.js';
import type { CompiledFilters } from './compiled-filters.js';
import type { LabelTable } from './label-table.js';
import type { FacetValue } from './types.js';

/** The price facet aims at about this many buckets of a round width. */
const PRICE_BUCKETS = 5;

export interface FacetCounter {
  /** The bit of this facet's own filter (0 when the field is not filtered). */
  readonly ownBit: number;
  /**
   * Counts a product from the filter masks of its variants, in order (-1 for a variant the query
   * text rules out). A variant counts when it passes every filter except, perhaps, the facet's own.
   */
  countProduct(columns: CatalogColumns, slot: number, masks: Int32Array): void;
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

/** Whether any of the product's variants counts for a facet whose own bit is `ownBit`. */
function anyCounts(columns: CatalogColumns, slot: number, masks: Int32Array, ownBit: number): boolean {
  const count = columns.variantCount[slot]!;
  for (let index = 0; index < count; index += 1) {
    const mask = masks[index]!;
    if (mask === 0 || mask === ownBit) return true;
  }
  return false;
}

/** Brand or product type: one label id per product, read from its column. */
class SingleLabelFacet implements FacetCounter {
  private readonly counts: LabelCounts;

  constructor(
    readonly ownBit: number,
    private readonly field: 'brand' | 'productType',
    labels: LabelTable,
  ) {
    this.counts = new LabelCounts(labels);
  }

  countProduct(columns: CatalogColumns, slot: number, masks: Int32Array): void {
    if (!anyCounts(columns, slot, masks, this.ownBit)) return;
    const id = columns[this.field][slot]!;
    if (id !== NONE) this.counts.add(id);
  }

  values(): FacetValue[] {
    return this.counts.values();
  }
}

/** Categories, tags or one attribute's values: label ids from the product's label pool. */
class PooledLabelFacet implements FacetCounter {
  private readonly counts: LabelCounts;
  private readonly add = (id: number) => this.counts.add(id);

  constructor(
    readonly ownBit: number,
    /** 'category', 'tag' or the attribute name's label id (NONE when no product has it). */
    private readonly field: 'category' | 'tag' | number,
    labels: LabelTable,
  ) {
    this.counts = new LabelCounts(labels);
  }

  countProduct(columns: CatalogColumns, slot: number, masks: Int32Array): void {
    if (this.field === NONE || !anyCounts(columns, slot, masks, this.ownBit)) return;
    columns.forEachLabel(slot, this.field, this.add);
  }

  values(): FacetValue[] {
    return this.counts.values();
  }
}

class OptionFacet implements FacetCounter {
  private readonly counts: LabelCounts;
  private readonly nameId: number;
  /** Value id → the last product (by count of products seen) that counted it. */
  private readonly countedBy: Int32Array;
  private product = 0;

  constructor(
    readonly ownBit: number,
    name: string,
    labels: LabelTable,
  ) {
    this.counts = new LabelCounts(labels);
    this.nameId = labels.idOf(name) ?? NONE;
    this.countedBy = new Int32Array(labels.size);
  }

  countProduct(columns: CatalogColumns, slot: number, masks: Int32Array): void {
    if (this.nameId === NONE) return;
    const position = columns.optionPosition(slot, this.nameId);
    if (position === NONE) return;
    this.product += 1;
    const first = columns.variantStart[slot]!;
    const count = columns.variantCount[slot]!;
    for (let index = 0; index < count; index += 1) {
      const mask = masks[index]!;
      if (mask !== 0 && mask !== this.ownBit) continue;
      const value = columns.optionValue(first + index, position);
      if (value === NONE || this.countedBy[value] === this.product) continue;
      this.countedBy[value] = this.product;
      this.counts.add(value);
    }
  }

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

  constructor(readonly ownBit: number) {}

  countProduct(columns: CatalogColumns, slot: number, masks: Int32Array): void {
    let cheapest = Number.POSITIVE_INFINITY;
    const first = columns.variantStart[slot]!;
    const count = columns.variantCount[slot]!;
    for (let index = 0; index < count; index += 1) {
      const mask = masks[index]!;
      if (mask !== 0 && mask !== this.ownBit) continue;
      const price = columns.price[first + index]!;
      if (price < cheapest) cheapest = price;
    }
    if (cheapest !== Number.POSITIVE_INFINITY) this.prices.push(cheapest);
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
    const first = Math.floor(low / width);
    const counts = new Int32Array(Math.floor(high / width) - first + 1);
    for (const price of this.prices) {
      const bucket = Math.floor(price / width) - first;
      counts[bucket] = counts[bucket]! + 1;
    }
    const values: FacetValue[] = [];
    counts.forEach((count, bucket) => {
      const start = (first + bucket) * width;
      if (count > 0) values.push({ value: `${start}-${start + width}`, count });
    });
    return values;
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
  if (separator < 0 && (kind === 'brand' || kind === 'productType')) {
    return new SingleLabelFacet(filters.bitOfField.get(kind) ?? 0, kind, labels);
  }
  if (separator < 0 && (kind === 'category' || kind === 'tag')) {
    return new PooledLabelFacet(filters.bitOfField.get(kind) ?? 0, kind, labels);
  }
  if (kind === 'price' && separator < 0) return new PriceFacet(filters.bitOfField.get('price') ?? 0);
  if (kind === 'option' && name !== '')
    return new OptionFacet(filters.bitOfField.get(`option:${name}`) ?? 0, name, labels);
  if (kind === 'attribute' && name !== '') {
    const nameId = labels.idOf(name) ?? NONE;
    return new PooledLabelFacet(filters.bitOfField.get(`attribute:${name}`) ?? 0, nameId, labels);
  }
  throw new ValidationError(
    `unknown facet "${requested}": use brand, category, productType, price, tag, option:<name> or attribute:<name>`,
    { facet: requested },
  );
}
