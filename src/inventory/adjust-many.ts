/**
 * Many adjustments in one transaction with a handful of statements per few hundred levels:
 * imports and the demo seed write thousands of levels at once. Each level is still written
 * under a compare-and-set, so a level another writer changed meanwhile is not overwritten:
 * it goes through the one-by-one path (applyAdjustment), which re-reads it, gives back lapsed
 * holds and raises the same refusals as `adjust`.
 */
import { sql } from 'kysely';
import { NotFoundError } from '../core/index.js';
import type { Tx } from '../store/index.js';
import { applyAdjustment, requestedDelta } from './adjust.js';
import { byLevel } from './allocate.js';
import { type LedgerWrite, writeLedger } from './ledger.js';
import { toStockLevel } from './levels.js';
import { readLevels } from './stock-levels.js';
import type { BulkAdjustmentInput, StockLevel } from './types.js';

// Rows per statement: under SQLite's 500 terms of a compound SELECT and both engines' limits
// on bound parameters.
const CHUNK = 400;

interface StoredLevel {
  onHand: number;
  reserved: number;
}

interface LevelWrite {
  variantId: string;
  locationId: string;
  inputs: BulkAdjustmentInput[];
  expected: number;
  onHand: number;
  safetyStock: number | null;
  entries: LedgerWrite[];
}

function keyOf(variantId: string, locationId: string): string {
  return `${variantId}\u0000${locationId}`;
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

async function readStored(trx: Tx, variantIds: readonly string[]): Promise<Map<string, StoredLevel>> {
  const stored = new Map<string, StoredLevel>();
  for (const chunk of chunks(variantIds)) {
    const rows = await trx
      .selectFrom('stock_levels')
      .select(['variant_id', 'location_id', 'on_hand', 'reserved'])
      .where('variant_id', 'in', chunk)
      .execute();
    for (const row of rows)
      stored.set(keyOf(row.variant_id, row.location_id), { onHand: row.on_hand, reserved: row.reserved });
  }
  return stored;
}

/** Creates empty levels for the missing pairs; NotFoundError names an unknown location or variant. */
async function createMissing(trx: Tx, missing: readonly LevelWrite[], now: number): Promise<void> {
  if (missing.length === 0) return;
  const locationIds = [...new Set(missing.map((level) => level.locationId))];
  const variantIds = [...new Set(missing.map((level) => level.variantId))];
  const knownLocations = new Set<string>();
  for (const chunk of chunks(locationIds)) {
    const rows = await trx.selectFrom('inventory_locations').select('id').where('id', 'in', chunk).execute();
    for (const row of rows) knownLocations.add(row.id);
  }
  const unknownLocation = locationIds.find((id) => !knownLocations.has(id));
  if (unknownLocation !== undefined) throw new NotFoundError('location', unknownLocation);
  const knownVariants = new Set<string>();
  for (const chunk of chunks(variantIds)) {
    const rows = await trx.selectFrom('variants').select('id').where('id', 'in', chunk).execute();
    for (const row of rows) knownVariants.add(row.id);
  }
  const unknownVariant = variantIds.find((id) => !knownVariants.has(id));
  if (unknownVariant !== undefined) throw new NotFoundError('variant', unknownVariant);
  for (const chunk of chunks(missing)) {
    await trx
      .insertInto('stock_levels')
      .values(
        chunk.map((level) => ({
          variant_id: level.variantId,
          location_id: level.locationId,
          on_hand: 0,
          reserved: 0,
          safety_stock: 0,
          updated_at: now,
        })),
      )
      .onConflict((conflict) => conflict.columns(['variant_id', 'location_id']).doNothing())
      .execute();
  }
}

/**
 * Works out a level's writes from its stored row; false when one of them might be refused
 * (below zero or below the reserved units), which the one-by-one path then decides and explains.
 */
function plan(level: LevelWrite, stored: StoredLevel): boolean {
  let onHand = stored.onHand;
  for (const input of level.inputs) {
    const delta = input.kind === 'count' ? input.quantity - onHand : requestedDelta(input);
    onHand += delta;
    if (delta < 0 && onHand < stored.reserved) return false;
    if (input.safetyStock !== undefined) level.safetyStock = input.safetyStock;
    level.entries.push({
      variantId: level.variantId,
      locationId: level.locationId,
      kind: input.kind,
      quantity: delta,
      onHandAfter: onHand,
      reason: input.reason ?? null,
      actor: input.actor,
      referenceType: input.referenceType ?? null,
      referenceId: input.referenceId ?? null,
    });
  }
  level.expected = stored.onHand;
  level.onHand = onHand;
  return true;
}

/** Compare-and-set of many levels per statement; returns the keys of the levels it wrote. */
async function writeLevels(trx: Tx, levels: readonly LevelWrite[], now: number): Promise<Set<string>> {
  const written = new Set<string>();
  for (const chunk of chunks(levels)) {
    const wanted = sql.join(
      chunk.map(
        (level) =>
          sql`select ${level.variantId} as variant_id, ${level.locationId} as location_id,
            cast(${level.expected} as integer) as expected, cast(${level.onHand} as integer) as on_hand,
            cast(${level.safetyStock} as integer) as safety_stock`,
      ),
      sql` union all `,
    );
    const result = await sql<{ variant_id: string; location_id: string }>`update stock_levels
      set on_hand = wanted.on_hand,
        safety_stock = coalesce(wanted.safety_stock, stock_levels.safety_stock),
        updated_at = ${now}
      from (${wanted}) as wanted
      where stock_levels.variant_id = wanted.variant_id and stock_levels.location_id = wanted.location_id
        and stock_levels.on_hand = wanted.expected and wanted.on_hand >= stock_levels.reserved
      returning stock_levels.variant_id, stock_levels.location_id`.execute(trx);
    for (const row of result.rows) written.add(keyOf(row.variant_id, row.location_id));
  }
  return written;
}

/** Applies the adjustments in order inside `trx`; returns the touched levels by variant then location. */
export async function applyAdjustments(
  trx: Tx,
  inputs: readonly BulkAdjustmentInput[],
  now: number,
): Promise<StockLevel[]> {
  const levels = new Map<string, LevelWrite>();
  for (const input of inputs) {
    const key = keyOf(input.variantId, input.locationId);
    const level = levels.get(key) ?? {
      variantId: input.variantId,
      locationId: input.locationId,
      inputs: [],
      expected: 0,
      onHand: 0,
      safetyStock: null,
      entries: [],
    };
    level.inputs.push(input);
    levels.set(key, level);
  }
  const variantIds = [...new Set(inputs.map((input) => input.variantId))];
  const stored = await readStored(trx, variantIds);
  const all = [...levels.entries()];
  await createMissing(
    trx,
    all.filter(([key]) => !stored.has(key)).map(([, level]) => level),
    now,
  );

  const planned = all.filter(([key, level]) => plan(level, stored.get(key) ?? { onHand: 0, reserved: 0 }));
  const written = await writeLevels(
    trx,
    planned.map(([, level]) => level),
    now,
  );
  const entries = planned.flatMap(([key, level]) => (written.has(key) ? level.entries : []));
  for (const chunk of chunks(entries)) await writeLedger(trx, chunk, now);

  for (const [key, level] of all) {
    if (written.has(key)) continue;
    for (const input of level.inputs) {
      await applyAdjustment(trx, input, now);
      if (input.safetyStock === undefined) continue;
      await trx
        .updateTable('stock_levels')
        .set({ safety_stock: input.safetyStock, updated_at: now })
        .where('variant_id', '=', input.variantId)
        .where('location_id', '=', input.locationId)
        .execute();
    }
  }

  const result: StockLevel[] = [];
  for (const chunk of chunks(variantIds)) {
    for (const level of await readLevels(trx, chunk, now)) {
      if (levels.has(keyOf(level.variantId, level.locationId))) result.push(toStockLevel(level));
    }
  }
  return result.sort(byLevel);
}
