/**
 * Exchanges: delivered units swapped for other variants of the same product. At the request
 * the replacement stock is held and a price increase is collected (the shopper pays before we
 * send more); when the merchant processes the exchange, the hold becomes a sale, the returned
 * units go back to stock, and a price decrease is refunded.
 */
import {
  assertTransition,
  checkChargeSource,
  requireLine,
  requireRefundDestination,
  requireSameProduct,
} from './action-checks.js';
import type { ChargeSource } from './change-plan.js';
import { OrderConflictError, OrderInputError } from './errors.js';
import type { OrderAction } from './order-action.js';
import { refundableTotal, settledUnits } from './refund-arithmetic.js';
import { replacementLine } from './replacement-line.js';
import { checkReturnable, statusAfterSettlement } from './return-items.js';
import type { OrderLine, OrderRequest, RefundDestination } from './types.js';

export interface ExchangeInput {
  readonly lines: readonly {
    readonly lineId: string;
    readonly quantity: number;
    readonly variantId: string;
  }[];
  readonly reason?: string;
  readonly payWith?: ChargeSource;
  readonly refundTo?: RefundDestination;
}

interface CheckedExchange {
  readonly request: Omit<OrderRequest, 'id'>;
  readonly difference: number;
  readonly charge: { source: ChargeSource; label: string } | null;
}

export const requestExchange: OrderAction<ExchangeInput, CheckedExchange> = {
  async validate(order, input, deps, now) {
    const policies = deps.policies();
    assertTransition(order, 'exchange', input.reason, policies);
    if (input.lines.length === 0)
      throw new OrderInputError('invalid_quantity', 'an exchange needs at least one line');
    checkReturnable(order, input.lines, policies, now);
    const pairs = input.lines.map((line) => ({
      line: requireLine(order, line.lineId),
      variantId: line.variantId,
    }));
    const replacements = await requireSameProduct(deps.catalog, pairs);
    const taken = new Map<string, number>();
    let difference = 0;
    input.lines.forEach((requested, index) => {
      const line = requireLine(order, requested.lineId);
      const from = settledUnits(line) + line.quantities.requested + (taken.get(line.id) ?? 0);
      taken.set(line.id, (taken.get(line.id) ?? 0) + requested.quantity);
      const priced = replacementLine(
        line,
        replacements[index] as never,
        requested.quantity,
        order.taxIncluded,
        'priced',
        from,
      );
      difference += priced.difference;
    });
    const refundTo = input.refundTo ?? 'original';
    if (difference < 0) requireRefundDestination(order, refundTo);
    const charge = difference > 0 ? await checkChargeSource(deps, order, input.payWith, difference) : null;
    const refund = difference < 0 ? Math.min(-difference, refundableTotal(order.transactions)) : 0;
    return {
      difference,
      charge,
      request: {
        kind: 'exchange',
        status: 'requested',
        reason: input.reason ?? null,
        lines: input.lines.map((line) => ({
          lineId: line.lineId,
          quantity: line.quantity,
          variantId: line.variantId,
        })),
        refund: { amount: refund, currency: order.currency },
        charge: { amount: Math.max(0, difference), currency: order.currency },
        refundDestination: refundTo,
        reservationId: null,
        createdAt: now,
      },
    };
  },
  apply(draft, { request, charge, difference }) {
    const id = draft.newId('exc');
    draft.addRequest({ ...request, id });
    for (const line of request.lines) {
      draft.updateLine(line.lineId, (l) => ({
        ...l,
        quantities: { ...l.quantities, requested: l.quantities.requested + line.quantity },
      }));
      draft.moveStock({ type: 'hold', variantId: line.variantId as string, quantity: line.quantity });
    }
    if (charge !== null) draft.charge(charge.source, difference, charge.label, true);
    draft.setStatus('exchange_requested');
    draft.event('exchange-requested', request.reason, { exchangeId: id, lines: request.lines, difference });
  },
};

export interface ProcessExchangeChecked {
  readonly request: OrderRequest;
  readonly newLines: readonly OrderLine[];
}

export const processExchange: OrderAction<{ exchangeId: string }, ProcessExchangeChecked> = {
  async validate(order, input, deps) {
    const request = order.requests.find((r) => r.id === input.exchangeId && r.kind === 'exchange');
    if (request === undefined)
      throw new OrderInputError('unknown_line', `order ${order.number} has no exchange ${input.exchangeId}`);
    if (request.status !== 'requested')
      throw new OrderConflictError('request_not_open', 'this exchange was already processed');
    const pairs = request.lines.map((line) => ({
      line: requireLine(order, line.lineId),
      variantId: line.variantId as string,
    }));
    const replacements = await requireSameProduct(deps.catalog, pairs);
    const taken = new Map<string, number>();
    const newLines = request.lines.map((requested, index) => {
      const line = requireLine(order, requested.lineId);
      const from = settledUnits(line) + (taken.get(line.id) ?? 0);
      taken.set(line.id, (taken.get(line.id) ?? 0) + requested.quantity);
      const { line: replacement } = replacementLine(
        line,
        replacements[index] as never,
        requested.quantity,
        order.taxIncluded,
        'new',
        from,
      );
      const q = requested.quantity;
      // The replacement leaves with this step: the merchant processes an exchange when sending it.
      return { ...replacement, quantities: { ...replacement.quantities, fulfilled: q, delivered: q } };
    });
    return { request, newLines };
  },
  apply(draft, { request, newLines }) {
    request.lines.forEach((requested, index) => {
      draft.updateLine(requested.lineId, (l) => ({
        ...l,
        quantities: {
          ...l.quantities,
          requested: l.quantities.requested - requested.quantity,
          exchanged: l.quantities.exchanged + requested.quantity,
        },
      }));
      const old = draft.line(requested.lineId) as OrderLine;
      draft.moveStock({ type: 'restock', variantId: old.variantId, quantity: requested.quantity });
      draft.addLine({ ...(newLines[index] as OrderLine), id: draft.newId('line') });
    });
    if (request.reservationId !== null)
      draft.moveStock({ type: 'commit', reservationId: request.reservationId });
    draft.updateRequest(request.id, (r) => ({ ...r, status: 'completed' }));
    draft.refund(
      Math.min(request.refund.amount, refundableTotal(draft.order.transactions)),
      request.refundDestination,
    );
    draft.patch({ status: 'delivered' });
    const status = statusAfterSettlement(draft.order);
    draft.setStatus(status === 'delivered' ? 'exchanged' : status);
    draft.event('exchange-processed', null, { exchangeId: request.id, refund: request.refund });
  },
};
