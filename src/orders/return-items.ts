/**
 * Returns: a shopper asks to return delivered units within the policy window; the refund is
 * planned then and issued when the merchant receives the parcel, and the units go back to stock.
 */
import { evaluateReturnPolicy } from '../rules/index.js';
import {
  assertTransition,
  DEFAULT_RETURN_POLICY,
  requireLine,
  requireQuantity,
  requireRefundDestination,
  returnableUnits,
} from './action-checks.js';
import { OrderConflictError, OrderInputError } from './errors.js';
import type { OrderAction } from './order-action.js';
import type { PolicySet } from './policy-types.js';
import { refundableTotal, settledUnits, unitsShare } from './refund-arithmetic.js';
import type { Order, OrderRequest, RefundDestination, RequestLine } from './types.js';

export interface ReturnInput {
  readonly lines: readonly { readonly lineId: string; readonly quantity: number }[];
  readonly refundTo?: RefundDestination;
  readonly reason?: string;
}

/** Refuses lines outside the return window or final sale, and over-returns; returns the allowed refund methods. */
export function checkReturnable(
  order: Order,
  lines: readonly RequestLine[],
  policies: PolicySet,
  now: number,
): Set<RefundDestination> {
  const seen = new Map<string, number>();
  for (const requested of lines) {
    requireQuantity(requested.quantity);
    const line = requireLine(order, requested.lineId);
    const total = (seen.get(line.id) ?? 0) + requested.quantity;
    seen.set(line.id, total);
    if (total > returnableUnits(line)) {
      throw new OrderConflictError(
        'quantity_exceeds_delivered',
        `only ${returnableUnits(line)} units of this line can be returned`,
        {
          lineId: line.id,
          delivered: line.quantities.delivered,
          alreadyReturned: line.quantities.returned + line.quantities.exchanged + line.quantities.requested,
          requested: total,
        },
      );
    }
  }
  const decisions = evaluateReturnPolicy(
    {
      now,
      orderedAt: order.placedAt,
      deliveredAt: order.fulfilment.deliveredAt,
      customerTier: order.customerTier,
      timeZone: policies.shipping?.timeZone ?? 'UTC',
      lines: [...seen.keys()].map((id) => {
        const line = requireLine(order, id);
        return { id, categoryPath: line.categoryPath, tags: line.tags };
      }),
    },
    policies.returns ?? DEFAULT_RETURN_POLICY,
  );
  let methods: Set<RefundDestination> | undefined;
  for (const decision of decisions) {
    if (!decision.eligible) {
      const code = decision.code === 'final_sale' ? 'final_sale' : 'outside_return_window';
      throw new OrderConflictError(code, decision.message.en, {
        lineId: decision.lineId,
        lastDay: decision.lastDay,
      });
    }
    const allowed = new Set(decision.refundMethods);
    methods = methods === undefined ? allowed : new Set([...methods].filter((m) => allowed.has(m)));
  }
  return methods ?? new Set();
}

/** What the requested units were paid, each line's units taken after those already settled. */
export function refundForLines(order: Order, lines: readonly RequestLine[]): number {
  const taken = new Map<string, number>();
  let refund = 0;
  for (const requested of lines) {
    const line = requireLine(order, requested.lineId);
    const from = settledUnits(line) + line.quantities.requested + (taken.get(line.id) ?? 0);
    refund += unitsShare(line, order.taxIncluded, from, requested.quantity);
    taken.set(line.id, (taken.get(line.id) ?? 0) + requested.quantity);
  }
  return Math.min(refund, refundableTotal(order.transactions));
}

export const requestReturn: OrderAction<ReturnInput, { request: Omit<OrderRequest, 'id'> }> = {
  async validate(order, input, deps, now) {
    const policies = deps.policies();
    assertTransition(order, 'return', input.reason, policies);
    if (input.lines.length === 0)
      throw new OrderInputError('invalid_quantity', 'a return needs at least one line');
    const methods = checkReturnable(order, input.lines, policies, now);
    const refundTo = input.refundTo ?? 'original';
    if (!methods.has(refundTo)) {
      throw new OrderInputError(
        'refund_method_not_allowed',
        `these items can be refunded only as: ${[...methods].join(', ')}`,
        {
          allowed: [...methods],
        },
      );
    }
    requireRefundDestination(order, refundTo);
    const refund = refundForLines(order, input.lines);
    return {
      request: {
        kind: 'return',
        status: 'requested',
        reason: input.reason ?? null,
        lines: input.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
        refund: { amount: refund, currency: order.currency },
        charge: { amount: 0, currency: order.currency },
        refundDestination: refundTo,
        reservationId: null,
        createdAt: now,
      },
    };
  },
  apply(draft, { request }) {
    const id = draft.newId('ret');
    draft.addRequest({ ...request, id });
    for (const line of request.lines) {
      draft.updateLine(line.lineId, (l) => ({
        ...l,
        quantities: { ...l.quantities, requested: l.quantities.requested + line.quantity },
      }));
    }
    draft.setStatus('return_requested');
    draft.event('return-requested', request.reason, {
      returnId: id,
      lines: request.lines,
      refund: request.refund,
      refundTo: request.refundDestination,
    });
  },
};

/** Back to delivered while units remain that could still be returned; returned once none do. */
export function statusAfterSettlement(order: Order): Order['status'] {
  if (order.requests.some((r) => r.status === 'requested')) return order.status;
  const anyKept = order.lines.some((line) => line.quantities.delivered - line.quantities.returned > 0);
  return anyKept ? 'delivered' : 'returned';
}

export const receiveReturn: OrderAction<{ returnId: string }, { request: OrderRequest }> = {
  async validate(order, input) {
    const request = order.requests.find((r) => r.id === input.returnId && r.kind === 'return');
    if (request === undefined)
      throw new OrderInputError('unknown_line', `order ${order.number} has no return ${input.returnId}`);
    if (request.status !== 'requested')
      throw new OrderConflictError('request_not_open', 'this return was already received');
    return { request };
  },
  apply(draft, { request }) {
    for (const line of request.lines) {
      draft.updateLine(line.lineId, (l) => ({
        ...l,
        quantities: {
          ...l.quantities,
          requested: l.quantities.requested - line.quantity,
          returned: l.quantities.returned + line.quantity,
        },
      }));
      const variantId = draft.line(line.lineId)?.variantId as string;
      draft.moveStock({ type: 'restock', variantId, quantity: line.quantity });
    }
    draft.updateRequest(request.id, (r) => ({ ...r, status: 'completed' }));
    draft.refund(
      Math.min(request.refund.amount, refundableTotal(draft.order.transactions)),
      request.refundDestination,
    );
    draft.patch({ status: 'delivered' });
    draft.setStatus(statusAfterSettlement(draft.order));
    draft.event('return-received', null, {
      returnId: request.id,
      refund: request.refund,
      refundTo: request.refundDestination,
    });
  },
};
