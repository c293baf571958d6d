/**
 * Writes the demo store into a catalog and an inventory. Seeding again changes nothing: products
 * upsert by handle, locations by code, and stock is written as counts (absolute on hand) only
 * where the stored level differs from the plan, so no ledger entry is added for a level that is
 * already right.
 */
import type { CatalogService, ProductInput, UpsertOutcome } from '../catalog/index.js';
import type { Logger } from '../core/index.js';
import type { InventoryService, StockLevel } from '../inventory/index.js';
import { expandFamilies } from './family.js';
import { demoLocations } from './locations.js';
import { DEMO_FAMILIES } from './products/index.js';
import { demoStockPlan } from './stock-plan.js';

export const DEMO_ACTOR = 'system:demo-seed';

export interface DemoSeedServices {
  readonly catalog: Pick<CatalogService, 'upsertProducts'>;
  readonly inventory: Pick<InventoryService, 'upsertLocation' | 'adjustMany' | 'levels'>;
  readonly log?: Logger;
}

export interface DemoSeedResult {
  readonly products: number;
  readonly variants: number;
  readonly locations: number;
  /** How many products were created, updated or left unchanged. */
  readonly outcomes: Readonly<Partial<Record<UpsertOutcome, number>>>;
  /** Stock counts and safety-stock settings written (0 when the stock already matched). */
  readonly stockWrites: number;
}

/** The demo catalog, as the catalog takes it. */
export function demoProducts(): ProductInput[] {
  return expandFamilies(DEMO_FAMILIES);
}

const LEVEL_BATCH = 400;

async function currentLevels(
  inventory: DemoSeedServices['inventory'],
  variantIds: readonly string[],
): Promise<Map<string, StockLevel>> {
  const levels = new Map<string, StockLevel>();
  for (let start = 0; start < variantIds.length; start += LEVEL_BATCH) {
    for (const level of await inventory.levels(variantIds.slice(start, start + LEVEL_BATCH))) {
      levels.set(`${level.variantId}@${level.locationId}`, level);
    }
  }
  return levels;
}

export async function seedDemo({ catalog, inventory, log }: DemoSeedServices): Promise<DemoSeedResult> {
  const locations = [];
  for (const input of demoLocations()) locations.push(await inventory.upsertLocation(input));
  const locationIds = new Map(locations.map((location) => [location.code, location.id]));

  const results = await catalog.upsertProducts(demoProducts());
  const products = results.map((result) => result.product);
  const outcomes: Partial<Record<UpsertOutcome, number>> = {};
  for (const { outcome } of results) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;

  const plan = demoStockPlan(products, locations);
  const stored = await currentLevels(
    inventory,
    products.flatMap((product) => product.variants.map((variant) => variant.id)),
  );
  const writes = plan.flatMap((line) => {
    const locationId = locationIds.get(line.locationCode);
    if (locationId === undefined) return [];
    const level = stored.get(`${line.variantId}@${locationId}`);
    const count = level?.onHand !== line.onHand;
    const safety = (level?.safetyStock ?? 0) !== line.safetyStock;
    return count || safety ? [{ line, locationId, count, safety }] : [];
  });
  // One bulk write: a first seed is one transaction instead of one per level. A level whose
  // safety stock alone differs gets a count of what it already holds (a ledger entry of 0).
  await inventory.adjustMany(
    writes.map(({ line, locationId, safety }) => ({
      variantId: line.variantId,
      locationId,
      kind: 'count' as const,
      quantity: line.onHand,
      reason: 'demo store opening stock',
      actor: DEMO_ACTOR,
      ...(safety && { safetyStock: line.safetyStock }),
    })),
  );
  const stockWrites = writes.reduce((sum, write) => sum + (write.count ? 1 : 0) + (write.safety ? 1 : 0), 0);

  const result: DemoSeedResult = {
    products: products.length,
    variants: products.reduce((sum, product) => sum + product.variants.length, 0),
    locations: locations.length,
    outcomes,
    stockWrites,
  };
  log?.info(result, 'demo store seeded');
  return result;
}
