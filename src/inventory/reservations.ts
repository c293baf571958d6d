/**
 * Reservations: holds on stock, tied to a cart, checkout or order, that lapse at `expiresAt`.
 * A hold counts in its stock level's `reserved` until it is committed (sold), released, or
 * lapses; see stock-levels.ts for how a lapsed hold stops counting without the sweeper.
 */
import { sql } from 'kysely';
import { type Clock, ConflictError, NotFoundError, newId, ValidationError } from '../core/index.js';
import type { Executor, Schema, Store, Tx } from '../store/index.js';
import { allocate, byLevel, type Candidate, type Hold } from './allocate.js';
import { InsufficientStockError } from './errors.js';
import { writeLedger } from './ledger.js';
import { requireVariant } from './levels.js';
import { type LocationCache, servesChannel } from './locations.js';
import {
  availableOf,
  COUNTED,
  holdUnits,
  readLevels,
  releaseLapsedHolds,
  sellHeldUnits,
  unholdUnits,
} from './stock-levels.js';
import { inTransaction } from './transaction.js';
import type { Location, Reservation, ReservationLine, ReservationStatus, ReserveInput } from './types.js';
import { requirePositiveInteger, requireText } from './validate.js';

type ReservationRow = Schema['reservations'];

// Planned attempts after the first, hopeful one: a snapshot gone stale under contention is replaced.
const RESERVE_ATTEMPTS = 3;
const MAX_TTL_SECONDS = 30 * 24 * 3600;

/** Thrown inside the reserving transaction to roll it back when the database refused a hold. */
export class HoldRefused extends Error {
  constructor(readonly hold: Hold) {
    super('hold refused');
  }
}

/**
 * Writes one reservation's holds and rows, all or nothing, and throws HoldRefused when the
 * database refuses a hold. Each engine has its fastest way (see hold-writers.ts).
 */
export type HoldWriter = (input: ReserveInput, holds: readonly Hold[], now: number) => Promise<Reservation>;

export function effectiveStatus(
  row: Pick<ReservationRow, 'status' | 'expires_at'>,
  now: number,
): ReservationStatus {
  return row.status === 'active' && row.expires_at <= now ? 'expired' : row.status;
}

export function toReservation(
  row: ReservationRow,
  lines: readonly ReservationLine[],
  now: number,
): Reservation {
  return {
    id: row.id,
    referenceType: row.reference_type,
    referenceId: row.reference_id,
    status: effectiveStatus(row, now),
    expiresAt: row.expires_at,
    extended: row.extended === 1,
    lines: lines.map((line) => ({
      variantId: line.variantId,
      locationId: line.locationId,
      quantity: line.quantity,
    })),
  };
}

async function readLines(executor: Executor, reservationId: string): Promise<ReservationLine[]> {
  const rows = await executor
    .selectFrom('reservation_lines')
    .select(['variant_id', 'location_id', 'quantity'])
    .where('reservation_id', '=', reservationId)
    .orderBy('variant_id')
    .orderBy('location_id')
    .execute();
  return rows.map((row) => ({
    variantId: row.variant_id,
    locationId: row.location_id,
    quantity: row.quantity,
  }));
}

async function readRow(executor: Executor, id: string): Promise<ReservationRow> {
  const row = await executor.selectFrom('reservations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('reservation', id);
  return row;
}

export async function getReservation(executor: Executor, id: string, now: number): Promise<Reservation> {
  const row = await readRow(executor, id);
  return toReservation(row, await readLines(executor, id), now);
}

function notActive(id: string, status: ReservationStatus): ConflictError {
  return new ConflictError(`reservation_${status}`, `reservation ${id} is ${status}`, { id, status });
}

function validateReserve(input: ReserveInput): void {
  requireText(input.referenceType, 'referenceType');
  requireText(input.referenceId, 'referenceId');
  requirePositiveInteger(input.ttlSeconds, 'ttlSeconds');
  if (input.ttlSeconds > MAX_TTL_SECONDS) {
    throw new ValidationError(`ttlSeconds must be at most ${MAX_TTL_SECONDS}`, {
      ttlSeconds: input.ttlSeconds,
    });
  }
  if (input.channel !== undefined) requireText(input.channel, 'channel');
  if (!Array.isArray(input.lines) || input.lines.length === 0) {
    throw new ValidationError('a reservation needs at least one line', { field: 'lines' });
  }
  input.lines.forEach((line, index) => {
    requireText(line.variantId, `lines[${index}].variantId`);
    requirePositiveInteger(line.quantity, `lines[${index}].quantity`);
    if (line.locationId !== undefined) requireText(line.locationId, `lines[${index}].locationId`);
  });
}

/** Checks that lines naming a location name one that sells to the channel. */
function checkPinnedLocations(input: ReserveInput, locations: readonly Location[]): Location[] {
  const serving = locations.filter((location) => servesChannel(location, input.channel));
  for (const line of input.lines) {
    if (line.locationId === undefined || serving.some((location) => location.id === line.locationId))
      continue;
    const known = locations.find((location) => location.id === line.locationId);
    if (!known) throw new NotFoundError('location', line.locationId);
    throw new ConflictError('location_unavailable', `location ${known.code} does not sell to this channel`, {
      locationId: known.id,
      channel: input.channel ?? null,
      active: known.active,
    });
  }
  return serving;
}

/**
 * The allocation a snapshot would give whenever the first serving location can take each
 * variant's whole demand, which is the common case; the database confirms it or refuses.
 */
function hopefulHolds(input: ReserveInput, serving: readonly Location[]): Hold[] | undefined {
  const unlimited = serving.map((location) => ({
    locationId: location.id,
    available: Number.POSITIVE_INFINITY,
  }));
  const allocation = allocate(input.lines, new Map(input.lines.map((line) => [line.variantId, unlimited])));
  return allocation.short.length === 0 ? allocation.holds : undefined;
}

/** Allocates from a fresh snapshot; throws InsufficientStockError when the snapshot cannot cover the demand. */
async function plannedHolds(
  store: Store,
  input: ReserveInput,
  serving: readonly Location[],
  now: number,
): Promise<Hold[]> {
  const variantIds = [...new Set(input.lines.map((line) => line.variantId))];
  const levels = await readLevels(store.db, variantIds, now);
  const candidates = new Map<string, Candidate[]>();
  for (const variantId of variantIds) {
    const rows = levels.filter((level) => level.variantId === variantId);
    candidates.set(
      variantId,
      serving.flatMap((location) => {
        const level = rows.find((row) => row.locationId === location.id);
        return level ? [{ locationId: location.id, available: availableOf(level) }] : [];
      }),
    );
  }
  const allocation = allocate(input.lines, candidates);
  if (allocation.short.length === 0) return allocation.holds;
  const unseen = allocation.short.filter(
    (line) => !levels.some((level) => level.variantId === line.variantId),
  );
  for (const line of unseen) await requireVariant(store.db, line.variantId);
  throw new InsufficientStockError(allocation.short);
}

/**
 * Takes each hold off its level's free units, giving back the level's lapsed holds first when
 * a hold is refused; throws HoldRefused (leaving earlier holds for the caller to roll back).
 */
export async function applyHolds(trx: Tx, holds: readonly Hold[], now: number): Promise<void> {
  for (const hold of holds) {
    if (await holdUnits(trx, hold.variantId, hold.locationId, hold.quantity, now)) continue;
    const released = await releaseLapsedHolds(trx, hold.variantId, hold.locationId, now);
    if (released > 0 && (await holdUnits(trx, hold.variantId, hold.locationId, hold.quantity, now))) continue;
    throw new HoldRefused(hold);
  }
}

export function reservationRow(input: ReserveInput, now: number): ReservationRow {
  return {
    id: newId('res', now),
    reference_type: input.referenceType,
    reference_id: input.referenceId,
    status: 'active',
    channel: input.channel ?? null,
    expires_at: now + input.ttlSeconds * 1000,
    extended: 0,
    created_at: now,
    updated_at: now,
  };
}

export interface HeldReservation {
  row: ReservationRow;
  holds: readonly Hold[];
}

// Rows per multi-row INSERT, well under both engines' bound-parameter limits.
const INSERT_CHUNK = 200;

/** Inserts the rows of reservations whose holds are written, many per statement. */
export async function insertReservations(trx: Tx, held: readonly HeldReservation[]): Promise<void> {
  for (let start = 0; start < held.length; start += INSERT_CHUNK) {
    const chunk = held.slice(start, start + INSERT_CHUNK);
    await trx
      .insertInto('reservations')
      .values(chunk.map((reservation) => reservation.row))
      .execute();
  }
  const lines = held.flatMap(({ row, holds }) =>
    holds.map((hold) => ({
      reservation_id: row.id,
      variant_id: hold.variantId,
      location_id: hold.locationId,
      quantity: hold.quantity,
      expires_at: row.expires_at,
      counted: 1,
    })),
  );
  for (let start = 0; start < lines.length; start += INSERT_CHUNK) {
    await trx
      .insertInto('reservation_lines')
      .values(lines.slice(start, start + INSERT_CHUNK))
      .execute();
  }
}

/** The plain writer: one transaction per reservation. */
export function transactionHoldWriter(store: Store): HoldWriter {
  return (input, holds, now) =>
    inTransaction(store, undefined, async (trx) => {
      await applyHolds(trx, holds, now);
      const row = reservationRow(input, now);
      await insertReservations(trx, [{ row, holds }]);
      return toReservation(row, holds, now);
    });
}

/**
 * Holds every line or none. The first attempt writes the obvious allocation without reading
 * anything, so an uncontended reservation costs its conditional UPDATEs and two INSERTs in one
 * transaction. When the database refuses a hold, later attempts plan from a fresh snapshot of
 * the levels (splitting across locations when needed).
 */
export async function reserve(
  store: Store,
  locations: LocationCache,
  input: ReserveInput,
  clock: Clock,
  write: HoldWriter,
): Promise<Reservation> {
  validateReserve(input);
  let serving: Location[];
  try {
    serving = checkPinnedLocations(input, await locations.all());
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    // A location created through another server may not be cached yet.
    locations.invalidate();
    serving = checkPinnedLocations(input, await locations.all());
  }
  const hopeful = hopefulHolds(input, serving);
  let refused: Hold | undefined;
  for (let attempt = hopeful ? 0 : 1; attempt <= RESERVE_ATTEMPTS; attempt++) {
    const now = clock.now();
    const holds = attempt === 0 && hopeful ? hopeful : await plannedHolds(store, input, serving, now);
    try {
      return await write(input, holds, now);
    } catch (error) {
      if (!(error instanceof HoldRefused)) throw error;
      refused = error.hold;
    }
  }
  // Still refused after fresh plans: others keep taking the units as fast as they free up.
  const hold = refused as Hold;
  const levels = await readLevels(store.db, [hold.variantId], clock.now());
  const available = levels.find((level) => level.locationId === hold.locationId);
  throw new InsufficientStockError([
    {
      variantId: hold.variantId,
      locationId: hold.locationId,
      requested: hold.quantity,
      available: available ? availableOf(available) : 0,
    },
  ]);
}

/** Un-counts the reservation's lines that still count; returns them. */
async function uncountLines(trx: Tx, reservationId: string): Promise<ReservationLine[]> {
  const rows = await trx
    .updateTable('reservation_lines')
    .set({ counted: 0 })
    .where('reservation_id', '=', reservationId)
    .where('counted', '=', COUNTED)
    .returning(['variant_id', 'location_id', 'quantity'])
    .execute();
  return rows
    .map((row) => ({ variantId: row.variant_id, locationId: row.location_id, quantity: row.quantity }))
    .sort(byLevel);
}

export async function extend(store: Store, id: string, seconds: number, clock: Clock): Promise<Reservation> {
  requirePositiveInteger(seconds, 'seconds');
  return inTransaction(store, undefined, async (trx) => {
    const now = clock.now();
    const row = await trx
      .updateTable('reservations')
      .set((eb) => ({ expires_at: eb('expires_at', '+', seconds * 1000), extended: 1, updated_at: now }))
      .where('id', '=', id)
      .where('status', '=', 'active')
      .where('extended', '=', 0)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const current = await readRow(trx, id);
      const status = effectiveStatus(current, now);
      if (status !== 'active') throw notActive(id, status);
      throw new ConflictError('already_extended', `reservation ${id} was already extended once`, { id });
    }
    const lines = await readLines(trx, id);
    const moved = await trx
      .updateTable('reservation_lines')
      .set({ expires_at: row.expires_at })
      .where('reservation_id', '=', id)
      .where('counted', '=', COUNTED)
      .executeTakeFirst();
    // A line already given back (its expiry passed on another server's clock) cannot be revived.
    if (Number(moved.numUpdatedRows) !== lines.length) throw notActive(id, 'expired');
    return toReservation(row, lines, now);
  });
}

/** Gives the units back; idempotent for a reservation already released or lapsed. */
export async function release(
  store: Store,
  id: string,
  clock: Clock,
): Promise<{ reservation: Reservation; variantIds: string[] }> {
  return inTransaction(store, undefined, async (trx) => {
    const now = clock.now();
    const row = await trx
      .updateTable('reservations')
      .set({
        status: sql<ReservationStatus>`case when expires_at <= ${now} then 'expired' else 'released' end`,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const current = await readRow(trx, id);
      if (current.status === 'committed') throw notActive(id, 'committed');
      return { reservation: toReservation(current, await readLines(trx, id), now), variantIds: [] };
    }
    const given = await uncountLines(trx, id);
    for (const line of given) await unholdUnits(trx, line.variantId, line.locationId, line.quantity, now);
    return {
      reservation: toReservation(row, await readLines(trx, id), now),
      variantIds: [...new Set(given.map((line) => line.variantId))],
    };
  });
}

/** Sells the held units: on hand and reserved drop together and each line writes a 'sale' ledger entry. */
export async function commit(
  store: Store,
  id: string,
  clock: Clock,
): Promise<{ reservation: Reservation; variantIds: string[] }> {
  return inTransaction(store, undefined, async (trx) => {
    const now = clock.now();
    const row = await trx
      .updateTable('reservations')
      .set({ status: 'committed', updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const current = await readRow(trx, id);
      const status = effectiveStatus(current, now);
      // A retried commit (the order step ran twice) gets the same answer, not an error.
      if (status === 'committed')
        return { reservation: toReservation(current, await readLines(trx, id), now), variantIds: [] };
      throw notActive(id, status);
    }
    const lines = await readLines(trx, id);
    const sold = await uncountLines(trx, id);
    if (sold.length !== lines.length) throw notActive(id, 'expired');
    const entries = [];
    for (const line of sold) {
      const onHandAfter = await sellHeldUnits(trx, line.variantId, line.locationId, line.quantity, now);
      entries.push({
        variantId: line.variantId,
        locationId: line.locationId,
        kind: 'sale' as const,
        quantity: -line.quantity,
        onHandAfter,
        reason: `reservation ${id}`,
        actor: 'system',
        referenceType: row.reference_type,
        referenceId: row.reference_id,
      });
    }
    await writeLedger(trx, entries, now);
    return {
      reservation: toReservation(row, lines, now),
      variantIds: [...new Set(lines.map((line) => line.variantId))],
    };
  });
}

/**
 * Housekeeping: gives back the units of lapsed holds and marks their reservations expired.
 * Availability never waits for this (reads and reserves already ignore lapsed holds); it keeps
 * the partial index of counted lines small. Returns how many reservations it marked expired.
 */
export async function sweepExpired(
  store: Store,
  clock: Clock,
): Promise<{ expired: number; variantIds: string[] }> {
  const now = clock.now();
  const levels = await store.db
    .selectFrom('reservation_lines')
    .select(['variant_id', 'location_id'])
    .distinct()
    .where('counted', '=', COUNTED)
    .where('expires_at', '<=', now)
    .orderBy('variant_id')
    .orderBy('location_id')
    .execute();
  const variantIds = new Set<string>();
  for (const level of levels) {
    const units = await inTransaction(store, undefined, (trx) =>
      releaseLapsedHolds(trx, level.variant_id, level.location_id, now),
    );
    if (units > 0) variantIds.add(level.variant_id);
  }
  const marked = await store.db
    .updateTable('reservations')
    .set({ status: 'expired', updated_at: now })
    .where('status', '=', 'active')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return { expired: Number(marked.numUpdatedRows), variantIds: [...variantIds] };
}
