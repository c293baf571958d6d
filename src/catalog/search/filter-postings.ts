/**
 * Which products carry each filterable value, so a filtered browse starts from the products a
 * filter names instead of visiting the whole catalog. A list is keyed by the facet field a filter
 * claims ("brand", "category", "option:color", "attribute:material", ...) and the value's label id;
 * an option value lists the products with a variant holding it under an option of that name.
 */
import { type CatalogColumns, NONE } from './catalog-columns.js';
import type { LabelTable } from './label-table.js';

export function postingKey(field: string, labelId: number): string {
  return `${field}\u0000${labelId}`;
}

/** Every key the product in `slot` is listed under. */
export function postingKeysOf(columns: CatalogColumns, slot: number, labels: LabelTable): string[] {
  const keys = new Set<string>();
  const brand = columns.brand[slot]!;
  if (brand !== NONE) keys.add(postingKey('brand', brand));
  const productType = columns.productType[slot]!;
  if (productType !== NONE) keys.add(postingKey('productType', productType));
  columns.forEachLabel(slot, 'category', (id) => keys.add(postingKey('category', id)));
  columns.forEachLabel(slot, 'tag', (id) => keys.add(postingKey('tag', id)));
  columns.pairs(slot, 'attribute', (nameId, valueId) =>
    keys.add(postingKey(`attribute:${labels.keyOfId(nameId)}`, valueId)),
  );
  const first = columns.variantStart[slot]!;
  const count = columns.variantCount[slot]!;
  columns.pairs(slot, 'option', (position, nameId) => {
    const field = `option:${labels.keyOfId(nameId)}`;
    for (let variant = first; variant < first + count; variant += 1) {
      const value = columns.optionValue(variant, position);
      if (value !== NONE) keys.add(postingKey(field, value));
    }
  });
  return [...keys];
}

export class FilterPostings {
  private readonly lists = new Map<string, Set<number>>();

  add(slot: number, keys: readonly string[]): void {
    for (const key of keys) {
      const list = this.lists.get(key);
      if (list === undefined) this.lists.set(key, new Set([slot]));
      else list.add(slot);
    }
  }

  remove(slot: number, keys: readonly string[]): void {
    for (const key of keys) {
      const list = this.lists.get(key);
      if (list === undefined) continue;
      list.delete(slot);
      if (list.size === 0) this.lists.delete(key);
    }
  }

  get(key: string): ReadonlySet<number> | undefined {
    return this.lists.get(key);
  }
}

/** A product-level filter: a product passes when it is in any of the lists under `keys`. */
export interface ProductFilter {
  readonly bit: number;
  readonly keys: readonly string[];
}

/**
 * Per product, the bits of the product-level filters it passes, for the products that pass any.
 * Generations stand in for clearing, so a query touches only the products in its lists.
 */
export class PassMasks {
  private masks = new Int32Array(0);
  private marks = new Int32Array(0);
  private generation = 0;
  readonly touched: number[] = [];

  fill(filters: readonly ProductFilter[], postings: FilterPostings, size: number): void {
    if (this.marks.length < size) {
      const capacity = Math.max(size, Math.ceil(this.marks.length * 1.5), 1024);
      this.masks = new Int32Array(capacity);
      this.marks = new Int32Array(capacity);
      this.generation = 0;
    }
    this.generation += 1;
    if (this.generation === 0x7fffffff) {
      this.marks.fill(0);
      this.generation = 1;
    }
    this.touched.length = 0;
    for (const filter of filters) {
      for (const key of filter.keys) {
        const list = postings.get(key);
        if (list === undefined) continue;
        for (const slot of list) {
          if (this.marks[slot] !== this.generation) {
            this.marks[slot] = this.generation;
            this.masks[slot] = filter.bit;
            this.touched.push(slot);
          } else {
            this.masks[slot] = this.masks[slot]! | filter.bit;
          }
        }
      }
    }
  }

  /** The bits among `bits` that the product fails. */
  failed(slot: number, bits: number): number {
    return this.marks[slot] === this.generation ? bits & ~this.masks[slot]! : bits;
  }
}
