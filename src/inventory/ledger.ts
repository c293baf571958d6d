import type { Selectable } from 'kysely';
import type { Executor, Schema } from '../store/index.js';
import type { LedgerEntry, LedgerKind } from './types.js';

type LedgerRow = Selectable<Schema['inventory_ledger']>;

export interface LedgerWrite {
  variantId: string;
  locationId: string;
  kind: LedgerKind;
  quantity: number;
  onHandAfter: number;
  reason: string | null;
  actor: string;
  referenceType: string | null;
  referenceId: string | null;
}

export async function writeLedger(
  executor: Executor,
  entries: readonly LedgerWrite[],
  now: number,
): Promise<void> {
  if (entries.length === 0) return;
  await executor
    .insertInto('inventory_ledger')
    .values(
      entries.map((entry) => ({
        variant_id: entry.variantId,
        location_id: entry.locationId,
        kind: entry.kind,
        quantity: entry.quantity,
        on_hand_after: entry.onHandAfter,
        reason: entry.reason,
        actor: entry.actor,
        reference_type: entry.referenceType,
        reference_id: entry.referenceId,
        created_at: now,
      })),
    )
    .execute();
}

function toEntry(row: LedgerRow): LedgerEntry {
  return {
    sequence: row.sequence,
    variantId: row.variant_id,
    locationId: row.location_id,
    kind: row.kind,
    quantity: row.quantity,
    onHandAfter: row.on_hand_after,
    reason: row.reason,
    actor: row.actor,
    referenceType: row.reference_type,
    referenceId: row.reference_id,
    createdAt: row.created_at,
  };
}

/** Entries oldest first. */
export async function readLedger(
  executor: Executor,
  variantId: string,
  locationId?: string,
): Promise<LedgerEntry[]> {
  let query = executor.selectFrom('inventory_ledger').selectAll().where('variant_id', '=', variantId);
  if (locationId !== undefined) query = query.where('location_id', '=', locationId);
  const rows = await query.orderBy('sequence').execute();
  return rows.map(toEntry);
}
