/**
 * Cancelling an order that has not shipped: every open unit is cancelled, every payment goes
 * back in full (authorizations voided, captures refunded), and the stock comes back.
 */
import { assertTransition } from './action-checks.js';
import { OrderConflictError } from './errors.js';
import type { OrderAction } from './order-action.js';
import { refundableTotal } from './refund-arithmetic.js';

export interface CancelInput {
  readonly reason?: string;
}

export const cancelOrder: OrderAction<CancelInput, { reason: string | null }> = {
  async validate(order, input, deps) {
    assertTransition(order, 'cancel', input.reason, deps.policies());
    if (order.lines.some((line) => line.quantities.fulfilled > 0)) {
      throw new OrderConflictError('not_cancellable', 'part of this order has already shipped', {
        status: order.status,
      });
    }
    return { reason: input.reason ?? null };
  },
  apply(draft, { reason }) {
    const order = draft.order;
    for (const line of order.lines) {
      const open = line.quantities.ordered - line.quantities.cancelled;
      if (open === 0) continue;
      draft.updateLine(line.id, (l) => ({
        ...l,
        quantities: { ...l.quantities, cancelled: l.quantities.ordered },
      }));
      if (order.reservationId === null || line.replaces !== null) {
        draft.moveStock({ type: 'restock', variantId: line.variantId, quantity: open });
      }
    }
    if (order.reservationId !== null)
      draft.moveStock({ type: 'release', reservationId: order.reservationId });
    draft.refund(refundableTotal(order.transactions), 'original');
    draft.setStatus('cancelled');
    draft.event('order-cancelled', reason, {
      refund: draft.order.transactions.filter((t) => t.type !== 'payment').length,
    });
  },
};
