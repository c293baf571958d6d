/**
 * How much of each variant sits where, decided by a seeded generator so every run writes the
 * same stock. Variants are ranked by a hash of their SKU and the first ranks are dealt the
 * interesting cases in exact shares: sold out everywhere, low (1–3 units in all), only in the
 * shops. The rest are in stock, deeper in middle sizes and cheap items, thinner in costly ones.
 */
import type { Product, Variant } from '../catalog/index.js';
import { hashText, type SeededRandom, seededRandom } from '../core/index.js';
import type { LocationInput } from '../inventory/index.js';

export interface StockPlanLine {
  readonly variantId: string;
  readonly sku: string;
  readonly locationCode: string;
  readonly onHand: number;
  readonly safetyStock: number;
}

export type StockProfile = 'out' | 'low' | 'stores-only' | 'normal';

/** Shares of the catalog's variants dealt each profile, in this order, before the rest are normal. */
export const STOCK_SHARES = { out: 0.05, low: 0.08, 'stores-only': 0.02 } as const;

/** Products tagged so can only be collected (gas canisters may not be couriered). */
const PICKUP_ONLY_TAG = 'pickup-only';

type PlannedLocation = Pick<LocationInput, 'code' | 'kind'>;

interface Entry {
  readonly product: Product;
  readonly variant: Variant;
  readonly sku: string;
}

/** 0.3 for the ends of a size run up to 1 for its middle; 0.8 for products without sizes. */
function sizePopularity(product: Product, variant: Variant): number {
  const axis = product.options.findIndex((option) => option.name === 'Size');
  const sizes = product.options[axis]?.values;
  if (sizes === undefined || sizes.length < 2) return 0.8;
  const position = sizes.indexOf(variant.optionValues[axis] ?? '');
  const centre = (sizes.length - 1) / 2;
  return 1 - (0.7 * Math.abs(position - centre)) / centre;
}

/** Fewer units of costly things, more of cheap ones. */
function priceDepth(variant: Variant): number {
  const whole = variant.price.amount / 100;
  if (whole >= 8000) return 0.5;
  if (whole >= 3000) return 0.8;
  if (whole < 1000) return 1.6;
  return 1;
}

function profiles(entries: readonly Entry[]): Map<string, StockProfile> {
  const ranked = [...entries].sort(
    (a, b) => hashText(`stock:${a.sku}`) - hashText(`stock:${b.sku}`) || a.sku.localeCompare(b.sku),
  );
  const result = new Map<string, StockProfile>();
  let next = 0;
  for (const [profile, share] of Object.entries(STOCK_SHARES) as [StockProfile, number][]) {
    const count = Math.round(entries.length * share);
    for (const entry of ranked.slice(next, next + count)) result.set(entry.sku, profile);
    next += count;
  }
  for (const entry of ranked.slice(next)) {
    result.set(entry.sku, entry.product.tags.includes(PICKUP_ONLY_TAG) ? 'stores-only' : 'normal');
  }
  return result;
}

function safetyFor(onHand: number): number {
  if (onHand >= 10) return 2;
  return onHand >= 5 ? 1 : 0;
}

/** On hand per location, in the order of `locations`. */
function quantities(
  profile: StockProfile,
  entry: Entry,
  locations: readonly PlannedLocation[],
  random: SeededRandom,
): number[] {
  const depth = sizePopularity(entry.product, entry.variant) * priceDepth(entry.variant);
  const stores = locations.map((location) => location.kind === 'store');
  switch (profile) {
    case 'out':
      return locations.map(() => 0);
    case 'low': {
      const units = random.integer(1, 3);
      const warehouse = stores.indexOf(false);
      const roll = random.next();
      const storeIndexes = stores.flatMap((store, index) => (store ? [index] : []));
      const at =
        roll < 0.7 && warehouse >= 0
          ? warehouse
          : (storeIndexes[roll < 0.9 ? 0 : storeIndexes.length - 1] ?? 0);
      return locations.map((_, index) => (index === at ? units : 0));
    }
    case 'stores-only':
      return stores.map((store) => (store ? random.integer(2, 5) : 0));
    case 'normal':
      return stores.map((store, index) => {
        if (!store) return Math.max(4, Math.round((4 + random.next() * 22) * depth));
        const carries = random.next() < (index <= 1 ? 0.75 : 0.6);
        return carries ? Math.round((1 + random.next() * 7) * depth) : 0;
      });
  }
}

/**
 * The stock to write for `products` (as the catalog returned them) across `locations`: one line
 * per variant and location that holds units or safety stock.
 */
export function demoStockPlan(
  products: readonly Product[],
  locations: readonly PlannedLocation[],
): StockPlanLine[] {
  const entries: Entry[] = products.flatMap((product) =>
    product.variants.map((variant) => ({ product, variant, sku: variant.sku ?? variant.id })),
  );
  const profileOf = profiles(entries);
  return entries.flatMap((entry) => {
    const random = seededRandom(`stock:${entry.sku}`);
    const onHands = quantities(profileOf.get(entry.sku) ?? 'normal', entry, locations, random);
    return locations.flatMap((location, index) => {
      const onHand = onHands[index] ?? 0;
      const safetyStock = location.kind === 'store' ? safetyFor(onHand) : 0;
      if (onHand === 0 && safetyStock === 0) return [];
      return [
        { variantId: entry.variant.id, sku: entry.sku, locationCode: location.code, onHand, safetyStock },
      ];
    });
  });
}
