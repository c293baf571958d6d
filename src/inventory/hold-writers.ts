/**
 * How each engine writes a reservation fastest without giving up any guarantee: the holds are
 * still the conditional UPDATEs of stock-levels.ts, and a reservation is still all or nothing.
 */
import { CompiledQuery, sql } from 'kysely';
import type { Store, Tx } from '../store/index.js';
import type { Hold } from './allocate.js';
import {
  applyHolds,
  type HeldReservation,
  HoldRefused,
  type HoldWriter,
  insertReservations,
  reservationRow,
  toReservation,
  transactionHoldWriter,
} from './reservations.js';
import { inTransaction } from './transaction.js';
import type { Reservation, ReserveInput } from './types.js';

export function createHoldWriter(store: Store): HoldWriter {
  return store.engine === 'sqlite' ? groupCommitWriter(store) : singleStatementWriter(store);
}

/**
 * One hold, its reservation and its line in one PostgreSQL statement. The conditional UPDATE is
 * the same as holdUnits' and READ COMMITTED re-checks it against the row as the previous writer
 * left it; the INSERTs select from its RETURNING, so they write nothing when it refuses, and
 * the foreign key of the line is checked at the end of the statement, after the reservation is
 * in. The parameters in the select lists are cast because PostgreSQL would read them as text.
 */
const RESERVE_ONE_HOLD = `with held as (
  update stock_levels set reserved = reserved + $1, updated_at = $2
  where variant_id = $3 and location_id = $4 and on_hand - reserved - safety_stock >= $1
  returning 1
), reservation as (
  insert into reservations
    (id, reference_type, reference_id, status, channel, expires_at, extended, created_at, updated_at)
  select $5::text, $6::text, $7::text, 'active', $8::text, $9::bigint, 0, $2, $2 from held
  returning id
)
insert into reservation_lines (reservation_id, variant_id, location_id, quantity, expires_at, counted)
select id, $3, $4, $1, $9, 1 from reservation`;

/**
 * PostgreSQL: the common reservation, one hold at one level, is one round trip in autocommit
 * instead of five (BEGIN, UPDATE, two INSERTs, COMMIT); with a pool of connections the round
 * trips, not the work, are what a reservation waits for. A refused hold goes the general way,
 * which first gives back the level's lapsed holds; so do reservations with several holds.
 */
function singleStatementWriter(store: Store): HoldWriter {
  const general = transactionHoldWriter(store);
  return async (input, holds, now) => {
    const [hold] = holds;
    if (hold === undefined || holds.length > 1) return general(input, holds, now);
    const row = reservationRow(input, now);
    const result = await store.db.executeQuery(
      CompiledQuery.raw(RESERVE_ONE_HOLD, [
        hold.quantity,
        now,
        hold.variantId,
        hold.locationId,
        row.id,
        row.reference_type,
        row.reference_id,
        row.channel,
        row.expires_at,
      ]),
    );
    if (result.numAffectedRows === 1n) return toReservation(row, holds, now);
    return general(input, holds, now);
  };
}

interface Pending {
  input: ReserveInput;
  holds: readonly Hold[];
  now: number;
  resolve(reservation: Reservation): void;
  reject(error: unknown): void;
}

function levelKey(hold: Omit<Hold, 'quantity'>): string {
  return `${hold.variantId}\u0000${hold.locationId}`;
}

/**
 * Holds the units of the group's one-hold reservations in one statement, summed per stock
 * level, each level under the same condition as holdUnits'. Returns the levels it held;
 * the reservations of a level it refused go one by one, so that as many fit as can.
 */
async function holdTogether(trx: Tx, group: readonly Pending[]): Promise<Set<string>> {
  const wanted = new Map<string, Hold>();
  let now = 0;
  for (const pending of group) {
    const [hold] = pending.holds;
    if (hold === undefined || pending.holds.length > 1) continue;
    now = Math.max(now, pending.now);
    const key = levelKey(hold);
    const sum = wanted.get(key) ?? { variantId: hold.variantId, locationId: hold.locationId, quantity: 0 };
    sum.quantity += hold.quantity;
    wanted.set(key, sum);
  }
  if (wanted.size === 0) return new Set();
  const levels = [...wanted.values()];
  const result = await trx.executeQuery<{ variant_id: string; location_id: string }>(
    CompiledQuery.raw(
      `update stock_levels set reserved = reserved + wanted.column3, updated_at = ?
      from (values ${levels.map(() => '(?, ?, ?)').join(', ')}) as wanted
      where stock_levels.variant_id = wanted.column1 and stock_levels.location_id = wanted.column2
        and on_hand - reserved - safety_stock >= wanted.column3
      returning variant_id, location_id`,
      [now, ...levels.flatMap((level) => [level.variantId, level.locationId, level.quantity])],
    ),
  );
  return new Set(
    result.rows.map((row) => levelKey({ variantId: row.variant_id, locationId: row.location_id })),
  );
}

// Bounds one group's transaction, so a burst cannot hold the connection for long.
const MAX_GROUP = 256;

/**
 * Group commit for SQLite. Its one connection runs one transaction at a time anyway, so the
 * reservations that arrive while a transaction runs wait for it and then share the next one:
 * one BEGIN and COMMIT, one multi-row INSERT of reservations and one of lines for the group,
 * leaving each reservation little more than its own conditional UPDATE. A reservation with
 * several holds runs them under a SAVEPOINT, so a refused hold rolls back only its own.
 * Callers are answered after the commit, as before.
 */
function groupCommitWriter(store: Store): HoldWriter {
  const alone = transactionHoldWriter(store);
  const queue: Pending[] = [];
  let draining = false;

  const commitGroup = async (group: Pending[]): Promise<void> => {
    let outcomes: (Reservation | HoldRefused)[];
    try {
      outcomes = await inTransaction(store, undefined, async (trx) => {
        const results: (Reservation | HoldRefused)[] = [];
        const held: HeldReservation[] = [];
        const together = await holdTogether(trx, group);
        for (const { input, holds, now } of group) {
          const several = holds.length > 1;
          if (several) await sql`savepoint reservation`.execute(trx);
          try {
            if (several || !together.has(levelKey(holds[0] as Hold))) await applyHolds(trx, holds, now);
          } catch (error) {
            if (!(error instanceof HoldRefused)) throw error;
            if (several) await sql`rollback to savepoint reservation`.execute(trx);
            results.push(error);
            continue;
          } finally {
            if (several) await sql`release savepoint reservation`.execute(trx);
          }
          const row = reservationRow(input, now);
          held.push({ row, holds });
          results.push(toReservation(row, holds, now));
        }
        await insertReservations(trx, held);
        return results;
      });
    } catch (error) {
      // The group rolled back whole; each member then runs alone, so that one reservation's
      // failure is its own and not its neighbours'.
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      for (const pending of group) {
        await alone(pending.input, pending.holds, pending.now).then(pending.resolve, pending.reject);
      }
      return;
    }
    group.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome instanceof HoldRefused) pending.reject(outcome);
      else pending.resolve(outcome as Reservation);
    });
  };

  const drain = async (): Promise<void> => {
    draining = true;
    try {
      while (queue.length > 0) await commitGroup(queue.splice(0, MAX_GROUP));
    } finally {
      draining = false;
    }
  };

  return (input, holds, now) =>
    new Promise<Reservation>((resolve, reject) => {
      queue.push({ input, holds, now, resolve, reject });
      if (!draining) void drain();
    });
}
