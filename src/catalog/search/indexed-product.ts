/**
 * The index's own view of a product and its variants: the normalized keys filters and facets
 * compare against, next to the display text facets show.
 */
import type { Product, Variant } from '../types.js';
import type { Labelled, LabelTable } from './label-table.js';

export interface IndexedProduct {
  readonly slot: number;
  /** Unique per upsert, so postings of a product that left this slot are recognised as dead. */
  readonly stamp: number;
  readonly product: Product;
  readonly brand: Labelled | null;
  readonly categories: readonly Labelled[];
  readonly productType: Labelled | null;
  readonly tags: readonly Labelled[];
  /** Attribute name key → its values. */
  readonly attributes: ReadonlyMap<string, readonly Labelled[]>;
  /** Option position → every name it answers to (its name and localized names), as keys. */
  readonly optionNames: readonly (readonly string[])[];
  readonly variantSlots: number[];
  readonly termIds: number[];
  /** The filter posting lists the product is in. */
  postingKeys: readonly string[];
}

export interface IndexedVariant {
  readonly slot: number;
  readonly productSlot: number;
  readonly variant: Variant;
  /** Option position → value. */
  readonly optionValues: readonly Labelled[];
  readonly termIds: number[];
  /** Units available over all locations; `undefined` while the inventory has not reported. */
  available: number | undefined;
  inStock: boolean;
  byLocation: Readonly<Record<string, number>> | undefined;
}

function uniqueLabels(labels: readonly string[], table: LabelTable): Labelled[] {
  const seen = new Map<string, Labelled>();
  for (const label of labels) {
    const item = table.intern(label);
    if (item.key !== '' && !seen.has(item.key)) seen.set(item.key, item);
  }
  return [...seen.values()];
}

export function indexedProductOf(
  product: Product,
  slot: number,
  stamp: number,
  table: LabelTable,
): IndexedProduct {
  const attributes = new Map<string, Labelled[]>();
  for (const [name, value] of Object.entries(product.attributes)) {
    const values = uniqueLabels(typeof value === 'string' ? [value] : value, table);
    if (values.length > 0) attributes.set(table.intern(name).key, values);
  }
  return {
    slot,
    stamp,
    product,
    brand: product.brand === null || product.brand.trim() === '' ? null : table.intern(product.brand),
    categories: uniqueLabels(product.categoryPath, table),
    productType:
      product.productType === null || product.productType.trim() === ''
        ? null
        : table.intern(product.productType),
    tags: uniqueLabels(product.tags, table),
    attributes,
    optionNames: product.options.map((option) =>
      uniqueLabels([option.name, ...Object.values(option.localizedName ?? {})], table).map(
        (name) => name.key,
      ),
    ),
    variantSlots: [],
    termIds: [],
    postingKeys: [],
  };
}

export function indexedVariantOf(
  variant: Variant,
  slot: number,
  productSlot: number,
  byLocation: Readonly<Record<string, number>> | undefined,
  table: LabelTable,
): IndexedVariant {
  const available = byLocation === undefined ? undefined : totalAvailable(byLocation);
  return {
    slot,
    productSlot,
    variant,
    optionValues: variant.optionValues.map((value) => table.intern(value)),
    termIds: [],
    available,
    inStock: available !== undefined && available > 0,
    byLocation,
  };
}

export function totalAvailable(byLocation: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const units of Object.values(byLocation)) if (units > 0) total += units;
  return total;
}
