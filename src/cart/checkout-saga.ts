/**
 * Checkout completion as a saga: validate → re-quote → authorize payment → commit stock → place
 * the order (order and promotion usage in one transaction, so usage over a limit leaves no
 * order) → capture. Each step is recorded before and after its side effect and is safe to run
 * again, so a retry or `recover()` after a crash resumes where the process stopped. No database
 * transaction is open while the payment provider is called.
 */
import { AisleError, type Clock, ConflictError, newId, ValidationError } from '../core/index.js';
import type { InventoryService } from '../inventory/index.js';
import type { PaymentProvider, TenderPaymentResult, TenderPayments } from '../payments/index.js';
import type { Store } from '../store/index.js';
import type { CheckoutAttemptsTable, CheckoutsTable } from '../store/schema/carts.js';
import { readCart } from './cart-rows.js';
import {
  beginStep,
  type CheckoutStep,
  fromStoredFailure,
  type Lease,
  readAttempt,
  readCheckoutRow,
  readSteps,
  renewLease,
  type StoredFailure,
  settleAttempt,
  toStoredFailure,
  writeStep,
} from './checkout-records.js';
import { holdExpired, PaymentDeclinedError, PriceChangedError } from './errors.js';
import { toNewOrder } from './order-input.js';
import type {
  CheckoutOutcome,
  CompleteCheckoutInput,
  OrderSink,
  PromotionSource,
  Quote,
  Tender,
} from './types.js';

export interface CheckoutHooks {
  /** Called right after a step's side effect, before it is recorded as done (crash tests). */
  afterSideEffect?(step: CheckoutStep, checkoutId: string): void | Promise<void>;
}

export interface CheckoutSagaDependencies {
  readonly store: Store;
  readonly clock: Clock;
  readonly inventory: InventoryService;
  readonly payments: { readonly tenders: TenderPayments; readonly provider: PaymentProvider };
  readonly orders: OrderSink;
  readonly promotions: PromotionSource;
  readonly requote: (cartId: string) => Promise<Quote>;
  readonly channel: string;
  readonly leaseMs: number;
  readonly hooks: CheckoutHooks;
}

export interface RecoveryReport {
  readonly resumed: number;
  readonly completed: number;
  readonly failed: number;
  readonly expired: number;
}

/** Ends the attempt: how the checkout moves on and whether what was done is undone. */
type Settlement = 'retry' | 'declined' | 'undo';

class AttemptFailed extends Error {
  constructor(
    readonly settlement: Settlement,
    readonly error: AisleError,
    readonly repriced?: Quote,
  ) {
    super(error.message);
  }
}

const paymentKey = (checkoutId: string, key: string) => `checkout:${checkoutId}:${key}`;
const WAIT_STEPS = 50;
const WAIT_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function challengeOf(checkoutId: string, payment: TenderPaymentResult): CheckoutOutcome {
  const action = payment.cardPayment?.nextAction;
  if (!action)
    throw new ConflictError('payment_requires_action', 'the payment awaits the shopper', { checkoutId });
  return {
    status: 'requires_action',
    checkoutId,
    challenge: {
      type: action.type,
      challengeId: action.challengeId,
      url: action.url,
      clientSecret: action.clientSecret,
    },
  };
}

function sameRequest(attempt: CheckoutAttemptsTable, input: CompleteCheckoutInput): boolean {
  return (
    attempt.tenders === JSON.stringify(input.tenders) &&
    attempt.expected_total === (input.expectedTotal ?? null)
  );
}

export function createCheckoutSaga(deps: CheckoutSagaDependencies) {
  const { store, clock, inventory, payments, orders, promotions, hooks } = deps;

  const sideEffectDone = async (step: CheckoutStep, checkoutId: string) => {
    await hooks.afterSideEffect?.(step, checkoutId);
  };

  async function finishStep(lease: Lease, step: CheckoutStep, data: unknown): Promise<void> {
    await store.transaction(async (trx) => {
      const now = clock.now();
      await renewLease(trx, lease, now);
      await writeStep(trx, lease, step, 'done', data, now);
    });
  }

  /** Runs one step unless it is already done; its result is kept for later steps and resumes. */
  async function step<T>(
    lease: Lease,
    steps: Map<CheckoutStep, { state: string; data: unknown }>,
    name: CheckoutStep,
    effect: () => Promise<T>,
  ): Promise<T> {
    const record = steps.get(name);
    if (record?.state === 'done') return record.data as T;
    await beginStep(store, clock, lease, name);
    const data = await effect();
    await sideEffectDone(name, lease.checkoutId);
    await finishStep(lease, name, data);
    steps.set(name, { state: 'done', data });
    return data;
  }

  async function authorize(
    lease: Lease,
    tenders: readonly Tender[],
    quote: Quote,
  ): Promise<TenderPaymentResult | null> {
    if (quote.total.amount === 0) return null;
    try {
      return await payments.tenders.payWithTenders({
        tenders,
        amount: quote.total.amount,
        currency: quote.currency,
        idempotencyKey: paymentKey(lease.checkoutId, lease.key),
        metadata: { checkout_id: lease.checkoutId },
      });
    } catch (error) {
      // A refusal (bad token, gift card not found) leaves nothing authorized: the shopper may retry.
      if (AisleError.isInstance(error) && error.status < 500) throw new AttemptFailed('retry', error);
      throw error;
    }
  }

  /** After a 3-D Secure challenge: asks the provider how it ended. */
  async function confirm(lease: Lease, payment: TenderPaymentResult): Promise<TenderPaymentResult> {
    const card = payment.cardPayment;
    if (payment.status !== 'requires_action' || card === null) return payment;
    let confirmed: typeof card;
    try {
      confirmed = await payments.provider.confirmAction({
        paymentId: card.id,
        idempotencyKey: `${paymentKey(lease.checkoutId, lease.key)}:confirm`,
      });
    } catch (error) {
      if (AisleError.isInstance(error) && error.code === 'action_not_completed') return payment;
      if (AisleError.isInstance(error) && error.code === 'payment_not_awaiting_action') {
        confirmed = await payments.provider.get(card.id);
      } else throw error;
    }
    const status =
      confirmed.status === 'authorized'
        ? 'authorized'
        : confirmed.status === 'requires_action'
          ? 'requires_action'
          : 'declined';
    return {
      ...payment,
      status,
      cardPayment: confirmed,
      declineReason: confirmed.declineReason,
      allocations: status === 'declined' ? [] : payment.allocations,
    };
  }

  /**
   * Captures each card authorization of the order and tells the order. A payment the order
   * already gave back (voided by a cancel that came first) has nothing left to take.
   */
  async function capture(
    lease: Lease,
    payment: TenderPaymentResult | null,
    order: { id: string },
  ): Promise<void> {
    for (const allocation of payment?.allocations ?? []) {
      if (allocation.paymentId === null) continue;
      let current = await payments.provider.get(allocation.paymentId);
      if (current.status === 'authorized') {
        current = await payments.provider.capture({
          paymentId: allocation.paymentId,
          idempotencyKey: `${paymentKey(lease.checkoutId, lease.key)}:capture:${allocation.paymentId}`,
        });
      }
      if (current.status !== 'captured' && current.status !== 'refunded') continue;
      await orders.recordCapture?.(order.id, allocation.paymentId, current.capturedAmount);
    }
  }

  /** Undoes, newest first, what the attempt did; each undo is safe to repeat. */
  async function compensate(
    lease: Lease,
    checkout: CheckoutsTable,
    steps: Map<CheckoutStep, { state: string }>,
  ) {
    const touched = (name: CheckoutStep) => steps.has(name) && steps.get(name)?.state !== 'compensated';
    if (touched('commit_stock')) {
      const reservation = await inventory.getReservation(checkout.reservation_id);
      if (reservation.status === 'committed') {
        for (const line of reservation.lines) {
          await inventory.adjust({
            variantId: line.variantId,
            locationId: line.locationId,
            kind: 'correction',
            quantity: line.quantity,
            reason: `checkout ${checkout.id} was undone after its stock was taken`,
            actor: 'system',
            referenceType: 'checkout',
            referenceId: checkout.id,
          });
        }
      }
    }
    if (touched('authorize')) {
      try {
        await payments.tenders.cancelTenders(paymentKey(lease.checkoutId, lease.key));
      } catch (error) {
        // Nothing was stored under the key: the provider never saw the payment.
        if (!(AisleError.isInstance(error) && error.code === 'tender_payment_not_found')) throw error;
      }
    }
    const reservation = await inventory.getReservation(checkout.reservation_id);
    if (reservation.status === 'active') await inventory.release(checkout.reservation_id);
    await store.transaction(async (trx) => {
      const now = clock.now();
      for (const name of steps.keys()) await writeStep(trx, lease, name, 'compensated', null, now);
    });
  }

  async function settleFailure(
    lease: Lease,
    checkout: CheckoutsTable,
    steps: Map<CheckoutStep, { state: string }>,
    failure: AttemptFailed,
  ) {
    if (failure.settlement === 'undo') await compensate(lease, checkout, steps);
    const stored = toStoredFailure(failure.error);
    await store.transaction(async (trx) => {
      const now = clock.now();
      const repriced = failure.repriced
        ? { quote: JSON.stringify(failure.repriced), total: failure.repriced.total.amount }
        : {};
      if (failure.settlement === 'declined') {
        await settleAttempt(trx, lease, 'declined', 'declined', stored, now);
      } else if (failure.settlement === 'retry') {
        await settleAttempt(trx, lease, 'failed', 'open', stored, now, repriced);
      } else {
        await settleAttempt(trx, lease, 'failed', 'failed', stored, now);
        await trx
          .updateTable('carts')
          .set({ checkout_id: null, updated_at: now })
          .where('id', '=', checkout.cart_id)
          .where('checkout_id', '=', checkout.id)
          .execute();
      }
    });
  }

  /** Runs (or resumes) the attempt that holds the lease, to an order, a challenge or a settled failure. */
  async function run(
    lease: Lease,
    tenders: readonly Tender[],
    expectedTotal: number | null,
  ): Promise<CheckoutOutcome> {
    const checkout = await readCheckoutRow(store.db, lease.checkoutId);
    const steps = await readSteps(store.db, lease.checkoutId, lease.key);
    try {
      await step(lease, steps, 'validate', async () => {
        if (steps.get('commit_stock')?.state === 'done') return { ok: true };
        const reservation = await inventory.getReservation(checkout.reservation_id);
        if (reservation.status !== 'active' && reservation.status !== 'committed') {
          throw new AttemptFailed('undo', holdExpired(checkout.id));
        }
        return { ok: true };
      });
      const quote = await step(lease, steps, 'quote', async () => {
        const fresh = await deps.requote(checkout.cart_id);
        const unsellable = fresh.messages.find((m) => m.code === 'item_unavailable');
        if (unsellable) {
          throw new AttemptFailed(
            'retry',
            new ConflictError('item_unavailable', unsellable.message.en, { lineId: unsellable.lineId }),
          );
        }
        const agreed = expectedTotal ?? checkout.total;
        if (fresh.total.amount !== agreed || fresh.currency !== checkout.currency) {
          throw new AttemptFailed('retry', new PriceChangedError(fresh, agreed), fresh);
        }
        return fresh;
      });
      let payment = await step(lease, steps, 'authorize', () => authorize(lease, tenders, quote));
      if (payment?.status === 'requires_action') {
        payment = await confirm(lease, payment);
        await finishStep(lease, 'authorize', payment);
      }
      if (payment?.status === 'requires_action') {
        await store.transaction((trx) =>
          settleAttempt(trx, lease, 'requires_action', 'requires_action', null, clock.now()),
        );
        return challengeOf(checkout.id, payment);
      }
      if (payment?.status === 'declined' || payment?.status === 'canceled') {
        throw new AttemptFailed(
          'declined',
          new PaymentDeclinedError(payment.declineReason ?? 'card_declined', checkout.id),
        );
      }
      await step(lease, steps, 'commit_stock', async () => {
        try {
          await inventory.commit(checkout.reservation_id);
        } catch (error) {
          if (AisleError.isInstance(error) && error.code.startsWith('reservation_')) {
            throw new AttemptFailed('undo', holdExpired(checkout.id));
          }
          throw error;
        }
        return { reservationId: checkout.reservation_id };
      });
      const order = await placeOrder(lease, steps, checkout, quote, payment);
      // The order stands from here on; a capture that fails is retried by the next resume.
      try {
        await step(lease, steps, 'capture', async () => {
          await capture(lease, payment, order);
          return { captured: true };
        });
      } catch (error) {
        await store.db
          .updateTable('checkouts')
          .set({ lease_until: clock.now() })
          .where('id', '=', lease.checkoutId)
          .where('lease_owner', '=', lease.owner)
          .execute();
        if (AisleError.isInstance(error) && error.code === 'checkout_in_progress') throw error;
        return { status: 'completed', order, total: quote.total };
      }
      const outcome: CheckoutOutcome = { status: 'completed', order, total: quote.total };
      await store.transaction(async (trx) => {
        const now = clock.now();
        await settleAttempt(trx, lease, 'completed', 'completed', outcome, now);
        await trx
          .updateTable('carts')
          .set({ status: 'completed', updated_at: now })
          .where('id', '=', checkout.cart_id)
          .execute();
      });
      return outcome;
    } catch (error) {
      if (error instanceof AttemptFailed) {
        await settleFailure(lease, checkout, steps, error);
        throw error.error;
      }
      // Unknown outcome (provider outage, lost connection): leave the steps for a retry or recovery.
      await store.db
        .updateTable('checkouts')
        .set({ lease_until: clock.now() })
        .where('id', '=', lease.checkoutId)
        .where('lease_owner', '=', lease.owner)
        .execute();
      throw error;
    }
  }

  async function placeOrder(
    lease: Lease,
    steps: Map<CheckoutStep, { state: string; data: unknown }>,
    checkout: CheckoutsTable,
    quote: Quote,
    payment: TenderPaymentResult | null,
  ): Promise<{ id: string; number: string }> {
    const record = steps.get('place_order');
    if (record?.state === 'done') return record.data as { id: string; number: string };
    await beginStep(store, clock, lease, 'place_order');
    const existing = await orders.findByCheckout(checkout.id);
    const cart = await readCart(store.db, checkout.cart_id);
    const order =
      existing ??
      (await store
        .transaction(async (trx) => {
          const now = clock.now();
          await renewLease(trx, lease, now);
          const created = await orders.create(
            toNewOrder({
              cart,
              quote,
              checkoutId: checkout.id,
              channel: deps.channel,
              payment,
              provider: payments.provider.name,
              placedAt: now,
            }),
            trx,
          );
          if (quote.usage.length > 0) {
            await promotions.recordUsage(trx, quote.usage, {
              orderId: created.id,
              customerId: cart.customerId,
            });
          }
          await trx
            .updateTable('checkouts')
            .set({ order_id: created.id, order_number: created.number, updated_at: now })
            .where('id', '=', checkout.id)
            .execute();
          await writeStep(trx, lease, 'place_order', 'done', created, now);
          return created;
        })
        .catch((error: unknown) => {
          if (
            AisleError.isInstance(error) &&
            (error.code === 'budget_exhausted' || error.code === 'usage_limit_reached')
          ) {
            throw new AttemptFailed('undo', error);
          }
          throw error;
        }));
    await sideEffectDone('place_order', checkout.id);
    if (existing !== null) await finishStep(lease, 'place_order', existing);
    steps.set('place_order', { state: 'done', data: order });
    return order;
  }

  /** Takes the checkout for this attempt: a new attempt, or one whose previous runner went quiet. */
  async function claim(
    checkout: CheckoutsTable,
    input: CompleteCheckoutInput,
    fresh: boolean,
  ): Promise<Lease | null> {
    const lease: Lease = {
      checkoutId: checkout.id,
      key: input.idempotencyKey,
      owner: newId('run'),
      durationMs: deps.leaseMs,
    };
    return store
      .transaction(async (trx) => {
        const now = clock.now();
        if (fresh) {
          await trx
            .insertInto('checkout_attempts')
            .values({
              checkout_id: checkout.id,
              idempotency_key: input.idempotencyKey,
              status: 'processing',
              tenders: JSON.stringify(input.tenders),
              expected_total: input.expectedTotal ?? null,
              result: null,
              created_at: now,
              updated_at: now,
            })
            .execute();
        } else {
          await trx
            .updateTable('checkout_attempts')
            .set({ status: 'processing', updated_at: now })
            .where('checkout_id', '=', checkout.id)
            .where('idempotency_key', '=', input.idempotencyKey)
            .execute();
        }
        const taken = await trx
          .updateTable('checkouts')
          .set({
            status: 'processing',
            attempt_key: input.idempotencyKey,
            lease_owner: lease.owner,
            lease_until: now + deps.leaseMs,
            updated_at: now,
          })
          .where('id', '=', checkout.id)
          .where((eb) =>
            eb.or([
              eb('status', 'in', ['open', 'declined', 'requires_action']),
              eb.and([
                eb('status', '=', 'processing'),
                eb('attempt_key', '=', input.idempotencyKey),
                eb('lease_until', '<=', now),
              ]),
            ]),
          )
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) !== 1)
          throw new ConflictError(
            'checkout_in_progress',
            'this checkout is being completed by another request',
            { checkoutId: checkout.id },
          );
        return lease;
      })
      .catch((error: unknown) => {
        const code = (error as { code?: unknown } | null)?.code;
        const duplicate =
          code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
        if (duplicate || (AisleError.isInstance(error) && error.code === 'checkout_in_progress')) return null;
        throw error;
      });
  }

  /** The stored answer of a settled attempt. */
  function answer(attempt: CheckoutAttemptsTable): CheckoutOutcome {
    if (attempt.status === 'completed') return JSON.parse(attempt.result ?? 'null') as CheckoutOutcome;
    throw fromStoredFailure(JSON.parse(attempt.result ?? 'null') as StoredFailure);
  }

  async function complete(checkoutId: string, input: CompleteCheckoutInput): Promise<CheckoutOutcome> {
    if (
      typeof input.idempotencyKey !== 'string' ||
      input.idempotencyKey.length === 0 ||
      input.idempotencyKey.length > 200
    ) {
      throw new ValidationError(
        'an Idempotency-Key of 1 to 200 characters is needed',
        { field: 'idempotencyKey' },
        'invalid_idempotency_key',
      );
    }
    if (input.tenders.length === 0)
      throw new ValidationError('at least one tender is needed', { field: 'tenders' }, 'no_tenders');
    for (let round = 0; round < WAIT_STEPS; round++) {
      const checkout = await readCheckoutRow(store.db, checkoutId);
      const attempt = await readAttempt(store.db, checkoutId, input.idempotencyKey);
      if (attempt !== undefined && !sameRequest(attempt, input)) {
        throw new ConflictError(
          'idempotency_key_reused',
          'this Idempotency-Key was used with another request',
          { checkoutId },
        );
      }
      if (checkout.status === 'completed' && checkout.order_id !== null && checkout.order_number !== null) {
        return {
          status: 'completed',
          order: { id: checkout.order_id, number: checkout.order_number },
          total: { amount: checkout.total, currency: checkout.currency },
        };
      }
      if (attempt?.status === 'completed' || attempt?.status === 'declined' || attempt?.status === 'failed')
        return answer(attempt);
      if (attempt?.status === 'superseded')
        throw new ConflictError('attempt_superseded', 'a later payment attempt replaced this one', {
          checkoutId,
        });
      if (checkout.status === 'failed' || checkout.status === 'abandoned') throw holdExpired(checkoutId);
      const now = clock.now();
      const running = checkout.status === 'processing' && (checkout.lease_until ?? 0) > now;
      if (running) {
        if (checkout.attempt_key !== input.idempotencyKey) {
          throw new ConflictError(
            'checkout_in_progress',
            'this checkout is being completed by another request',
            { checkoutId },
          );
        }
        // A double submit: wait for the first request's answer instead of paying twice.
        await sleep(WAIT_MS);
        continue;
      }
      if (checkout.status === 'processing' && checkout.attempt_key !== input.idempotencyKey) {
        throw new ConflictError(
          'checkout_in_progress',
          'an earlier attempt is being recovered; retry shortly',
          { checkoutId },
        );
      }
      if (
        checkout.status === 'requires_action' &&
        checkout.attempt_key !== null &&
        checkout.attempt_key !== input.idempotencyKey
      ) {
        await supersede(checkout, checkout.attempt_key);
      }
      const lease = await claim(checkout, input, attempt === undefined);
      if (lease === null) continue;
      return run(lease, input.tenders, input.expectedTotal ?? null);
    }
    throw new ConflictError('checkout_in_progress', 'this checkout is still being completed; retry shortly', {
      checkoutId,
    });
  }

  /** The shopper abandoned a challenge and pays another way: the pending authorization is voided. */
  async function supersede(checkout: CheckoutsTable, key: string): Promise<void> {
    const taken = await store.db
      .updateTable('checkout_attempts')
      .set({ status: 'superseded', updated_at: clock.now() })
      .where('checkout_id', '=', checkout.id)
      .where('idempotency_key', '=', key)
      .where('status', '=', 'requires_action')
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1)
      await payments.tenders.cancelTenders(paymentKey(checkout.id, key));
  }

  /**
   * Brings every saga whose runner stopped (crash, lost lease) to a consistent state by resuming
   * it: an order with its payment, or, when it cannot go on, no order and nothing charged. Also
   * closes checkouts whose holds lapsed while waiting for the shopper.
   */
  async function recover(): Promise<RecoveryReport> {
    const now = clock.now();
    const stalled = await store.db
      .selectFrom('checkouts')
      .selectAll()
      .where('status', '=', 'processing')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
      .execute();
    let completed = 0;
    let failed = 0;
    for (const checkout of stalled) {
      const attempt =
        checkout.attempt_key === null
          ? undefined
          : await readAttempt(store.db, checkout.id, checkout.attempt_key);
      if (attempt === undefined) continue;
      const input = {
        tenders: JSON.parse(attempt.tenders) as Tender[],
        idempotencyKey: attempt.idempotency_key,
      };
      const lease = await claim(checkout, input, false);
      if (lease === null) continue;
      try {
        const outcome = await run(lease, input.tenders, attempt.expected_total);
        if (outcome.status === 'completed') completed++;
      } catch {
        failed++;
      }
    }
    const lapsed = await store.db
      .selectFrom('checkouts')
      .selectAll()
      .where('status', 'in', ['open', 'declined', 'requires_action'])
      .where('expires_at', '<=', now)
      .execute();
    for (const checkout of lapsed) await expire(checkout);
    return { resumed: stalled.length, completed, failed, expired: lapsed.length };
  }

  async function expire(checkout: CheckoutsTable): Promise<void> {
    if (checkout.status === 'requires_action' && checkout.attempt_key !== null)
      await supersede(checkout, checkout.attempt_key);
    await inventory.release(checkout.reservation_id);
    await store.transaction(async (trx) => {
      const now = clock.now();
      await trx
        .updateTable('checkouts')
        .set({ status: 'abandoned', updated_at: now })
        .where('id', '=', checkout.id)
        .where('status', '=', checkout.status)
        .execute();
      await trx
        .updateTable('carts')
        .set({ checkout_id: null, updated_at: now })
        .where('id', '=', checkout.cart_id)
        .where('checkout_id', '=', checkout.id)
        .execute();
    });
  }

  return { complete, recover, expire };
}

export type CheckoutSaga = ReturnType<typeof createCheckoutSaga>;
