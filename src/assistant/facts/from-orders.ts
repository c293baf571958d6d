import type { Order } from '../../orders/index.js';
import type { OrderFact } from './types.js';

/**
 * An order as a shopper may hear about it: number, status, totals, the refunds issued and those
 * an open return or exchange has promised on receipt (what a return preview tells the shopper).
 */
export function factsFromOrder(order: Order): OrderFact {
  return {
    kind: 'order',
    orderId: order.id,
    number: order.number,
    status: order.status,
    subtotal: order.totals.subtotal,
    discount: order.totals.discount,
    shipping: order.totals.shipping,
    tax: order.totals.tax,
    total: order.totals.total,
    refunds: [
      ...order.transactions.filter((t) => t.type === 'refund').map((t) => t.amount),
      ...order.requests.filter((r) => r.status === 'requested' && r.refund.amount > 0).map((r) => r.refund),
    ],
    items: order.lines.map((line) => line.title),
  };
}
