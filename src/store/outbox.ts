/**
 * Transactional outbox: events that leave the process are written in the same transaction as
 * the change that causes them, then delivered at least once by a dispatcher. The idempotency
 * key travels with the event so receivers can drop repeats.
 */
import { type Clock, newId } from '../core/index.js';
import type { Executor, Store } from './database.js';

export interface OutboxEvent {
  readonly topic: string;
  readonly payload: unknown;
  /** Same key, same event: a second enqueue with it is ignored. */
  readonly idempotencyKey: string;
}

export interface OutboxMessage extends OutboxEvent {
  readonly id: string;
  readonly attempts: number;
  readonly createdAt: number;
}

export async function enqueueOutbox(executor: Executor, event: OutboxEvent, clock: Clock): Promise<void> {
  const now = clock.now();
  await executor
    .insertInto('outbox')
    .values({
      id: newId('evt', now),
      topic: event.topic,
      payload: JSON.stringify(event.payload),
      idempotency_key: event.idempotencyKey,
      created_at: now,
      available_at: now,
      attempts: 0,
      claimed_until: null,
      delivered_at: null,
      last_error: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

/**
 * Claims up to `limit` due messages for `leaseMs`. Each claim is one conditional UPDATE, so two
 * dispatchers never hold the same message; a crashed dispatcher's lease simply runs out.
 */
export async function claimOutbox(
  store: Store,
  options: { limit: number; leaseMs: number },
  clock: Clock,
): Promise<OutboxMessage[]> {
  const now = clock.now();
  const due = await store.db
    .selectFrom('outbox')
    .selectAll()
    .where('delivered_at', 'is', null)
    .where('available_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('available_at')
    .orderBy('id')
    .limit(options.limit)
    .execute();
  const claimed: OutboxMessage[] = [];
  for (const row of due) {
    const result = await store.db
      .updateTable('outbox')
      .set({ claimed_until: now + options.leaseMs, attempts: row.attempts + 1 })
      .where('id', '=', row.id)
      .where('delivered_at', 'is', null)
      .where('attempts', '=', row.attempts)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) {
      claimed.push({
        id: row.id,
        topic: row.topic,
        payload: JSON.parse(row.payload) as unknown,
        idempotencyKey: row.idempotency_key,
        attempts: row.attempts + 1,
        createdAt: row.created_at,
      });
    }
  }
  return claimed;
}

export async function markOutboxDelivered(store: Store, id: string, clock: Clock): Promise<void> {
  await store.db
    .updateTable('outbox')
    .set({ delivered_at: clock.now(), claimed_until: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** Records a failed delivery and schedules a retry with exponential backoff (capped at an hour). */
export async function markOutboxFailed(
  store: Store,
  message: Pick<OutboxMessage, 'id' | 'attempts'>,
  error: string,
  clock: Clock,
): Promise<void> {
  const backoff = Math.min(3_600_000, 1000 * 2 ** Math.max(0, message.attempts - 1));
  await store.db
    .updateTable('outbox')
    .set({ available_at: clock.now() + backoff, claimed_until: null, last_error: error.slice(0, 2000) })
    .where('id', '=', message.id)
    .execute();
}

export type OutboxHandler = (message: OutboxMessage) => Promise<void>;

/** Delivers one batch: each handled message is marked delivered, each failure rescheduled. */
export async function dispatchOutbox(
  store: Store,
  handler: OutboxHandler,
  clock: Clock,
  options: { limit?: number; leaseMs?: number } = {},
): Promise<{ delivered: number; failed: number }> {
  const batch = await claimOutbox(
    store,
    { limit: options.limit ?? 50, leaseMs: options.leaseMs ?? 30_000 },
    clock,
  );
  let delivered = 0;
  let failed = 0;
  for (const message of batch) {
    try {
      await handler(message);
      await markOutboxDelivered(store, message.id, clock);
      delivered += 1;
    } catch (error) {
      await markOutboxFailed(store, message, error instanceof Error ? error.message : String(error), clock);
      failed += 1;
    }
  }
  return { delivered, failed };
}
