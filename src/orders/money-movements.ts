/**
 * Moves the money a change planned, outside any database transaction. Charges run before the
 * change commits (a refused payment leaves the order as it was); refunds, voids and captures run
 * after, and each payment-history entry is marked succeeded or failed as it completes.
 *
 * Gift card codes are bearer secrets that the store never keeps, so value that was paid with a
 * gift card comes back on a newly issued gift card whose code is returned once.
 */
import type { Clock } from '../core/index.js';
import type { GiftCards, PaymentProvider, StoreCredit } from '../payments/index.js';
import type { Store } from '../store/index.js';
import type { ChargeSource } from './change-plan.js';
import { OrderConflictError } from './errors.js';
import type { Order, OrderTransaction } from './types.js';

export interface MoneyPorts {
  readonly provider: PaymentProvider;
  readonly giftCards: GiftCards;
  readonly storeCredit: StoreCredit;
  readonly store: Store;
  readonly clock: Clock;
}

type Sources = ReadonlyMap<string, { source: ChargeSource; capture: boolean }>;

function keyOf(order: Order, t: OrderTransaction): string {
  return `order:${order.id}:${t.operationId}:${t.type}:${t.tenderId ?? t.method}`;
}

export async function executeCharges(ports: MoneyPorts, order: Order, sources: Sources): Promise<Order> {
  const done = new Map<string, Partial<OrderTransaction>>();
  try {
    for (const t of order.transactions) {
      const planned = sources.get(t.id);
      if (planned === undefined) continue;
      const key = keyOf(order, t);
      const { source, capture } = planned;
      if (source.type === 'gift_card') {
        await ports.giftCards.debit({
          code: source.code,
          amount: t.amount,
          idempotencyKey: key,
          reference: key,
        });
        done.set(t.id, { status: 'captured', reference: key });
      } else if (source.type === 'store_credit') {
        await ports.storeCredit.debit({
          customerId: order.customerId as string,
          amount: t.amount,
          idempotencyKey: key,
          reference: key,
        });
        done.set(t.id, { status: 'captured', reference: key });
      } else {
        const payment = await ports.provider.authorize({
          amount: t.amount,
          paymentMethod: source.token,
          idempotencyKey: key,
          metadata: { order: order.number },
        });
        if (payment.status !== 'authorized') {
          throw new OrderConflictError('payment_declined', 'the card was not authorized for the difference', {
            status: payment.status,
            declineReason: payment.declineReason,
          });
        }
        if (capture)
          await ports.provider.capture({ paymentId: payment.id, idempotencyKey: `${key}:capture` });
        const method = payment.paymentMethod;
        const label =
          method === null ? 'Card' : `${method.brand}${method.last4 === null ? '' : ` •••• ${method.last4}`}`;
        done.set(t.id, {
          status: capture ? 'captured' : 'authorized',
          reference: payment.id,
          label,
          provider: ports.provider.name,
        });
      }
    }
  } catch (error) {
    await undoCharges(ports, withUpdates(order, done), sources);
    throw error;
  }
  return withUpdates(order, done);
}

function withUpdates(order: Order, updates: ReadonlyMap<string, Partial<OrderTransaction>>): Order {
  return { ...order, transactions: order.transactions.map((t) => ({ ...t, ...updates.get(t.id) })) };
}

/** Gives back charges of a change that did not commit. */
export async function undoCharges(ports: MoneyPorts, order: Order, sources: Sources): Promise<void> {
  for (const t of order.transactions) {
    const planned = sources.get(t.id);
    if (planned === undefined || t.status === 'pending' || t.reference === null) continue;
    const key = `${keyOf(order, t)}:undo`;
    const { source } = planned;
    if (source.type === 'gift_card') {
      await ports.giftCards.refund({
        code: source.code,
        amount: t.amount,
        idempotencyKey: key,
        reference: t.reference,
      });
    } else if (source.type === 'store_credit') {
      await ports.storeCredit.refund({
        customerId: order.customerId as string,
        amount: t.amount,
        idempotencyKey: key,
        reference: t.reference,
      });
    } else if (t.status === 'captured') {
      await ports.provider.refund({ paymentId: t.reference, idempotencyKey: key });
    } else {
      await ports.provider.void({ paymentId: t.reference, idempotencyKey: key });
    }
  }
}

async function record(
  ports: MoneyPorts,
  id: string,
  change: { status: OrderTransaction['status']; reference?: string | null; label?: string },
): Promise<void> {
  await ports.store.db
    .updateTable('order_transactions')
    .set({ ...change, updated_at: ports.clock.now() })
    .where('id', '=', id)
    .execute();
}

/** Carries out the refunds and voids a committed change left pending. Returns the codes of issued gift cards. */
export async function executeRefunds(
  ports: MoneyPorts,
  order: Order,
  operationId: string,
  _voids: readonly OrderTransaction[],
): Promise<{ code: string; amount: { amount: number; currency: string } }[]> {
  const issued: { code: string; amount: { amount: number; currency: string } }[] = [];
  const pending = order.transactions.filter(
    (t) => t.operationId === operationId && t.status === 'pending' && t.type !== 'payment',
  );
  for (const t of pending) {
    const key = keyOf(order, t);
    const tender = order.transactions.find((candidate) => candidate.id === t.tenderId);
    try {
      if (tender === undefined && t.method === 'store_credit') {
        await ports.storeCredit.credit({
          customerId: order.customerId as string,
          amount: t.amount,
          idempotencyKey: key,
          reference: `order:${order.id}`,
        });
        await record(ports, t.id, { status: 'succeeded', reference: key });
      } else if (tender === undefined || tender.method === 'gift_card') {
        const card = await ports.giftCards.issue({
          initialBalance: t.amount,
          reference: `order:${order.id}`,
        });
        issued.push({ code: card.code, amount: t.amount });
        await record(ports, t.id, {
          status: 'succeeded',
          reference: card.account.id,
          label: `Gift card ${card.account.label}`,
        });
      } else if (tender.method === 'store_credit') {
        await ports.storeCredit.refund({
          customerId: order.customerId as string,
          amount: t.amount,
          idempotencyKey: key,
          reference: tender.reference as string,
        });
        await record(ports, t.id, { status: 'succeeded', reference: key });
      } else if (t.type === 'void') {
        const payment = await ports.provider.void({
          paymentId: tender.reference as string,
          idempotencyKey: key,
        });
        await record(ports, t.id, { status: 'succeeded', reference: payment.id });
      } else if (tender.status === 'authorized') {
        // Nothing moves yet: the capture at shipping takes this much less.
        await record(ports, t.id, { status: 'succeeded', reference: tender.reference });
      } else {
        const refund = await ports.provider.refund({
          paymentId: tender.reference as string,
          amount: t.amount.amount,
          idempotencyKey: key,
        });
        await record(ports, t.id, {
          status: refund.status === 'failed' ? 'failed' : 'succeeded',
          reference: refund.id,
        });
      }
    } catch {
      // The refund stays in the history as failed, with its key: a retry cannot pay it twice.
      await record(ports, t.id, { status: 'failed' });
    }
  }
  return issued;
}

/** Captures each card authorization for what is still owed on it. */
export async function captureAuthorized(ports: MoneyPorts, order: Order): Promise<void> {
  for (const tender of order.transactions) {
    if (tender.type !== 'payment' || tender.status !== 'authorized' || tender.reference === null) continue;
    const amount = tender.amount.amount - tender.refunded.amount;
    if (amount <= 0) continue;
    const key = `order:${order.id}:capture:${tender.id}`;
    await ports.provider.capture({ paymentId: tender.reference, amount, idempotencyKey: key });
    await record(ports, tender.id, { status: 'captured' });
    await ports.store.db
      .insertInto('order_transactions')
      .values({
        id: `${tender.id}_capture`,
        order_id: order.id,
        type: 'capture',
        method: tender.method,
        provider: tender.provider,
        reference: tender.reference,
        label: tender.label,
        amount,
        refunded: 0,
        status: 'succeeded',
        tender_id: tender.id,
        operation_id: null,
        idempotency_key: key,
        created_at: ports.clock.now(),
        updated_at: ports.clock.now(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}
