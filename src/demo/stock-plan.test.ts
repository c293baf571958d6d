import { describe, expect, it } from 'vitest';
import type { Product } from '../catalog/index.js';
import { demoLocations, demoProducts, demoStockPlan, STOCK_SHARES, type StockPlanLine } from './index.js';

/** The demo inputs as a catalog would return them, with ids derived from handles and SKUs. */
function asCatalogProducts(): Product[] {
  return demoProducts().map((input) => ({
    id: `prod_${input.handle}`,
    handle: input.handle,
    status: 'active',
    title: input.title,
    description: input.description ?? {},
    brand: input.brand ?? null,
    categoryPath: input.categoryPath ?? [],
    productType: input.productType ?? null,
    tags: input.tags ?? [],
    attributes: input.attributes ?? {},
    options: input.options ?? [],
    images: (input.images ?? []).map((image, position) => ({ ...image, position })),
    variants: input.variants.map((variant, position) => ({
      id: `var_${variant.sku}`,
      productId: `prod_${input.handle}`,
      sku: variant.sku ?? null,
      barcode: variant.barcode ?? null,
      optionValues: variant.optionValues,
      price: variant.price,
      compareAtPrice: variant.compareAtPrice ?? null,
      cost: variant.cost ?? null,
      weightGrams: variant.weightGrams ?? null,
      imageUrl: variant.imageUrl ?? null,
      position,
    })),
    createdAt: 0,
    updatedAt: 0,
  }));
}

const products = asCatalogProducts();
const locations = demoLocations();
const plan = demoStockPlan(products, locations);
const variantIds = products.flatMap((product) => product.variants.map((variant) => variant.id));
const kindOf = new Map(locations.map((location) => [location.code, location.kind]));

function byVariant(lines: readonly StockPlanLine[]): Map<string, StockPlanLine[]> {
  const grouped = new Map<string, StockPlanLine[]>(variantIds.map((id) => [id, []]));
  for (const line of lines) grouped.get(line.variantId)?.push(line);
  return grouped;
}

const totals = [...byVariant(plan).values()].map((lines) =>
  lines.reduce((sum, line) => sum + line.onHand, 0),
);

describe('demo stock plan', () => {
  it('is the same on every run', () => {
    expect(demoStockPlan(asCatalogProducts(), demoLocations())).toEqual(plan);
  });

  it('sells out about 5% of variants everywhere and leaves about 8% low (1–3 units)', () => {
    const out = totals.filter((total) => total === 0).length;
    const low = totals.filter((total) => total >= 1 && total <= 3).length;
    expect(out).toBe(Math.round(variantIds.length * STOCK_SHARES.out));
    expect(low).toBe(Math.round(variantIds.length * STOCK_SHARES.low));
  });

  it('keeps safety stock only in stores, never above what is on hand', () => {
    const withSafety = plan.filter((line) => line.safetyStock > 0);
    expect(withSafety.length).toBeGreaterThan(0);
    for (const line of withSafety) {
      expect(kindOf.get(line.locationCode)).toBe('store');
      expect(line.safetyStock).toBeLessThan(line.onHand);
    }
  });

  it('holds some variants only in the stores, gas canisters among them', () => {
    const storesOnly = [...byVariant(plan).entries()].filter(
      ([, lines]) => lines.length > 0 && lines.every((line) => kindOf.get(line.locationCode) === 'store'),
    );
    expect(storesOnly.length).toBeGreaterThanOrEqual(10);
    const gas = products.find((product) => product.handle === 'hollowpine-gas-canister');
    for (const variant of gas?.variants ?? []) {
      for (const line of plan.filter((candidate) => candidate.variantId === variant.id)) {
        expect(kindOf.get(line.locationCode)).toBe('store');
      }
    }
  });

  it('stocks middle sizes deeper than the ends of a size run', () => {
    const depth = (size: string, gender: string) =>
      products
        .filter((product) => product.categoryPath[0] === 'Footwear' && product.attributes.gender === gender)
        .flatMap((product) => {
          const axis = product.options.findIndex((option) => option.name === 'Size');
          return product.variants.filter((variant) => variant.optionValues[axis] === size);
        })
        .reduce(
          (sum, variant) =>
            sum +
            plan
              .filter((line) => line.variantId === variant.id)
              .reduce((units, line) => units + line.onHand, 0),
          0,
        );
    expect(depth('27', 'men')).toBeGreaterThan(depth('25', 'men'));
    expect(depth('27', 'men')).toBeGreaterThan(depth('29', 'men'));
    expect(depth('24', 'women')).toBeGreaterThan(depth('22.5', 'women'));
  });

  it('writes only lines that hold units or safety stock, each at a known location', () => {
    for (const line of plan) {
      expect(line.onHand > 0 || line.safetyStock > 0).toBe(true);
      expect(Number.isInteger(line.onHand)).toBe(true);
      expect(kindOf.has(line.locationCode)).toBe(true);
    }
  });
});
