/**
 * The order service: creates orders inside checkout's transaction, reads them, and runs every
 * change as plan → (charges) → one transaction → (refunds, stock). Payment calls never run while
 * a transaction is open; each carries an idempotency key made of the order id, the operation id
 * and the payment-history entry, so a retry cannot move money twice.
 */
import type { CatalogService } from '../catalog/index.js';
import { type Clock, type Money, NotFoundError, newId, ValidationError } from '../core/index.js';
import type { InventoryService } from '../inventory/index.js';
import type { GiftCards, PaymentProvider, StoreCredit } from '../payments/index.js';
import type { Executor, Store, Tx } from '../store/index.js';
import type { ActionDependencies } from './action-checks.js';
import { type CancelInput, cancelOrder } from './cancel-order.js';
import type { OrderChangeDraft, OrderChangePlan } from './change-plan.js';
import { OrderConflictError, OrderInputError } from './errors.js';
import { type ExchangeInput, processExchange, requestExchange } from './exchange-items.js';
import { type ModifyInput, modifyOrder } from './modify-order.js';
import {
  captureAuthorized,
  executeCharges,
  executeRefunds,
  type MoneyPorts,
  undoCharges,
} from './money-movements.js';
import { newOrderFrom, nextOrderNumber } from './new-order.js';
import type { OrderAction } from './order-action.js';
import { OrderDraft } from './order-draft.js';
import { insertOrder, readOrder, saveOrderChange } from './order-rows.js';
import type { PolicySet } from './policy-types.js';
import { outstanding } from './refund-arithmetic.js';
import { type ReturnInput, receiveReturn, requestReturn } from './return-items.js';
import type { NewOrder, Order } from './types.js';

export interface OrderServiceOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly catalog: Pick<CatalogService, 'findVariants'>;
  readonly inventory: Pick<
    InventoryService,
    'adjust' | 'defaultLocation' | 'reserve' | 'release' | 'commit' | 'getReservation'
  >;
  readonly payments: { provider: PaymentProvider; giftCards: GiftCards; storeCredit: StoreCredit };
  readonly policies: () => PolicySet;
  readonly promotionUsage?: { revert(trx: Tx, orderId: string): Promise<void> };
}

export interface ChangeOptions {
  /** Who asks: 'customer', 'admin', 'assistant'. */
  readonly actor?: string;
  /** Makes a confirm retry-safe: the same operation id never charges or refunds twice. */
  readonly operationId?: string;
}

export interface ChangeResult {
  readonly plan: OrderChangePlan;
  readonly order: Order;
  /** Codes of gift cards issued as refunds; shown once, never stored. */
  readonly issuedGiftCards: readonly { code: string; amount: { amount: number; currency: string } }[];
}

export interface OrderOperation<Input> {
  preview(orderId: string, input: Input, options?: ChangeOptions): Promise<OrderChangePlan>;
  confirm(orderId: string, input: Input, options?: ChangeOptions): Promise<ChangeResult>;
}

export interface OrderService {
  create(input: NewOrder, executor?: Executor): Promise<Order>;
  get(id: string): Promise<Order>;
  /** By id or by the merchant's order number. */
  find(idOrNumber: string): Promise<Order | null>;
  findByNumber(number: string): Promise<Order | null>;
  /** The order a checkout created, if it created one. */
  findByCheckout(checkoutId: string): Promise<Order | null>;
  listByCustomer(
    customerId: string,
    page?: { limit?: number; cursor?: string | null },
  ): Promise<{ items: Order[]; nextCursor: string | null }>;
  tracking(id: string): Promise<{
    status: Order['status'];
    carrier: string | null;
    trackingNumber: string | null;
    shippedAt: number | null;
    deliveredAt: number | null;
  }>;
  cancel: OrderOperation<CancelInput>;
  modify: OrderOperation<ModifyInput>;
  requestReturn: OrderOperation<ReturnInput>;
  requestExchange: OrderOperation<ExchangeInput>;
  receiveReturn(orderId: string, returnId: string, options?: ChangeOptions): Promise<ChangeResult>;
  processExchange(orderId: string, exchangeId: string, options?: ChangeOptions): Promise<ChangeResult>;
  markProcessed(orderId: string, options?: ChangeOptions): Promise<Order>;
  markShipped(
    orderId: string,
    shipment: { carrier: string; trackingNumber: string },
    options?: ChangeOptions,
  ): Promise<Order>;
  markDelivered(orderId: string, options?: ChangeOptions): Promise<Order>;
  /**
   * Records that the payment with this provider reference was captured elsewhere (checkout
   * captures right after placing the order), so shipping does not capture it again and a cancel
   * refunds it instead of voiding. Calling it again for a captured payment changes nothing.
   */
  recordCapture(orderId: string, reference: string, amount: Money, options?: ChangeOptions): Promise<Order>;
}

const PAGE_DEFAULT = 20;
const PAGE_MAX = 100;
/** A capture racing another change re-reads the order and tries again this many times. */
const CAPTURE_ATTEMPTS = 5;

export function createOrderService(options: OrderServiceOptions): OrderService {
  const { store, clock, inventory } = options;
  const deps: ActionDependencies = {
    policies: options.policies,
    catalog: options.catalog,
    giftCards: options.payments.giftCards,
    storeCredit: options.payments.storeCredit,
  };
  const ports: MoneyPorts = { ...options.payments, store, clock };

  async function get(id: string): Promise<Order> {
    const order = await readOrder(store.db, id);
    if (order === undefined) throw new NotFoundError('order', id, 'order_not_found');
    return order;
  }

  async function draft<I, C>(
    action: OrderAction<I, C>,
    orderId: string,
    input: I,
    change: ChangeOptions,
    name: OrderChangePlan['action'],
  ): Promise<OrderChangeDraft> {
    const order = await get(orderId);
    const now = clock.now();
    const checked = await action.validate(order, input, deps, now);
    const builder = new OrderDraft(order, {
      now,
      operationId: change.operationId ?? newId('op', now),
      actor: change.actor ?? 'customer',
    });
    action.apply(builder, checked);
    const requestId =
      builder.order.requests.find((r) => !order.requests.some((o) => o.id === r.id))?.id ?? null;
    return builder.build(name, requestId);
  }

  async function confirm(prepared: OrderChangeDraft): Promise<ChangeResult> {
    const { plan } = prepared;
    const holds = plan.stock.filter((move) => move.type === 'hold');
    const reservation =
      holds.length === 0
        ? null
        : await inventory.reserve({
            referenceType: plan.action === 'modify' ? 'order' : 'exchange',
            referenceId: `${plan.orderId}:${plan.operationId}`,
            lines: holds.map((hold) => ({ variantId: hold.variantId, quantity: hold.quantity })),
            ttlSeconds: 30 * 24 * 3600,
          });
    let order = plan.order;
    if (reservation !== null && plan.requestId !== null) {
      order = {
        ...order,
        requests: order.requests.map((r) =>
          r.id === plan.requestId ? { ...r, reservationId: reservation.id } : r,
        ),
      };
    }
    let charged: Order;
    try {
      charged = await executeCharges(ports, order, prepared.chargeSources);
    } catch (error) {
      if (reservation !== null) await inventory.release(reservation.id);
      throw error;
    }
    // Read before the transaction: an embedded database has one connection, held by the transaction.
    const location = plan.stock.some((move) => move.type === 'restock')
      ? await inventory.defaultLocation()
      : null;
    try {
      await store.transaction(async (trx) => {
        await saveOrderChange(trx, prepared.base, charged);
        for (const move of plan.stock) {
          if (move.type !== 'restock' || location === null) continue;
          await inventory.adjust(
            {
              variantId: move.variantId,
              locationId: location.id,
              kind: 'return',
              quantity: move.quantity,
              actor: `order:${plan.orderId}`,
              referenceType: 'order',
              referenceId: plan.orderId,
            },
            trx,
          );
        }
        if (plan.action === 'cancel') await options.promotionUsage?.revert(trx, plan.orderId);
      });
    } catch (error) {
      await undoCharges(ports, charged, prepared.chargeSources);
      if (reservation !== null) await inventory.release(reservation.id);
      throw error;
    }
    if (reservation !== null && plan.action === 'modify') await inventory.commit(reservation.id);
    for (const move of plan.stock) {
      if (move.type === 'commit') await inventory.commit(move.reservationId);
      if (move.type === 'release') await releaseOrRestock(move.reservationId, plan.orderId);
    }
    const issuedGiftCards = await executeRefunds(
      ports,
      await get(plan.orderId),
      plan.operationId,
      prepared.voids,
    );
    return { plan, order: await get(plan.orderId), issuedGiftCards };
  }

  async function releaseOrRestock(reservationId: string, orderId: string): Promise<void> {
    const reservation = await inventory.getReservation(reservationId);
    if (reservation.status === 'active') {
      await inventory.release(reservationId);
      return;
    }
    if (reservation.status !== 'committed') return;
    for (const line of reservation.lines) {
      await inventory.adjust({
        variantId: line.variantId,
        locationId: line.locationId,
        kind: 'return',
        quantity: line.quantity,
        actor: `order:${orderId}`,
        referenceType: 'order',
        referenceId: orderId,
      });
    }
  }

  function operation<I>(
    action: OrderAction<I, never> | OrderAction<I, unknown>,
    name: OrderChangePlan['action'],
  ): OrderOperation<I> {
    const typed = action as OrderAction<I, unknown>;
    return {
      preview: async (orderId, input, change = {}) => (await draft(typed, orderId, input, change, name)).plan,
      confirm: async (orderId, input, change = {}) =>
        confirm(await draft(typed, orderId, input, change, name)),
    };
  }

  async function fulfilment(
    orderId: string,
    from: Order['status'],
    to: Order['status'],
    change: ChangeOptions,
    edit: (draft: OrderDraft) => void,
  ): Promise<Order> {
    const order = await get(orderId);
    if (order.status !== from) {
      throw new OrderConflictError(
        'fulfilment_out_of_order',
        `an order that is ${order.status} cannot become ${to}`,
        { status: order.status, expected: from },
      );
    }
    const builder = new OrderDraft(order, {
      now: clock.now(),
      operationId: change.operationId ?? newId('op', clock.now()),
      actor: change.actor ?? 'admin',
    });
    edit(builder);
    builder.setStatus(to);
    await store.transaction((trx) => saveOrderChange(trx, order, builder.order));
    return get(orderId);
  }

  async function recordCapture(
    orderId: string,
    reference: string,
    amount: Money,
    change: ChangeOptions,
  ): Promise<Order> {
    for (let attempt = 1; ; attempt++) {
      const order = await get(orderId);
      const tender = order.transactions.find((t) => t.type === 'payment' && t.reference === reference);
      if (tender === undefined) throw new NotFoundError('order payment', reference, 'payment_not_found');
      if (tender.status === 'captured') return order;
      if (tender.status !== 'authorized') {
        throw new OrderConflictError(
          'payment_not_capturable',
          `a payment that is ${tender.status} cannot be captured`,
          {
            reference,
            status: tender.status,
          },
        );
      }
      if (amount.currency !== order.currency || amount.amount <= 0 || amount.amount > outstanding(tender)) {
        throw new OrderInputError(
          'invalid_amount',
          'a capture takes between one unit and what is still authorized',
          {
            reference,
            amount,
            authorized: { amount: outstanding(tender), currency: order.currency },
          },
        );
      }
      const builder = new OrderDraft(order, {
        now: clock.now(),
        operationId: change.operationId ?? newId('op', clock.now()),
        actor: change.actor ?? 'checkout',
      });
      builder.recordCapture(tender, amount.amount, reference);
      builder.event('payment-captured', null, { reference, label: tender.label, amount });
      try {
        await store.transaction((trx) => saveOrderChange(trx, order, builder.order));
        return get(orderId);
      } catch (error) {
        const raced = OrderConflictError.isInstance(error) && error.code === 'order_changed';
        if (!raced || attempt >= CAPTURE_ATTEMPTS) throw error;
      }
    }
  }

  async function findOneBy(column: 'number' | 'checkout_id', value: string): Promise<Order | null> {
    const row = await store.db.selectFrom('orders').select('id').where(column, '=', value).executeTakeFirst();
    return row === undefined ? null : ((await readOrder(store.db, row.id)) ?? null);
  }

  return {
    async create(input, executor) {
      const now = clock.now();
      if (input.lines.length === 0)
        throw new OrderInputError('invalid_order', 'an order needs at least one line');
      const run = async (trx: Executor) => {
        if (input.checkoutId !== null) {
          const existing = await trx
            .selectFrom('orders')
            .select('id')
            .where('checkout_id', '=', input.checkoutId)
            .executeTakeFirst();
          if (existing !== undefined) return (await readOrder(trx, existing.id)) as Order;
        }
        if (input.number !== undefined) {
          const taken = await trx
            .selectFrom('orders')
            .select('id')
            .where('number', '=', input.number)
            .executeTakeFirst();
          if (taken !== undefined)
            throw new OrderConflictError(
              'order_number_taken',
              `order number ${input.number} is already used`,
              { number: input.number },
            );
        }
        const number = input.number ?? (await nextOrderNumber(trx));
        const order = newOrderFrom(input, number, now);
        await insertOrder(trx, order);
        return (await readOrder(trx, order.id)) as Order;
      };
      return executor === undefined ? store.transaction(run) : run(executor);
    },
    get,
    async find(idOrNumber) {
      return (await readOrder(store.db, idOrNumber)) ?? (await this.findByNumber(idOrNumber));
    },
    findByNumber: (number) => findOneBy('number', number),
    findByCheckout: (checkoutId) => findOneBy('checkout_id', checkoutId),
    async listByCustomer(customerId, page = {}) {
      const limit = Math.min(Math.max(page.limit ?? PAGE_DEFAULT, 1), PAGE_MAX);
      let query = store.db
        .selectFrom('orders')
        .select(['id', 'placed_at'])
        .where('customer_id', '=', customerId);
      if (page.cursor) {
        const [placedText, id] = Buffer.from(page.cursor, 'base64url').toString('utf8').split('|');
        const placed = Number(placedText);
        if (!Number.isSafeInteger(placed) || id === undefined)
          throw new ValidationError(
            'the page cursor is not one this service issued',
            { cursor: page.cursor },
            'invalid_cursor',
          );
        query = query.where((eb) =>
          eb.or([eb('placed_at', '<', placed), eb.and([eb('placed_at', '=', placed), eb('id', '<', id)])]),
        );
      }
      const rows = await query
        .orderBy('placed_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const items = await Promise.all(
        rows.slice(0, limit).map(async (row) => (await readOrder(store.db, row.id)) as Order),
      );
      const last = rows.length > limit ? rows[limit - 1] : undefined;
      return {
        items,
        nextCursor:
          last === undefined
            ? null
            : Buffer.from(`${last.placed_at}|${last.id}`, 'utf8').toString('base64url'),
      };
    },
    async tracking(id) {
      const order = await get(id);
      const { carrier, trackingNumber, shippedAt, deliveredAt } = order.fulfilment;
      return { status: order.status, carrier, trackingNumber, shippedAt, deliveredAt };
    },
    cancel: operation(cancelOrder, 'cancel'),
    modify: operation(modifyOrder, 'modify'),
    requestReturn: operation(requestReturn, 'return'),
    requestExchange: operation(requestExchange, 'exchange'),
    receiveReturn: async (orderId, returnId, change = {}) =>
      confirm(
        await draft(receiveReturn, orderId, { returnId }, { actor: 'admin', ...change }, 'receive_return'),
      ),
    processExchange: async (orderId, exchangeId, change = {}) =>
      confirm(
        await draft(
          processExchange,
          orderId,
          { exchangeId },
          { actor: 'admin', ...change },
          'process_exchange',
        ),
      ),
    markProcessed: (orderId, change = {}) =>
      fulfilment(orderId, 'pending', 'processed', change, (d) => {
        d.patch({ fulfilment: { ...d.order.fulfilment, processedAt: clock.now() } });
        d.event('order-processed', null);
      }),
    async markShipped(orderId, shipment, change = {}) {
      const order = await fulfilment(orderId, 'processed', 'shipped', change, (d) => {
        d.patch({ fulfilment: { ...d.order.fulfilment, ...shipment, shippedAt: clock.now() } });
        for (const line of d.order.lines) {
          d.updateLine(line.id, (l) => ({
            ...l,
            quantities: { ...l.quantities, fulfilled: l.quantities.ordered - l.quantities.cancelled },
          }));
        }
        d.event('order-shipped', null, { ...shipment });
      });
      // Authorizations are captured when the goods leave, for what is still owed on each.
      await captureAuthorized(ports, order);
      return get(orderId);
    },
    markDelivered: (orderId, change = {}) =>
      fulfilment(orderId, 'shipped', 'delivered', change, (d) => {
        d.patch({ fulfilment: { ...d.order.fulfilment, deliveredAt: clock.now() } });
        for (const line of d.order.lines) {
          d.updateLine(line.id, (l) => ({
            ...l,
            quantities: { ...l.quantities, delivered: l.quantities.fulfilled },
          }));
        }
        d.event('order-delivered', null);
      }),
    recordCapture: (orderId, reference, amount, change = {}) =>
      recordCapture(orderId, reference, amount, change),
  };
}
