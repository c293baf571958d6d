/**
 * Changing an order before it ships: swap units for other variants of the same product (the
 * difference charged to or refunded to a chosen method), change the shipping address, or pay
 * with another card (the new card authorized before the old authorization is voided).
 */
import {
  assertTransition,
  checkChargeSource,
  type Replacement,
  requireLine,
  requireQuantity,
  requireRefundDestination,
  requireSameProduct,
} from './action-checks.js';
import type { ChargeSource } from './change-plan.js';
import { OrderConflictError, OrderInputError } from './errors.js';
import type { OrderAction } from './order-action.js';
import { outstanding } from './refund-arithmetic.js';
import { replacementLine } from './replacement-line.js';
import type { Order, OrderLine, OrderTransaction, PostalAddress, RefundDestination } from './types.js';

export interface SwapInput {
  readonly lineId: string;
  readonly variantId: string;
  /** Default: every open unit of the line. */
  readonly quantity?: number;
}

export interface ModifyInput {
  readonly swaps?: readonly SwapInput[];
  readonly shippingAddress?: PostalAddress;
  /** A new card token to pay with instead of the current card authorization. */
  readonly paymentToken?: string;
  /** Pays a price increase. */
  readonly payWith?: ChargeSource;
  /** Where a price decrease goes; default the original method. */
  readonly refundTo?: RefundDestination;
  readonly reason?: string;
}

interface PlannedSwap {
  readonly old: OrderLine;
  readonly line: OrderLine;
  readonly quantity: number;
  readonly difference: number;
}

interface CheckedModify {
  readonly swaps: readonly PlannedSwap[];
  readonly difference: number;
  readonly charge: { source: ChargeSource; label: string } | null;
  readonly refundTo: RefundDestination;
  readonly shippingAddress: PostalAddress | undefined;
  readonly replacedCards: readonly OrderTransaction[];
  readonly paymentToken: string | undefined;
  readonly reason: string | null;
}

function openUnits(line: OrderLine): number {
  return line.quantities.ordered - line.quantities.cancelled;
}

export const modifyOrder: OrderAction<ModifyInput, CheckedModify> = {
  async validate(order: Order, input, deps, now) {
    assertTransition(order, 'modify', input.reason, deps.policies());
    const swapsInput = input.swaps ?? [];
    if (swapsInput.length === 0 && input.shippingAddress === undefined && input.paymentToken === undefined) {
      throw new OrderInputError(
        'nothing_to_change',
        'a change needs swaps, a shipping address or a payment method',
      );
    }
    const pairs = swapsInput.map((swap) => {
      const line = requireLine(order, swap.lineId);
      const quantity = swap.quantity ?? openUnits(line);
      requireQuantity(quantity);
      if (quantity > openUnits(line)) {
        throw new OrderConflictError(
          'quantity_exceeds_open',
          `line ${line.id} has ${openUnits(line)} open units`,
          {
            lineId: line.id,
            open: openUnits(line),
            requested: quantity,
          },
        );
      }
      return { line, variantId: swap.variantId, quantity };
    });
    const replacements: Replacement[] = await requireSameProduct(deps.catalog, pairs);
    const swaps = pairs.map((pair, index) => {
      const replacement = replacements[index] as Replacement;
      const { line, difference } = replacementLine(
        pair.line,
        replacement,
        pair.quantity,
        order.taxIncluded,
        `line_${now}_${index}`,
      );
      return { old: pair.line, line, quantity: pair.quantity, difference };
    });
    const difference = swaps.reduce((sum, swap) => sum + swap.difference, 0);
    const replacedCards =
      input.paymentToken === undefined
        ? []
        : order.transactions.filter(
            (t) =>
              t.type === 'payment' && (t.method === 'card' || t.method === 'wallet') && outstanding(t) > 0,
          );
    if (replacedCards.some((t) => t.status !== 'authorized')) {
      throw new OrderConflictError(
        'payment_already_captured',
        'the card was already charged; it can no longer be replaced',
      );
    }
    const refundTo = input.refundTo ?? 'original';
    if (difference < 0) requireRefundDestination(order, refundTo);
    const charge = difference > 0 ? await checkChargeSource(deps, order, input.payWith, difference) : null;
    return {
      swaps,
      difference,
      charge,
      refundTo,
      shippingAddress: input.shippingAddress,
      replacedCards,
      paymentToken: input.paymentToken,
      reason: input.reason ?? null,
    };
  },

  apply(draft, checked) {
    for (const swap of checked.swaps) {
      const line = { ...swap.line, id: draft.newId('line') };
      draft.updateLine(swap.old.id, (l) => ({
        ...l,
        quantities: { ...l.quantities, cancelled: l.quantities.cancelled + swap.quantity },
      }));
      draft.addLine(line);
      draft.moveStock({ type: 'hold', variantId: line.variantId, quantity: swap.quantity });
      if (draft.order.reservationId === null)
        draft.moveStock({ type: 'restock', variantId: swap.old.variantId, quantity: swap.quantity });
      draft.event('line-swapped', checked.reason, {
        lineId: swap.old.id,
        newLineId: line.id,
        variantId: line.variantId,
        quantity: swap.quantity,
        difference: swap.difference,
      });
    }
    if (checked.charge !== null)
      draft.charge(checked.charge.source, checked.difference, checked.charge.label, false);
    if (checked.difference < 0) draft.refund(-checked.difference, checked.refundTo);
    if (checked.shippingAddress !== undefined) {
      draft.patch({ shippingAddress: checked.shippingAddress });
      draft.event('shipping-address-changed', checked.reason, { address: checked.shippingAddress });
    }
    if (checked.paymentToken !== undefined) {
      const amount = checked.replacedCards.reduce((sum, t) => sum + outstanding(t), 0);
      for (const card of checked.replacedCards) draft.dropAuthorization(card);
      draft.charge({ type: 'card', token: checked.paymentToken }, amount, 'Card', false);
      draft.event('payment-method-changed', checked.reason, { amount });
    }
  },
};
