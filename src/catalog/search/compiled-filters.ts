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
import { type CatalogColumns, NONE } from './catalog-columns.js';
import { type ProductFilter, postingKey } from './filter-postings.js';
import { keyOf, type LabelTable } from './label-table.js';
import type { SearchFilters } from './types.js';

interface OptionGroup {
  /** Label id of the option name, or NONE when no product uses it. */
  readonly nameId: number;
  /** By label id, 1 for a wanted value. */
  readonly wanted: Uint8Array;
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
      this.options.push({
        nameId: this.labels.idOf(keyOf(name)) ?? NONE,
        wanted: this.wantedOf(values),
        bit,
      });
    }
    for (const [name, values] of Object.entries(filters.attributes ?? {})) {
      if (nonEmpty(values)) this.productFilter(`attribute:${keyOf(name)}`, values);
    }
    this.filtersVariants = this.priceBit !== 0 || this.stockBit !== 0 || this.options.length > 0;
  }

  private wantedOf(values: readonly string[]): Uint8Array {
    const wanted = new Uint8Array(this.labels.size);
    for (const id of this.idsOf(values)) wanted[id] = 1;
    return wanted;
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
   * For each option filter, the option position of the product it applies to (NONE when the
   * product has no such option, which fails the filter for every variant).
   */
  optionPositions(columns: CatalogColumns, slot: number, positions: number[]): void {
    positions.length = this.options.length;
    for (let index = 0; index < this.options.length; index += 1) {
      const nameId = this.options[index]!.nameId;
      positions[index] = nameId === NONE ? NONE : columns.optionPosition(slot, nameId);
    }
  }

  /** Per variant slot, whether it counts as in stock for this query's stock filter. */
  stockColumn(columns: CatalogColumns): Uint8Array | undefined {
    if (!this.requireStock) return undefined;
    if (this.stockLocation === undefined) return columns.inStock;
    return columns.stockAt(this.stockLocation) ?? new Uint8Array(columns.inStock.length);
  }

  /** The bits of the variant filters the variant fails; `stock` is what `stockColumn` gave. */
  variantMask(
    columns: CatalogColumns,
    variant: number,
    optionPositions: readonly number[],
    stock: Uint8Array | undefined,
  ): number {
    let mask = 0;
    const price = columns.price[variant]!;
    if (price < this.priceMin || price > this.priceMax) mask |= this.priceBit;
    if (stock !== undefined && stock[variant] === 0) mask |= this.stockBit;
    for (let index = 0; index < this.options.length; index += 1) {
      const group = this.options[index]!;
      const value = columns.optionValue(variant, optionPositions[index]!);
      if (value === NONE || group.wanted[value] !== 1) mask |= group.bit;
    }
    return mask;
  }
}
