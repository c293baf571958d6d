import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sketchProduct } from '../../../test/fixtures/search/catalogs.js';
import type { Product } from '../types.js';
import { createSearchIndex } from './index.js';
import type { SearchFilters } from './types.js';

const BRANDS = ['Summit', 'summit', 'Ridge', 'Trailhead'];
const CATEGORIES = ['Footwear', 'Clothing', 'Tea'];
const COLORS = ['Black', 'Red', 'Blue'];
const LOCATIONS = ['taipei', 'kaohsiung'];

const productArbitrary = (id: string) =>
  fc
    .record({
      brand: fc.constantFrom(...BRANDS),
      category: fc.subarray(CATEGORIES, { minLength: 0, maxLength: 2 }),
      tags: fc.subarray(['rain', 'gift', 'light']),
      material: fc.constantFrom('cotton', 'nylon'),
      colors: fc.array(fc.constantFrom(...COLORS), { minLength: 0, maxLength: 3 }),
      prices: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
      createdAt: fc.integer({ min: 1, max: 1000 }),
    })
    .map(
      (sketch): Product =>
        sketchProduct({
          id,
          title: { en: `Item ${id}` },
          brand: sketch.brand,
          categoryPath: sketch.category,
          tags: sketch.tags,
          attributes: { material: sketch.material },
          options: sketch.colors.length > 0 ? [{ name: 'Color', values: [...new Set(sketch.colors)] }] : [],
          variants: sketch.prices.map((price, position) => ({
            id: `${id}-${position}`,
            price: price * 1000,
            ...(sketch.colors.length > 0
              ? { options: [sketch.colors[position % sketch.colors.length]!] }
              : {}),
          })),
          createdAt: sketch.createdAt,
        }),
    );

const filtersArbitrary: fc.Arbitrary<SearchFilters> = fc.record(
  {
    brand: fc.subarray(BRANDS, { minLength: 1 }),
    category: fc.constantFrom(...CATEGORIES, 'footwear'),
    tags: fc.subarray(['rain', 'gift', 'light'], { minLength: 1 }),
    options: fc.record({ color: fc.subarray(COLORS, { minLength: 1 }) }),
    attributes: fc.record({ Material: fc.subarray(['cotton', 'nylon'], { minLength: 1 }) }),
    priceMin: fc.integer({ min: 0, max: 9000 }),
    priceMax: fc.integer({ min: 0, max: 9000 }),
    inStock: fc.boolean(),
    locationId: fc.constantFrom(...LOCATIONS),
  },
  { requiredKeys: [] },
);

const key = (text: string) => text.toLowerCase();

/** The products a filter keeps, and their matching variants, by reading every product. */
function bruteForce(
  products: ReadonlyMap<string, Product>,
  stock: ReadonlyMap<string, Record<string, number>>,
  filters: SearchFilters,
): Map<string, string[]> {
  const kept = new Map<string, string[]>();
  const anyOf = (wanted: readonly string[] | undefined, values: readonly string[]) =>
    wanted === undefined || values.some((value) => wanted.map(key).includes(key(value)));
  for (const product of products.values()) {
    if (!anyOf(filters.brand, [product.brand ?? ''])) continue;
    if (filters.category !== undefined && !anyOf([filters.category], product.categoryPath)) continue;
    if (!anyOf(filters.tags, product.tags)) continue;
    if (!anyOf(filters.attributes?.Material, [String(product.attributes.material)])) continue;
    const variants = product.variants.filter((variant) => {
      const price = variant.price.amount;
      if (filters.priceMin !== undefined && price < filters.priceMin) return false;
      if (filters.priceMax !== undefined && price > filters.priceMax) return false;
      const byLocation = stock.get(variant.id) ?? {};
      const units =
        filters.locationId !== undefined
          ? (byLocation[filters.locationId] ?? 0)
          : Object.values(byLocation).reduce((sum, value) => sum + Math.max(0, value), 0);
      if ((filters.inStock || filters.locationId !== undefined) && units <= 0) return false;
      const color = variant.optionValues[0];
      if (filters.options?.color && (color === undefined || !anyOf(filters.options.color, [color])))
        return false;
      return true;
    });
    if (variants.length > 0)
      kept.set(
        product.id,
        variants.map((variant) => variant.id),
      );
  }
  return kept;
}

/** Stock is left out where only the catalog, not the availability feed, is replayed. */
function withoutStock(filters: SearchFilters): SearchFilters {
  const { inStock, locationId, ...rest } = filters;
  return rest;
}

type Change =
  | { kind: 'upsert'; product: Product }
  | { kind: 'remove'; id: string }
  | { kind: 'stock'; variantId: string; byLocation: Record<string, number> };

const idArbitrary = fc.integer({ min: 0, max: 11 }).map((number) => `p${number}`);
const changeArbitrary: fc.Arbitrary<Change> = fc.oneof(
  idArbitrary.chain((id) => productArbitrary(id).map((product) => ({ kind: 'upsert' as const, product }))),
  idArbitrary.map((id) => ({ kind: 'remove' as const, id })),
  fc
    .record({
      id: idArbitrary,
      position: fc.integer({ min: 0, max: 2 }),
      taipei: fc.integer({ min: -1, max: 2 }),
      kaohsiung: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ id, position, taipei, kaohsiung }) => ({
      kind: 'stock' as const,
      variantId: `${id}-${position}`,
      byLocation: { taipei, kaohsiung },
    })),
);

describe('filtered browsing through posting lists', () => {
  it('returns what a filter over every product returns, through upserts, removes and stock changes', () => {
    fc.assert(
      fc.property(
        fc.array(changeArbitrary, { maxLength: 40 }),
        fc.array(filtersArbitrary, { minLength: 1, maxLength: 4 }),
        (changes, queries) => {
          const index = createSearchIndex();
          const products = new Map<string, Product>();
          const stock = new Map<string, Record<string, number>>();
          const check = () => {
            for (const filters of queries) {
              const result = index.search({ filters, limit: 100, sort: 'newest' });
              const expected = bruteForce(products, stock, filters);
              expect(result.total).toBe(expected.size);
              expect(new Map(result.hits.map((hit) => [hit.productId, [...hit.matchedVariantIds]]))).toEqual(
                expected,
              );
            }
          };
          for (const change of changes) {
            if (change.kind === 'upsert') {
              index.upsert(change.product);
              products.set(change.product.id, change.product);
            } else if (change.kind === 'remove') {
              index.remove(change.id);
              products.delete(change.id);
            } else {
              index.setAvailability(change.variantId, change.byLocation);
              stock.set(change.variantId, change.byLocation);
            }
          }
          check();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('counts facets like an index built fresh from the surviving products', () => {
    fc.assert(
      fc.property(fc.array(changeArbitrary, { maxLength: 40 }), filtersArbitrary, (changes, filters) => {
        const churned = createSearchIndex();
        const products = new Map<string, Product>();
        for (const change of changes) {
          if (change.kind === 'upsert') {
            churned.upsert(change.product);
            products.set(change.product.id, change.product);
          } else if (change.kind === 'remove') {
            churned.remove(change.id);
            products.delete(change.id);
          }
        }
        const fresh = createSearchIndex();
        for (const product of [...products.values()].reverse()) fresh.upsert(product);
        const query = {
          filters: withoutStock(filters),
          facets: ['brand', 'category', 'tag', 'price', 'option:color', 'attribute:material'],
          limit: 100,
        };
        const facetsOf = (result: ReturnType<typeof fresh.search>) =>
          Object.fromEntries(
            Object.entries(result.facets).map(([name, values]) => [
              name,
              values.map((value) => `${key(value.value)}=${value.count}`).sort(),
            ]),
          );
        expect(facetsOf(churned.search(query))).toEqual(facetsOf(fresh.search(query)));
        expect(churned.search(query).total).toBe(fresh.search(query).total);
      }),
      { numRuns: 150 },
    );
  });
});
