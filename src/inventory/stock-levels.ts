/**
 * The statements that move stock. Each change to a stock level is one conditional UPDATE whose
 * WHERE clause carries the rule it must not break, so concurrent servers cannot oversell:
 * the database serializes writers on the row and re-checks the condition against the row as
 * the previous writer left it (PostgreSQL's READ COMMITTED re-evaluates the WHERE clause on the
 * new row version). Callers check the affected row count; nothing is read, changed in
 * JavaScript and written back.
 *
 * How lapsed holds stop counting at once: `reserved` on the row includes every hold line still
 * marked `counted`, which may include holds whose expiry has passed but that nobody has swept
 * yet. That only ever makes the conditional UPDATE stricter, never looser. When it refuses,
 * `releaseLapsedHolds` un-counts that one row's lapsed lines and gives their units back, then
 * the caller tries the same statement once more. Reads subtract the lapsed lines in the same
 * query. So the hot path stays one statement touching one row, lapsed holds never block a sale
 * or show as reserved, and the sweeper is only housekeeping.
 *
 * Why not subtract the live holds inside the UPDATE with a subquery over reservation lines?
 * Under PostgreSQL READ COMMITTED, a writer that waited on the row lock re-checks its WHERE
 * clause against the new row but evaluates subqueries with its old snapshot, so it would not
 * see the hold just committed ahead of it, and would oversell. Every number the condition
 * needs must live on the row it updates.
 */
import { sql } from 'kysely';
import type { Executor } from '../store/index.js';

/**
 * `counted = 1` written into the SQL rather than bound, so both planners see that the partial
 * index of counted lines applies.
 */
export const COUNTED = sql.lit(1);

export interface LevelRow {
  variantId: string;
  locationId: string;
  onHand: number;
  /** Held by lines that have not lapsed. */
  reserved: number;
  safetyStock: number;
}

export function availableOf(level: Pick<LevelRow, 'onHand' | 'reserved' | 'safetyStock'>): number {
  return Math.max(0, level.onHand - level.reserved - level.safetyStock);
}

/** Levels of the given variants with lapsed holds already taken out of `reserved`. */
export async function readLevels(
  executor: Executor,
  variantIds: readonly string[],
  now: number,
): Promise<LevelRow[]> {
  if (variantIds.length === 0) return [];
  const rows = await executor
    .selectFrom('stock_levels as s')
    .select(['s.variant_id', 's.location_id', 's.on_hand', 's.reserved', 's.safety_stock'])
    .select((eb) =>
      eb
        .selectFrom('reservation_lines as l')
        .select(sql<number>`coalesce(sum(l.quantity), 0)`.as('units'))
        .whereRef('l.variant_id', '=', 's.variant_id')
        .whereRef('l.location_id', '=', 's.location_id')
        .where('l.counted', '=', COUNTED)
        .where('l.expires_at', '<=', now)
        .as('lapsed'),
    )
    .where('s.variant_id', 'in', variantIds)
    .orderBy('s.variant_id')
    .orderBy('s.location_id')
    .execute();
  return rows.map((row) => ({
    variantId: row.variant_id,
    locationId: row.location_id,
    onHand: row.on_hand,
    reserved: row.reserved - Number(row.lapsed ?? 0),
    safetyStock: row.safety_stock,
  }));
}

/** Holds `quantity` units if that many are free; true when it did. */
export async function holdUnits(
  executor: Executor,
  variantId: string,
  locationId: string,
  quantity: number,
  now: number,
): Promise<boolean> {
  const result = await executor
    .updateTable('stock_levels')
    .set({ reserved: sql`reserved + ${quantity}`, updated_at: now })
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .where(sql<boolean>`on_hand - reserved - safety_stock >= ${quantity}`)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Takes `quantity` units off on hand if that leaves at least the reserved units; returns the new on hand. */
export async function removeUnits(
  executor: Executor,
  variantId: string,
  locationId: string,
  quantity: number,
  now: number,
): Promise<number | undefined> {
  const row = await executor
    .updateTable('stock_levels')
    .set({ on_hand: sql`on_hand - ${quantity}`, updated_at: now })
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .where(sql<boolean>`on_hand - ${quantity} >= reserved`)
    .returning('on_hand')
    .executeTakeFirst();
  return row?.on_hand;
}

/** Adds `quantity` units to on hand; undefined when the level does not exist yet. */
export async function addUnits(
  executor: Executor,
  variantId: string,
  locationId: string,
  quantity: number,
  now: number,
): Promise<number | undefined> {
  const row = await executor
    .updateTable('stock_levels')
    .set({ on_hand: sql`on_hand + ${quantity}`, updated_at: now })
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .returning('on_hand')
    .executeTakeFirst();
  return row?.on_hand;
}

/**
 * Sets on hand to `target` only if it still is `expected` and stays at or above reserved: a
 * compare-and-set, so a count never overwrites a change it did not see.
 */
export async function setUnits(
  executor: Executor,
  variantId: string,
  locationId: string,
  expected: number,
  target: number,
  now: number,
): Promise<boolean> {
  const result = await executor
    .updateTable('stock_levels')
    .set({ on_hand: target, updated_at: now })
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .where('on_hand', '=', expected)
    .where('reserved', '<=', target)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Turns held units into sold ones: both on hand and reserved drop; returns the new on hand. */
export async function sellHeldUnits(
  executor: Executor,
  variantId: string,
  locationId: string,
  quantity: number,
  now: number,
): Promise<number> {
  const row = await executor
    .updateTable('stock_levels')
    .set({ on_hand: sql`on_hand - ${quantity}`, reserved: sql`reserved - ${quantity}`, updated_at: now })
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .returning('on_hand')
    .executeTakeFirstOrThrow();
  return row.on_hand;
}

/** Gives held units back to the free pool. */
export async function unholdUnits(
  executor: Executor,
  variantId: string,
  locationId: string,
  quantity: number,
  now: number,
): Promise<void> {
  await executor
    .updateTable('stock_levels')
    .set({ reserved: sql`reserved - ${quantity}`, updated_at: now })
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .execute();
}

/**
 * Un-counts the lapsed hold lines of one stock level and returns their units to it. The
 * `counted = 1` condition makes it safe to race: a line is given back by exactly one caller.
 */
export async function releaseLapsedHolds(
  executor: Executor,
  variantId: string,
  locationId: string,
  now: number,
): Promise<number> {
  const lines = await executor
    .updateTable('reservation_lines')
    .set({ counted: 0 })
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .where('counted', '=', COUNTED)
    .where('expires_at', '<=', now)
    .returning('quantity')
    .execute();
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (units > 0) await unholdUnits(executor, variantId, locationId, units, now);
  return units;
}

/** Creates an empty level unless it exists; the caller has checked the variant and location exist. */
export async function createLevel(
  executor: Executor,
  variantId: string,
  locationId: string,
  now: number,
): Promise<void> {
  await executor
    .insertInto('stock_levels')
    .values({
      variant_id: variantId,
      location_id: locationId,
      on_hand: 0,
      reserved: 0,
      safety_stock: 0,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.columns(['variant_id', 'location_id']).doNothing())
    .execute();
}
