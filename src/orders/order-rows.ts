/**
 * Orders to and from their rows. A change is planned on an `Order` value and written back as
 * the difference from the order it was planned on, under a version check, so two changes
 * planned on the same version cannot both commit.
 */
import type { Executor, Tx } from '../store/index.js';
import type {
  OrderEventsTable,
  OrderLinesTable,
  OrderRequestsTable,
  OrdersTable,
  OrderTransactionsTable,
} from '../store/schema/orders.js';
import { OrderConflictError } from './errors.js';
import type { Order, OrderEvent, OrderLine, OrderRequest, OrderStatus, OrderTransaction } from './types.js';

function lineFromRow(row: OrderLinesTable, currency: string): OrderLine {
  return {
    id: row.id,
    variantId: row.variant_id,
    productId: row.product_id,
    sku: row.sku,
    title: row.title,
    optionValues: JSON.parse(row.option_values) as string[],
    unitPrice: { amount: row.unit_price, currency },
    discounts: JSON.parse(row.discounts) as OrderLine['discounts'],
    total: { amount: row.total, currency },
    tax: { amount: row.tax, currency },
    categoryPath: JSON.parse(row.category_path) as string[],
    tags: JSON.parse(row.tags) as string[],
    quantities: {
      ordered: row.ordered,
      cancelled: row.cancelled,
      fulfilled: row.fulfilled,
      delivered: row.delivered,
      returned: row.returned,
      exchanged: row.exchanged,
      requested: row.requested,
    },
    replaces: row.replaces,
  };
}

function lineToRow(line: OrderLine, orderId: string, position: number): OrderLinesTable {
  const q = line.quantities;
  return {
    id: line.id,
    order_id: orderId,
    position,
    variant_id: line.variantId,
    product_id: line.productId,
    sku: line.sku,
    title: line.title,
    option_values: JSON.stringify(line.optionValues),
    unit_price: line.unitPrice.amount,
    discounts: JSON.stringify(line.discounts),
    total: line.total.amount,
    tax: line.tax.amount,
    category_path: JSON.stringify(line.categoryPath),
    tags: JSON.stringify(line.tags),
    ordered: q.ordered,
    cancelled: q.cancelled,
    fulfilled: q.fulfilled,
    delivered: q.delivered,
    returned: q.returned,
    exchanged: q.exchanged,
    requested: q.requested,
    replaces: line.replaces,
  };
}

function transactionFromRow(row: OrderTransactionsTable, currency: string): OrderTransaction {
  return {
    id: row.id,
    type: row.type,
    method: row.method,
    provider: row.provider,
    reference: row.reference,
    label: row.label,
    amount: { amount: row.amount, currency },
    refunded: { amount: row.refunded, currency },
    status: row.status as OrderTransaction['status'],
    tenderId: row.tender_id,
    operationId: row.operation_id,
    createdAt: row.created_at,
  };
}

function transactionToRow(t: OrderTransaction, orderId: string, now: number): OrderTransactionsTable {
  return {
    id: t.id,
    order_id: orderId,
    type: t.type,
    method: t.method,
    provider: t.provider,
    reference: t.reference,
    label: t.label,
    amount: t.amount.amount,
    refunded: t.refunded.amount,
    status: t.status,
    tender_id: t.tenderId,
    operation_id: t.operationId,
    idempotency_key: t.operationId === null ? null : `${orderId}:${t.operationId}:${t.id}`,
    created_at: t.createdAt,
    updated_at: now,
  };
}

function eventToRow(event: OrderEvent, orderId: string): OrderEventsTable {
  return {
    id: event.id,
    order_id: orderId,
    sequence: event.sequence,
    type: event.type,
    actor: event.actor,
    reason: event.reason,
    data: JSON.stringify(event.data),
    created_at: event.createdAt,
  };
}

function requestToRow(request: OrderRequest, orderId: string, now: number): OrderRequestsTable {
  const { id, kind, status, createdAt, ...data } = request;
  return {
    id,
    order_id: orderId,
    kind,
    status,
    data: JSON.stringify(data),
    created_at: createdAt,
    updated_at: now,
  };
}

function requestFromRow(row: OrderRequestsTable): OrderRequest {
  const data = JSON.parse(row.data) as Omit<OrderRequest, 'id' | 'kind' | 'status' | 'createdAt'>;
  return { ...data, id: row.id, kind: row.kind, status: row.status, createdAt: row.created_at };
}

function orderToRow(order: Order): OrdersTable {
  return {
    id: order.id,
    number: order.number,
    checkout_id: order.checkoutId,
    customer_id: order.customerId,
    customer_tier: order.customerTier,
    email: order.email,
    currency: order.currency,
    status: order.status,
    channel: order.channel,
    shipping_address: order.shippingAddress === null ? null : JSON.stringify(order.shippingAddress),
    billing_address: order.billingAddress === null ? null : JSON.stringify(order.billingAddress),
    shipping: JSON.stringify(order.shipping),
    totals: JSON.stringify(order.totals),
    promotions: JSON.stringify(order.promotions),
    fulfilment: JSON.stringify(order.fulfilment),
    tax_included: order.taxIncluded ? 1 : 0,
    reservation_id: order.reservationId,
    version: order.version,
    placed_at: order.placedAt,
    updated_at: order.updatedAt,
  };
}

export async function readOrder(executor: Executor, id: string): Promise<Order | undefined> {
  const row = await executor.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  const [lines, transactions, requests, events] = await Promise.all([
    executor.selectFrom('order_lines').selectAll().where('order_id', '=', id).orderBy('position').execute(),
    executor
      .selectFrom('order_transactions')
      .selectAll()
      .where('order_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    executor
      .selectFrom('order_requests')
      .selectAll()
      .where('order_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    executor.selectFrom('order_events').selectAll().where('order_id', '=', id).orderBy('sequence').execute(),
  ]);
  const currency = row.currency;
  return {
    id: row.id,
    number: row.number,
    checkoutId: row.checkout_id,
    customerId: row.customer_id,
    customerTier: row.customer_tier,
    email: row.email,
    currency,
    status: row.status as OrderStatus,
    channel: row.channel,
    lines: lines.map((line) => lineFromRow(line, currency)),
    shippingAddress: row.shipping_address === null ? null : JSON.parse(row.shipping_address),
    billingAddress: row.billing_address === null ? null : JSON.parse(row.billing_address),
    shipping: JSON.parse(row.shipping),
    totals: JSON.parse(row.totals),
    promotions: JSON.parse(row.promotions),
    taxIncluded: row.tax_included === 1,
    fulfilment: JSON.parse(row.fulfilment),
    transactions: transactions.map((t) => transactionFromRow(t, currency)),
    requests: requests.map(requestFromRow),
    timeline: events.map((event) => ({
      id: event.id,
      sequence: event.sequence,
      type: event.type,
      actor: event.actor,
      reason: event.reason,
      data: JSON.parse(event.data) as Record<string, unknown>,
      createdAt: event.created_at,
    })),
    reservationId: row.reservation_id,
    version: row.version,
    placedAt: row.placed_at,
    updatedAt: row.updated_at,
  };
}

export async function insertOrder(trx: Executor, order: Order): Promise<void> {
  await trx.insertInto('orders').values(orderToRow(order)).execute();
  if (order.lines.length > 0) {
    await trx
      .insertInto('order_lines')
      .values(order.lines.map((line, position) => lineToRow(line, order.id, position)))
      .execute();
  }
  await writeChildren(trx, undefined, order);
}

async function writeChildren(trx: Executor, before: Order | undefined, after: Order): Promise<void> {
  const knownTransactions = new Map((before?.transactions ?? []).map((t) => [t.id, t]));
  const newTransactions = after.transactions.filter((t) => !knownTransactions.has(t.id));
  if (newTransactions.length > 0) {
    await trx
      .insertInto('order_transactions')
      .values(newTransactions.map((t) => transactionToRow(t, after.id, after.updatedAt)))
      .execute();
  }
  for (const t of after.transactions) {
    const previous = knownTransactions.get(t.id);
    if (previous === undefined || JSON.stringify(previous) === JSON.stringify(t)) continue;
    await trx
      .updateTable('order_transactions')
      .set({
        status: t.status,
        refunded: t.refunded.amount,
        reference: t.reference,
        label: t.label,
        updated_at: after.updatedAt,
      })
      .where('id', '=', t.id)
      .execute();
  }
  const knownEvents = new Set((before?.timeline ?? []).map((event) => event.id));
  const newEvents = after.timeline.filter((event) => !knownEvents.has(event.id));
  if (newEvents.length > 0) {
    await trx
      .insertInto('order_events')
      .values(newEvents.map((event) => eventToRow(event, after.id)))
      .execute();
  }
  const knownRequests = new Map((before?.requests ?? []).map((request) => [request.id, request]));
  for (const request of after.requests) {
    const previous = knownRequests.get(request.id);
    const row = requestToRow(request, after.id, after.updatedAt);
    if (previous === undefined) await trx.insertInto('order_requests').values(row).execute();
    else if (JSON.stringify(previous) !== JSON.stringify(request)) {
      await trx
        .updateTable('order_requests')
        .set({ status: row.status, data: row.data, updated_at: row.updated_at })
        .where('id', '=', request.id)
        .execute();
    }
  }
}

/**
 * Writes `after` over `before`. The UPDATE matches only the version `before` was read at: when
 * another change committed in between, nothing is written and the caller gets `order_changed`.
 */
export async function saveOrderChange(trx: Tx, before: Order, after: Order): Promise<void> {
  const { id, ...row } = orderToRow({ ...after, version: before.version + 1 });
  const updated = await trx
    .updateTable('orders')
    .set(row)
    .where('id', '=', id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new OrderConflictError(
      'order_changed',
      'the order changed while this change was being made; try again',
      {
        orderId: id,
      },
    );
  }
  const knownLines = new Map(before.lines.map((line) => [line.id, line]));
  for (const [position, line] of after.lines.entries()) {
    const previous = knownLines.get(line.id);
    if (previous === undefined) {
      await trx
        .insertInto('order_lines')
        .values(lineToRow(line, id, position))
        .execute();
    } else if (JSON.stringify(previous) !== JSON.stringify(line)) {
      const { id: lineId, order_id: _orderId, ...values } = lineToRow(line, id, position);
      await trx.updateTable('order_lines').set(values).where('id', '=', lineId).execute();
    }
  }
  await writeChildren(trx, before, after);
}
