/**
 * The index's own view of a product and its variants: the normalized keys filters and facets
 * compare against, next to the display text facets show.
 */
import type { Product, Variant } from '../types.js';
import { normalizeText } from './analyze-text.js';

export interface Labelled {
  /** Normalized for comparison: case, width and accents folded. */
  readonly key: string;
  /** As the merchant wrote it. */
  readonly label: string;
}

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
  byLocation: Readonly<Record<string, number>> | undefined;
}

export function labelled(label: string): Labelled {
  return { key: normalizeText(label).trim(), label };
}

function uniqueLabels(labels: readonly string[]): Labelled[] {
  const seen = new Map<string, Labelled>();
  for (const label of labels) {
    const item = labelled(label);
    if (item.key !== '' && !seen.has(item.key)) seen.set(item.key, item);
  }
  return [...seen.values()];
}

export function indexedProductOf(product: Product, slot: number, stamp: number): IndexedProduct {
  const attributes = new Map<string, Labelled[]>();
  for (const [name, value] of Object.entries(product.attributes)) {
    const values = uniqueLabels(typeof value === 'string' ? [value] : value);
    if (values.length > 0) attributes.set(labelled(name).key, values);
  }
  return {
    slot,
    stamp,
    product,
    brand: product.brand === null || product.brand.trim() === '' ? null : labelled(product.brand),
    categories: uniqueLabels(product.categoryPath),
    productType:
      product.productType === null || product.productType.trim() === ''
        ? null
        : labelled(product.productType),
    tags: uniqueLabels(product.tags),
    attributes,
    optionNames: product.options.map((option) =>
      uniqueLabels([option.name, ...Object.values(option.localizedName ?? {})]).map((name) => name.key),
    ),
    variantSlots: [],
    termIds: [],
  };
}

export function indexedVariantOf(
  variant: Variant,
  slot: number,
  productSlot: number,
  byLocation: Readonly<Record<string, number>> | undefined,
): IndexedVariant {
  return {
    slot,
    productSlot,
    variant,
    optionValues: variant.optionValues.map(labelled),
    termIds: [],
    available: byLocation === undefined ? undefined : totalAvailable(byLocation),
    byLocation,
  };
}

export function totalAvailable(byLocation: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const units of Object.values(byLocation)) if (units > 0) total += units;
  return total;
}
