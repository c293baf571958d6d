/**
 * Filters compiled once per query into bit tests. Each filtered field owns one bit; a product or
 * variant's mask has the bits of the filters it fails. A variant matches when its product's mask
 * and its own are both zero; it counts for a field's facet when the only bit it fails is that
 * field's own, which is what makes facets disjunctive.
 */
import { ValidationError } from '../../core/index.js';
import { normalizeText } from './analyze-text.js';
import type { IndexedProduct, IndexedVariant, Labelled } from './indexed-product.js';
import type { SearchFilters } from './types.js';

interface OptionGroup {
  readonly name: string;
  readonly values: ReadonlySet<string>;
  readonly bit: number;
}

function keyOf(text: string): string {
  return normalizeText(text).trim();
}

function keySet(values: readonly string[] | undefined): Set<string> | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return new Set(values.map(keyOf));
}

function anyIn(items: readonly Labelled[], keys: ReadonlySet<string>): boolean {
  return items.some((item) => keys.has(item.key));
}

function checkPrice(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
    throw new ValidationError(`${name} must be a non-negative integer of minor units`, { [name]: value });
  }
}

export class CompiledFilters {
  /** Facet field ("brand", "option:color", ...) → the bit of its filter. */
  readonly bitOfField = new Map<string, number>();
  private readonly brands: Set<string> | undefined;
  private readonly category: string | undefined;
  private readonly productType: string | undefined;
  private readonly tags: Set<string> | undefined;
  private readonly priceMin: number;
  private readonly priceMax: number;
  private readonly stockLocation: string | undefined;
  private readonly requireStock: boolean;
  private readonly options: OptionGroup[] = [];
  private readonly attributes: OptionGroup[] = [];
  private nextBit = 1;
  /** Whether any filter looks at product fields, so unfiltered searches skip the work. */
  readonly filtersProducts: boolean;
  /** Whether any filter looks at variant fields. */
  readonly filtersVariants: boolean;
  private priceBit = 0;
  private stockBit = 0;

  constructor(filters: SearchFilters = {}) {
    checkPrice('priceMin', filters.priceMin);
    checkPrice('priceMax', filters.priceMax);
    this.brands = keySet(filters.brand);
    if (this.brands) this.claim('brand');
    this.category = filters.category === undefined ? undefined : keyOf(filters.category);
    if (this.category !== undefined) this.claim('category');
    this.productType = filters.productType === undefined ? undefined : keyOf(filters.productType);
    if (this.productType !== undefined) this.claim('productType');
    this.tags = keySet(filters.tags);
    if (this.tags) this.claim('tag');
    this.priceMin = filters.priceMin ?? 0;
    this.priceMax = filters.priceMax ?? Number.POSITIVE_INFINITY;
    if (filters.priceMin !== undefined || filters.priceMax !== undefined) this.priceBit = this.claim('price');
    this.stockLocation = filters.locationId;
    this.requireStock = filters.inStock === true || filters.locationId !== undefined;
    if (this.requireStock) this.stockBit = this.claim('stock');
    for (const [name, values] of Object.entries(filters.options ?? {})) {
      const keys = keySet(values);
      if (keys)
        this.options.push({ name: keyOf(name), values: keys, bit: this.claim(`option:${keyOf(name)}`) });
    }
    for (const [name, values] of Object.entries(filters.attributes ?? {})) {
      const keys = keySet(values);
      if (keys) {
        this.attributes.push({
          name: keyOf(name),
          values: keys,
          bit: this.claim(`attribute:${keyOf(name)}`),
        });
      }
    }
    this.filtersProducts =
      this.brands !== undefined ||
      this.category !== undefined ||
      this.productType !== undefined ||
      this.tags !== undefined ||
      this.attributes.length > 0 ||
      this.options.length > 0;
    this.filtersVariants = this.priceBit !== 0 || this.stockBit !== 0 || this.options.length > 0;
  }

  private claim(field: string): number {
    const existing = this.bitOfField.get(field);
    if (existing !== undefined) return existing;
    if (this.nextBit > 2 ** 30) throw new ValidationError('too many filters in one query');
    const bit = this.nextBit;
    this.nextBit *= 2;
    this.bitOfField.set(field, bit);
    return bit;
  }

  private bit(field: string): number {
    return this.bitOfField.get(field) ?? 0;
  }

  /**
   * The product-level failures, and for each option filter the option position it applies to
   * (-1 when the product has no such option, which fails the filter for every variant).
   */
  productMask(entry: IndexedProduct, optionPositions: number[]): number {
    let mask = 0;
    if (this.brands && (entry.brand === null || !this.brands.has(entry.brand.key))) mask |= this.bit('brand');
    if (this.category !== undefined && !entry.categories.some((item) => item.key === this.category)) {
      mask |= this.bit('category');
    }
    if (this.productType !== undefined && entry.productType?.key !== this.productType) {
      mask |= this.bit('productType');
    }
    if (this.tags && !anyIn(entry.tags, this.tags)) mask |= this.bit('tag');
    for (const group of this.attributes) {
      const values = entry.attributes.get(group.name);
      if (values === undefined || !anyIn(values, group.values)) mask |= group.bit;
    }
    optionPositions.length = this.options.length;
    this.options.forEach((group, index) => {
      const position = entry.optionNames.findIndex((names) => names.includes(group.name));
      optionPositions[index] = position;
      if (position < 0) mask |= group.bit;
    });
    return mask;
  }

  variantMask(variant: IndexedVariant, optionPositions: readonly number[]): number {
    let mask = 0;
    const price = variant.variant.price.amount;
    if (price < this.priceMin || price > this.priceMax) mask |= this.priceBit;
    if (this.requireStock && !this.hasStock(variant)) mask |= this.stockBit;
    for (let index = 0; index < this.options.length; index += 1) {
      const position = optionPositions[index]!;
      const group = this.options[index]!;
      const value = position < 0 ? undefined : variant.optionValues[position];
      if (value === undefined || !group.values.has(value.key)) mask |= group.bit;
    }
    return mask;
  }

  private hasStock(variant: IndexedVariant): boolean {
    if (this.stockLocation === undefined) return (variant.available ?? 0) > 0;
    return (variant.byLocation?.[this.stockLocation] ?? 0) > 0;
  }
}
