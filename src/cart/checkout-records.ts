/**
 * The saga's memory: checkouts, completion attempts (one per Idempotency-Key) and each step's
 * state, written before and after its side effect so a restarted process knows where it stood.
 */
import { AisleError, type Clock, ConflictError, NotFoundError } from '../core/index.js';
import type { Executor, Store } from '../store/index.js';
import type { CheckoutAttemptsTable, CheckoutStatus, CheckoutsTable } from '../store/schema/carts.js';
import type { Checkout, Quote } from './types.js';

export const CHECKOUT_STEPS = [
  'validate',
  'quote',
  'authorize',
  'commit_stock',
  'place_order',
  'capture',
] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

export interface StepRecord {
  readonly state: 'started' | 'done' | 'compensated';
  readonly data: unknown;
}

export async function readCheckoutRow(executor: Executor, checkoutId: string): Promise<CheckoutsTable> {
  const row = await executor
    .selectFrom('checkouts')
    .selectAll()
    .where('id', '=', checkoutId)
    .executeTakeFirst();
  if (row === undefined) throw new NotFoundError('checkout', checkoutId, 'checkout_not_found');
  return row;
}

export function toCheckout(row: CheckoutsTable): Checkout {
  return {
    id: row.id,
    cartId: row.cart_id,
    status: row.status,
    reservationId: row.reservation_id,
    quote: JSON.parse(row.quote) as Quote,
    expiresAt: row.expires_at,
    order:
      row.order_id === null || row.order_number === null
        ? null
        : { id: row.order_id, number: row.order_number },
  };
}

export async function readAttempt(
  executor: Executor,
  checkoutId: string,
  key: string,
): Promise<CheckoutAttemptsTable | undefined> {
  return executor
    .selectFrom('checkout_attempts')
    .selectAll()
    .where('checkout_id', '=', checkoutId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function readSteps(
  executor: Executor,
  checkoutId: string,
  key: string,
): Promise<Map<CheckoutStep, StepRecord>> {
  const rows = await executor
    .selectFrom('checkout_steps')
    .select(['step', 'state', 'data'])
    .where('checkout_id', '=', checkoutId)
    .where('idempotency_key', '=', key)
    .execute();
  return new Map(
    rows.map((row) => [
      row.step as CheckoutStep,
      { state: row.state, data: row.data === null ? null : JSON.parse(row.data) },
    ]),
  );
}

/** A running attempt holds a lease on its checkout; each step renews it or learns it was taken over. */
export interface Lease {
  readonly checkoutId: string;
  readonly key: string;
  readonly owner: string;
  readonly durationMs: number;
}

export async function renewLease(executor: Executor, lease: Lease, now: number): Promise<void> {
  const result = await executor
    .updateTable('checkouts')
    .set({ lease_until: now + lease.durationMs, updated_at: now })
    .where('id', '=', lease.checkoutId)
    .where('lease_owner', '=', lease.owner)
    .where('status', '=', 'processing')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new ConflictError('checkout_in_progress', 'another request took over this checkout', {
      checkoutId: lease.checkoutId,
    });
  }
}

export async function writeStep(
  executor: Executor,
  lease: Lease,
  step: CheckoutStep,
  state: StepRecord['state'],
  data: unknown,
  now: number,
): Promise<void> {
  const values = { state, data: data === undefined ? null : JSON.stringify(data), updated_at: now };
  await executor
    .insertInto('checkout_steps')
    .values({ checkout_id: lease.checkoutId, idempotency_key: lease.key, step, ...values })
    .onConflict((conflict) =>
      conflict.columns(['checkout_id', 'idempotency_key', 'step']).doUpdateSet(values),
    )
    .execute();
}

/** Marks a step before its side effect, renewing the lease in the same transaction. */
export async function beginStep(store: Store, clock: Clock, lease: Lease, step: CheckoutStep): Promise<void> {
  await store.transaction(async (trx) => {
    const now = clock.now();
    await renewLease(trx, lease, now);
    await writeStep(trx, lease, step, 'started', undefined, now);
  });
}

/** What a settled attempt answered, stored so a retry with the same key gets the same answer. */
export interface StoredFailure {
  readonly code: string;
  readonly message: string;
  readonly status: number;
  readonly details?: Record<string, unknown>;
}

export function toStoredFailure(error: unknown): StoredFailure {
  if (AisleError.isInstance(error)) {
    return {
      code: error.code,
      message: error.message,
      status: error.status,
      ...(error.details !== undefined && { details: error.details }),
    };
  }
  return { code: 'checkout_failed', message: 'checkout could not be completed', status: 500 };
}

export function fromStoredFailure(failure: StoredFailure): AisleError {
  return new AisleError(failure.code, failure.message, {
    status: failure.status,
    ...(failure.details !== undefined && { details: failure.details }),
  });
}

/** Ends an attempt and moves its checkout on, releasing the lease. */
export async function settleAttempt(
  executor: Executor,
  lease: Lease,
  attemptStatus: CheckoutAttemptsTable['status'],
  checkoutStatus: CheckoutStatus,
  result: unknown,
  now: number,
  extra: Partial<Pick<CheckoutsTable, 'quote' | 'total' | 'order_id' | 'order_number'>> = {},
): Promise<void> {
  await executor
    .updateTable('checkout_attempts')
    .set({ status: attemptStatus, result: JSON.stringify(result), updated_at: now })
    .where('checkout_id', '=', lease.checkoutId)
    .where('idempotency_key', '=', lease.key)
    .execute();
  await executor
    .updateTable('checkouts')
    .set({ status: checkoutStatus, lease_owner: null, lease_until: null, updated_at: now, ...extra })
    .where('id', '=', lease.checkoutId)
    .where('lease_owner', '=', lease.owner)
    .execute();
}
