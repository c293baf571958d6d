/**
 * The index's own view of products and variants, stored as columns (one typed array per field)
 * rather than one object per variant: filtering, facet counting and price aggregation loop over
 * plain numbers, which is several times faster than reading the same fields off objects.
 *
 * Products keep their slot for life (term and filter postings refer to it); a freed slot is
 * reused. A product's variants sit side by side, from `variantStart` for `variantCount`: an upsert
 * appends them at the end and a removal leaves a gap, closed by a compaction once gaps outnumber
 * live variants. Compaction moves variants, never products, so it changes no result.
 *
 * Labels (brand, categories, ...) are integer ids from the label table. A product's variable-length
 * labels live in one shared pool from `labelStart`: categories, then tags, then attribute
 * (name, value) pairs, then option (position, name) pairs.
 */
import type { Product } from '../types.js';
import type { LabelTable } from './label-table.js';
import { ensure, grow } from './typed-arrays.js';

/** No label: the product has no brand, or the variant no value at that option position. */
export const NONE = -1;
/** Gaps tolerated before a compaction, so small catalogs are not compacted on every change. */
const MIN_GAPS = 8;

function uniqueIds(labels: readonly string[], table: LabelTable, into: number[]): number {
  const start = into.length;
  for (const label of labels) {
    const item = table.intern(label);
    if (item.key === '') continue;
    let seen = false;
    for (let index = start; index < into.length; index += 1) if (into[index] === item.id) seen = true;
    if (!seen) into.push(item.id);
  }
  return into.length - start;
}

export class CatalogColumns {
  readonly products: (Product | undefined)[] = [];
  /** Unique per upsert, so postings of a product that left its slot are recognised as dead. */
  stamp = new Float64Array(64);
  createdAt = new Float64Array(64);
  variantStart = new Int32Array(64);
  variantCount = new Int32Array(64);
  /** The cheapest variant's price, in minor units. */
  minPrice = new Float64Array(64);
  /** How many of the product's variants have units available somewhere. */
  inStockCount = new Int32Array(64);
  brand = new Int32Array(64);
  productType = new Int32Array(64);
  labelStart = new Int32Array(64);
  categoryCount = new Int32Array(64);
  tagCount = new Int32Array(64);
  attributeCount = new Int32Array(64);
  optionNameCount = new Int32Array(64);
  labelPool = new Int32Array(256);
  private labelLength = 0;
  private labelGaps = 0;

  /** Variant slot → its product's slot, or NONE in a gap. */
  variantProduct = new Int32Array(256);
  /** Minor units. */
  price = new Float64Array(256);
  /** Units available somewhere; 0 while the inventory has not reported. */
  inStock = new Uint8Array(256);
  optionStart = new Int32Array(256);
  optionCount = new Int32Array(256);
  optionPool = new Int32Array(1024);
  /** Term ids of each variant's option values and SKU. */
  variantTerms: number[][] = [];
  private optionLength = 0;
  /** Variant slots in use, gaps included. */
  variantEnd = 0;
  private variantGaps = 0;
  private readonly stockByLocation = new Map<string, Uint8Array>();
  private readonly variantSlots = new Map<string, number>();
  private readonly freeProductSlots: number[] = [];
  private nextStamp = 0;
  private productTotal = 0;

  constructor(private readonly labels: LabelTable) {}

  get productCount(): number {
    return this.productTotal;
  }

  get variantTotal(): number {
    return this.variantEnd - this.variantGaps;
  }

  /** Slots ever used by products: every live slot is below this. */
  get productSlotEnd(): number {
    return this.products.length;
  }

  variantSlotOf(variantId: string): number | undefined {
    return this.variantSlots.get(variantId);
  }

  /** Per variant slot, whether it has units at the location; undefined for a location never reported. */
  stockAt(locationId: string): Uint8Array | undefined {
    return this.stockByLocation.get(locationId);
  }

  /** Stores a product and its variants; returns its slot. */
  add(
    product: Product,
    availabilityOf: (variantId: string) => Readonly<Record<string, number>> | undefined,
    termsOf: (variantIndex: number) => number[],
  ): number {
    const slot = this.freeProductSlots.pop() ?? this.products.length;
    this.reserveProducts(slot + 1);
    this.products[slot] = product;
    this.productTotal += 1;
    this.nextStamp += 1;
    this.stamp[slot] = this.nextStamp;
    this.createdAt[slot] = product.createdAt;
    this.brand[slot] = this.labelIdOf(product.brand);
    this.productType[slot] = this.labelIdOf(product.productType);
    this.addLabels(slot, product);

    const first = this.variantEnd;
    const count = product.variants.length;
    this.reserveVariants(first + count);
    this.variantStart[slot] = first;
    this.variantCount[slot] = count;
    this.inStockCount[slot] = 0;
    let minPrice = Number.POSITIVE_INFINITY;
    for (let index = 0; index < count; index += 1) {
      const variant = product.variants[index]!;
      const variantSlot = first + index;
      this.variantProduct[variantSlot] = slot;
      this.price[variantSlot] = variant.price.amount;
      if (variant.price.amount < minPrice) minPrice = variant.price.amount;
      this.inStock[variantSlot] = 0;
      this.optionPool = ensure(this.optionPool, this.optionLength + variant.optionValues.length);
      this.optionStart[variantSlot] = this.optionLength;
      this.optionCount[variantSlot] = variant.optionValues.length;
      for (const value of variant.optionValues) {
        this.optionPool[this.optionLength] = this.labels.intern(value).id;
        this.optionLength += 1;
      }
      this.variantTerms[variantSlot] = termsOf(index);
      this.variantSlots.set(variant.id, variantSlot);
      this.writeStock(variantSlot, availabilityOf(variant.id));
    }
    this.minPrice[slot] = minPrice;
    this.variantEnd = first + count;
    return slot;
  }

  /** Takes the product out; its slot may be reused by the next `add`. */
  remove(slot: number): void {
    const product = this.products[slot]!;
    this.products[slot] = undefined;
    this.stamp[slot] = 0;
    this.productTotal -= 1;
    this.freeProductSlots.push(slot);
    const first = this.variantStart[slot]!;
    for (let index = 0; index < this.variantCount[slot]!; index += 1) {
      this.variantProduct[first + index] = NONE;
      this.variantTerms[first + index] = [];
      this.variantSlots.delete(product.variants[index]!.id);
    }
    this.variantGaps += this.variantCount[slot]!;
    this.variantCount[slot] = 0;
    this.labelGaps += this.labelLengthOf(slot);
    if (this.variantGaps >= MIN_GAPS && this.variantGaps > this.variantTotal) this.compactVariants();
    if (this.labelGaps >= MIN_GAPS && this.labelGaps * 2 > this.labelLength) this.compactLabels();
  }

  setAvailability(variantSlot: number, byLocation: Readonly<Record<string, number>>): void {
    this.writeStock(variantSlot, byLocation);
  }

  /** The first option position of the product that answers to the name, or NONE. */
  optionPosition(slot: number, nameId: number): number {
    const start =
      this.labelStart[slot]! +
      this.categoryCount[slot]! +
      this.tagCount[slot]! +
      2 * this.attributeCount[slot]!;
    const end = start + 2 * this.optionNameCount[slot]!;
    for (let index = start; index < end; index += 2) {
      if (this.labelPool[index + 1] === nameId) return this.labelPool[index]!;
    }
    return NONE;
  }

  /** The variant's value id at an option position, or NONE. */
  optionValue(variantSlot: number, position: number): number {
    return position >= 0 && position < this.optionCount[variantSlot]!
      ? this.optionPool[this.optionStart[variantSlot]! + position]!
      : NONE;
  }

  /** Calls `each` with the label ids of a product field: categories, tags or one attribute's values. */
  forEachLabel(slot: number, field: 'category' | 'tag' | number, each: (id: number) => void): void {
    const pool = this.labelPool;
    let start = this.labelStart[slot]!;
    if (field === 'category') {
      for (let index = 0; index < this.categoryCount[slot]!; index += 1) each(pool[start + index]!);
      return;
    }
    start += this.categoryCount[slot]!;
    if (field === 'tag') {
      for (let index = 0; index < this.tagCount[slot]!; index += 1) each(pool[start + index]!);
      return;
    }
    start += this.tagCount[slot]!;
    const end = start + 2 * this.attributeCount[slot]!;
    for (let index = start; index < end; index += 2) if (pool[index] === field) each(pool[index + 1]!);
  }

  /** Attribute (name id, value id) pairs and option (position, name id) pairs of a product. */
  pairs(slot: number, kind: 'attribute' | 'option', each: (first: number, second: number) => void): void {
    let start = this.labelStart[slot]! + this.categoryCount[slot]! + this.tagCount[slot]!;
    let count = this.attributeCount[slot]!;
    if (kind === 'option') {
      start += 2 * count;
      count = this.optionNameCount[slot]!;
    }
    for (let index = 0; index < count; index += 1) {
      each(this.labelPool[start + 2 * index]!, this.labelPool[start + 2 * index + 1]!);
    }
  }

  private labelIdOf(text: string | null): number {
    return text === null || text.trim() === '' ? NONE : this.labels.intern(text).id;
  }

  private labelLengthOf(slot: number): number {
    return (
      this.categoryCount[slot]! +
      this.tagCount[slot]! +
      2 * this.attributeCount[slot]! +
      2 * this.optionNameCount[slot]!
    );
  }

  private addLabels(slot: number, product: Product): void {
    const ids: number[] = [];
    this.categoryCount[slot] = uniqueIds(product.categoryPath, this.labels, ids);
    this.tagCount[slot] = uniqueIds(product.tags, this.labels, ids);
    let attributes = 0;
    const values: number[] = [];
    for (const [name, value] of Object.entries(product.attributes)) {
      values.length = 0;
      if (uniqueIds(typeof value === 'string' ? [value] : value, this.labels, values) === 0) continue;
      const nameId = this.labels.intern(name).id;
      for (const valueId of values) ids.push(nameId, valueId);
      attributes += values.length;
    }
    this.attributeCount[slot] = attributes;
    let optionNames = 0;
    const names: number[] = [];
    product.options.forEach((option, position) => {
      names.length = 0;
      uniqueIds([option.name, ...Object.values(option.localizedName ?? {})], this.labels, names);
      for (const nameId of names) ids.push(position, nameId);
      optionNames += names.length;
    });
    this.optionNameCount[slot] = optionNames;
    this.labelPool = ensure(this.labelPool, this.labelLength + ids.length);
    this.labelStart[slot] = this.labelLength;
    this.labelPool.set(ids, this.labelLength);
    this.labelLength += ids.length;
  }

  private writeStock(variantSlot: number, byLocation: Readonly<Record<string, number>> | undefined): void {
    let total = 0;
    for (const location in byLocation) {
      const units = byLocation[location]!;
      if (units > 0) total += units;
      // A location first met here reads as no stock for every other variant, which is right.
      if (!this.stockByLocation.has(location))
        this.stockByLocation.set(location, new Uint8Array(this.variantProduct.length));
    }
    const inStock = total > 0 ? 1 : 0;
    const productSlot = this.variantProduct[variantSlot]!;
    this.inStockCount[productSlot] = this.inStockCount[productSlot]! + inStock - this.inStock[variantSlot]!;
    this.inStock[variantSlot] = inStock;
    for (const [location, column] of this.stockByLocation) {
      column[variantSlot] = (byLocation?.[location] ?? 0) > 0 ? 1 : 0;
    }
  }

  private reserveProducts(size: number): void {
    if (this.stamp.length >= size) return;
    const capacity = Math.max(size, this.stamp.length * 2);
    this.stamp = grow(this.stamp, capacity);
    this.createdAt = grow(this.createdAt, capacity);
    this.variantStart = grow(this.variantStart, capacity);
    this.variantCount = grow(this.variantCount, capacity);
    this.minPrice = grow(this.minPrice, capacity);
    this.inStockCount = grow(this.inStockCount, capacity);
    this.brand = grow(this.brand, capacity);
    this.productType = grow(this.productType, capacity);
    this.labelStart = grow(this.labelStart, capacity);
    this.categoryCount = grow(this.categoryCount, capacity);
    this.tagCount = grow(this.tagCount, capacity);
    this.attributeCount = grow(this.attributeCount, capacity);
    this.optionNameCount = grow(this.optionNameCount, capacity);
  }

  private reserveVariants(size: number): void {
    if (this.variantProduct.length >= size) return;
    this.resizeVariants(Math.max(size, this.variantProduct.length * 2));
  }

  private resizeVariants(capacity: number): void {
    this.variantProduct = grow(this.variantProduct, capacity);
    this.price = grow(this.price, capacity);
    this.inStock = grow(this.inStock, capacity);
    this.optionStart = grow(this.optionStart, capacity);
    this.optionCount = grow(this.optionCount, capacity);
    for (const [location, column] of this.stockByLocation) {
      this.stockByLocation.set(location, grow(column, capacity));
    }
  }

  /** Closes the gaps left by removed products, keeping each product's variants together. */
  private compactVariants(): void {
    const options = new Int32Array(Math.max(64, this.optionLength));
    let optionLength = 0;
    let end = 0;
    for (let from = 0; from < this.variantEnd; from += 1) {
      const slot = this.variantProduct[from]!;
      if (slot === NONE) continue;
      if (this.variantStart[slot] === from) this.variantStart[slot] = end;
      const optionCount = this.optionCount[from]!;
      const optionStart = this.optionStart[from]!;
      options.set(this.optionPool.subarray(optionStart, optionStart + optionCount), optionLength);
      this.variantProduct[end] = slot;
      this.price[end] = this.price[from]!;
      this.inStock[end] = this.inStock[from]!;
      this.optionStart[end] = optionLength;
      this.optionCount[end] = optionCount;
      this.variantTerms[end] = this.variantTerms[from]!;
      for (const column of this.stockByLocation.values()) column[end] = column[from]!;
      this.variantSlots.set(this.products[slot]!.variants[end - this.variantStart[slot]!]!.id, end);
      optionLength += optionCount;
      end += 1;
    }
    this.variantTerms.length = end;
    this.variantEnd = end;
    this.variantGaps = 0;
    this.optionPool = options;
    this.optionLength = optionLength;
  }

  /** Rewrites the label pool without the labels of removed products. */
  private compactLabels(): void {
    const pool = new Int32Array(Math.max(256, this.labelLength - this.labelGaps));
    let length = 0;
    for (let slot = 0; slot < this.products.length; slot += 1) {
      if (this.products[slot] === undefined) continue;
      const start = this.labelStart[slot]!;
      const count = this.labelLengthOf(slot);
      pool.set(this.labelPool.subarray(start, start + count), length);
      this.labelStart[slot] = length;
      length += count;
    }
    this.labelPool = pool;
    this.labelLength = length;
    this.labelGaps = 0;
  }
}
