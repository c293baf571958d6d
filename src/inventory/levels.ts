import { ConflictError, NotFoundError } from '../core/index.js';
import type { Executor } from '../store/index.js';
import { findLocation } from './locations.js';
import { availableOf, createLevel, type LevelRow, readLevels } from './stock-levels.js';
import type { StockLevel } from './types.js';

export function toStockLevel(level: LevelRow): StockLevel {
  return { ...level, available: availableOf(level) };
}

/**
 * Existence check for variants the inventory has not seen yet. It reads the catalog's table by
 * primary key rather than importing the catalog, and runs only before a level's first row is
 * written; the foreign key on stock levels backs it up.
 */
export async function requireVariant(executor: Executor, variantId: string): Promise<void> {
  const row = await executor
    .selectFrom('variants')
    .select('id')
    .where('id', '=', variantId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('variant', variantId);
}

/** The level's on hand, creating an empty level first if the variant has none at the location. */
export async function ensureLevel(
  executor: Executor,
  variantId: string,
  locationId: string,
  now: number,
): Promise<number> {
  const existing = await executor
    .selectFrom('stock_levels')
    .select('on_hand')
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .executeTakeFirst();
  if (existing) return existing.on_hand;
  await findLocation(executor, locationId);
  await requireVariant(executor, variantId);
  await createLevel(executor, variantId, locationId, now);
  return 0;
}

export async function readLevel(
  executor: Executor,
  variantId: string,
  locationId: string,
  now: number,
): Promise<StockLevel> {
  const level = (await readLevels(executor, [variantId], now)).find((row) => row.locationId === locationId);
  if (!level) throw new NotFoundError('stock level', `${variantId}@${locationId}`);
  return toStockLevel(level);
}

/** Why units could not leave a level: NotFoundError for unknown ids, else a ConflictError. */
export async function explainRefusedRemoval(
  executor: Executor,
  variantId: string,
  locationId: string,
  quantity: number,
  now: number,
): Promise<never> {
  const onHand = await ensureLevel(executor, variantId, locationId, now);
  const level = await readLevel(executor, variantId, locationId, now);
  if (onHand < quantity) {
    throw new ConflictError('negative_on_hand', `only ${onHand} on hand, cannot remove ${quantity}`, {
      variantId,
      locationId,
      onHand,
      quantity,
    });
  }
  throw new ConflictError(
    'would_break_reservations',
    `removing ${quantity} would leave fewer than the ${level.reserved} units reserved`,
    { variantId, locationId, onHand, reserved: level.reserved, quantity },
  );
}
