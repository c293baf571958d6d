/**
 * Filters compiled once per query into bit tests. Each filtered field owns one bit; a product or
 * variant's mask has the bits of the filters it fails. A variant matches when its product's mask
 * and its own are both zero; it counts for a field's facet when the only bit it fails is that
 * field's own, which is what makes facets disjunctive.
 *
 * Product fields (brand, category, product type, tags, attributes, and whether the product has a
 * variant with a wanted option value) are answered by posting lists; variant fields (price, stock,
 * the option value of each variant) by comparing label ids.
 */
import { ValidationError } from '../../core/index.js';
import { type ProductFilter, postingKey } from './filter-postings.js';
import type { IndexedProduct, IndexedVariant } from './indexed-product.js';
import { keyOf, type LabelTable } from './label-table.js';
import type { SearchFilters } from './types.js';

interface OptionGroup {
  readonly name: string;
  /** Label ids of the wanted values. */
  readonly values: ReadonlySet<number>;
  readonly bit: number;
}

function checkPrice(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
    throw new ValidationError(`${name} must be a non-negative integer of minor units`, { [name]: value });
  }
}

function nonEmpty(values: readonly string[] | undefined): readonly string[] | undefined {
  return values === undefined || values.length === 0 ? undefined : values;
}

export class CompiledFilters {
  /** Facet field ("brand", "option:color", ...) → the bit of its filter. */
  readonly bitOfField = new Map<string, number>();
  /** Filters on product fields, each passed by the products in any of its posting lists. */
  readonly productFilters: ProductFilter[] = [];
  /** The bits of `productFilters`. */
  productBits = 0;
  private readonly priceMin: number;
  private readonly priceMax: number;
  private readonly stockLocation: string | undefined;
  private readonly requireStock: boolean;
  private readonly options: OptionGroup[] = [];
  private nextBit = 1;
  /** Whether any filter looks at variant fields. */
  readonly filtersVariants: boolean;
  private priceBit = 0;
  private stockBit = 0;

  constructor(
    filters: SearchFilters = {},
    private readonly labels: LabelTable,
  ) {
    checkPrice('priceMin', filters.priceMin);
    checkPrice('priceMax', filters.priceMax);
    const brands = nonEmpty(filters.brand);
    if (brands) this.productFilter('brand', brands);
    if (filters.category !== undefined) this.productFilter('category', [filters.category]);
    if (filters.productType !== undefined) this.productFilter('productType', [filters.productType]);
    const tags = nonEmpty(filters.tags);
    if (tags) this.productFilter('tag', tags);
    this.priceMin = filters.priceMin ?? 0;
    this.priceMax = filters.priceMax ?? Number.POSITIVE_INFINITY;
    if (filters.priceMin !== undefined || filters.priceMax !== undefined) this.priceBit = this.claim('price');
    this.stockLocation = filters.locationId;
    this.requireStock = filters.inStock === true || filters.locationId !== undefined;
    if (this.requireStock) this.stockBit = this.claim('stock');
    for (const [name, values] of Object.entries(filters.options ?? {})) {
      if (!nonEmpty(values)) continue;
      const field = `option:${keyOf(name)}`;
      const bit = this.productFilter(field, values);
      this.options.push({ name: keyOf(name), values: this.idsOf(values), bit });
    }
    for (const [name, values] of Object.entries(filters.attributes ?? {})) {
      if (nonEmpty(values)) this.productFilter(`attribute:${keyOf(name)}`, values);
    }
    this.filtersVariants = this.priceBit !== 0 || this.stockBit !== 0 || this.options.length > 0;
  }

  private idsOf(values: readonly string[]): Set<number> {
    const ids = new Set<number>();
    for (const value of values) {
      const id = this.labels.idOf(keyOf(value));
      if (id !== undefined) ids.add(id);
    }
    return ids;
  }

  /** Claims the field's bit and adds (or widens) its posting-list filter. */
  private productFilter(field: string, values: readonly string[]): number {
    const bit = this.claim(field);
    const keys = [...this.idsOf(values)].map((id) => postingKey(field, id));
    const existing = this.productFilters.findIndex((filter) => filter.bit === bit);
    if (existing < 0) this.productFilters.push({ bit, keys });
    else this.productFilters[existing] = { bit, keys };
    this.productBits |= bit;
    return bit;
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

  /**
   * For each option filter, the option position of the product it applies to (-1 when the
   * product has no such option, which fails the filter for every variant).
   */
  optionPositions(entry: IndexedProduct, positions: number[]): void {
    positions.length = this.options.length;
    for (let index = 0; index < this.options.length; index += 1) {
      const name = this.options[index]!.name;
      positions[index] = entry.optionNames.findIndex((names) => names.includes(name));
    }
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
      if (value === undefined || !group.values.has(value.id)) mask |= group.bit;
    }
    return mask;
  }

  private hasStock(variant: IndexedVariant): boolean {
    if (this.stockLocation === undefined) return variant.inStock;
    return (variant.byLocation?.[this.stockLocation] ?? 0) > 0;
  }
}
