/** A checkout's or an import's order as first stored, and the merchant's next order number. */
import { newId } from '../core/index.js';
import type { Executor } from '../store/index.js';
import { OrderInputError } from './errors.js';
import type { NewOrder, Order } from './types.js';

const SEQUENCE = 'orders';
/** The first generated number is A1001. */
const FIRST_NUMBER = 1001;

/** Increments the one counter row: a single conditional statement, so two checkouts never share a number. */
export async function nextOrderNumber(trx: Executor): Promise<string> {
  await trx
    .insertInto('order_number_sequence')
    .values({ name: SEQUENCE, value: FIRST_NUMBER - 1 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await trx
    .updateTable('order_number_sequence')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', SEQUENCE)
    .returning('value')
    .executeTakeFirstOrThrow();
  return `A${Number(row.value)}`;
}

export function newOrderFrom(input: NewOrder, number: string, now: number): Order {
  const currency = input.currency;
  if (input.lines.some((line) => line.unitPrice.currency !== currency || line.total.currency !== currency)) {
    throw new OrderInputError('invalid_order', `every line of the order must be in ${currency}`);
  }
  const merchandise = input.lines.reduce((sum, line) => sum + line.total.amount, 0);
  const shippingNet = input.shipping.fee.amount - input.shipping.discount.amount;
  // When the total is just merchandise plus shipping, prices already held the tax.
  const taxIncluded = input.totals.total.amount === merchandise + shippingNet;
  const placedAt = input.placedAt ?? now;
  const id = newId('ord', now);
  const status = input.status ?? 'pending';
  const delivered = status === 'delivered';
  const shipped = delivered || status === 'shipped';
  return {
    id,
    number,
    checkoutId: input.checkoutId,
    customerId: input.customerId,
    customerTier: input.customerTier ?? null,
    email: input.email.trim().toLowerCase(),
    currency,
    status,
    channel: input.channel,
    lines: input.lines.map((line) => ({
      id: newId('line', now),
      variantId: line.variantId,
      productId: line.productId,
      sku: line.sku,
      title: line.title,
      optionValues: line.optionValues,
      unitPrice: line.unitPrice,
      discounts: line.discounts,
      total: line.total,
      tax: line.tax,
      categoryPath: line.categoryPath,
      tags: line.tags ?? [],
      quantities: {
        ordered: line.quantity,
        cancelled: status === 'cancelled' ? line.quantity : 0,
        fulfilled: shipped ? line.quantity : 0,
        delivered: delivered ? line.quantity : 0,
        returned: 0,
        exchanged: 0,
        requested: 0,
      },
      replaces: null,
    })),
    shippingAddress: input.shippingAddress,
    billingAddress: input.billingAddress ?? null,
    shipping: input.shipping,
    totals: input.totals,
    promotions: input.promotions,
    taxIncluded,
    fulfilment: {
      carrier: null,
      trackingNumber: null,
      processedAt: null,
      shippedAt: shipped ? placedAt : null,
      deliveredAt: delivered ? placedAt : null,
    },
    transactions: input.payments.map((payment) => ({
      id: newId('otx', now),
      type: 'payment',
      method: payment.kind,
      provider: payment.provider,
      reference: payment.reference,
      label: payment.label,
      amount: payment.amount,
      refunded: { amount: 0, currency },
      status: payment.status,
      tenderId: null,
      operationId: null,
      createdAt: placedAt,
    })),
    requests: [],
    timeline: [
      {
        id: newId('oev', now),
        sequence: 1,
        type: 'order-placed',
        actor: input.checkoutId === null ? 'import' : 'checkout',
        reason: null,
        data: { number, total: input.totals.total, checkoutId: input.checkoutId },
        createdAt: placedAt,
      },
    ],
    reservationId: input.reservationId ?? null,
    version: 1,
    placedAt,
    updatedAt: now,
  };
}
