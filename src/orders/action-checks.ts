/**
 * Checks shared by the order actions: is the action allowed in this state for this reason, does
 * a line exist, is a replacement a variant of the same product, and can a tender pay.
 */
import type { CatalogService } from '../catalog/index.js';
import type { GiftCards, StoreCredit } from '../payments/index.js';
import { canTransition } from '../rules/index.js';
import type { ChargeSource } from './change-plan.js';
import { type OrderConflictCode, OrderConflictError, OrderInputError } from './errors.js';
import type { PolicyOrderAction as OrderAction, PolicySet, TransitionRule } from './policy-types.js';
import type { Order, OrderLine } from './types.js';

/** Used when the merchant's policy set says nothing about order states. */
export const DEFAULT_TRANSITIONS: readonly TransitionRule[] = [
  { action: 'cancel', states: ['pending'] },
  { action: 'modify', states: ['pending'] },
  { action: 'return', states: ['delivered'] },
  { action: 'exchange', states: ['delivered'] },
];

export const DEFAULT_RETURN_POLICY: NonNullable<PolicySet['returns']> = {
  defaultDays: 30,
  refundMethods: ['original'],
  rules: [],
};

export interface ActionDependencies {
  readonly policies: () => PolicySet;
  readonly catalog: Pick<CatalogService, 'findVariants'>;
  readonly giftCards: Pick<GiftCards, 'balance'>;
  readonly storeCredit: Pick<StoreCredit, 'balance'>;
}

const refusedCodes: Record<OrderAction, OrderConflictCode> = {
  cancel: 'not_cancellable',
  modify: 'not_modifiable',
  return: 'not_returnable',
  exchange: 'not_exchangeable',
};

export function assertTransition(
  order: Order,
  action: OrderAction,
  reason: string | undefined,
  policies: PolicySet,
): void {
  const decision = canTransition(order.status, action, reason, policies.transitions ?? DEFAULT_TRANSITIONS);
  if (decision.allowed) return;
  const details = {
    status: order.status,
    allowedStates: decision.allowedStates,
    allowedReasons: decision.allowedReasons,
  };
  if (decision.code === 'reason_not_allowed')
    throw new OrderInputError('reason_not_allowed', decision.message.en, details);
  throw new OrderConflictError(refusedCodes[action] ?? 'order_changed', decision.message.en, details);
}

export function requireLine(order: Order, lineId: string): OrderLine {
  const line = order.lines.find((candidate) => candidate.id === lineId);
  if (line === undefined)
    throw new OrderInputError('unknown_line', `order ${order.number} has no line ${lineId}`, { lineId });
  return line;
}

export function requireQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new OrderInputError('invalid_quantity', 'a quantity is a whole number of at least 1', { quantity });
  }
}

/** The units of a delivered line that may still be returned or exchanged. */
export function returnableUnits(line: OrderLine): number {
  const q = line.quantities;
  return q.delivered - q.returned - q.exchanged - q.requested;
}

export interface Replacement {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string | null;
  readonly title: string;
  readonly optionValues: readonly string[];
  readonly unitPrice: number;
}

/** The variants asked for, each checked to be another variant of its line's product. */
export async function requireSameProduct(
  catalog: ActionDependencies['catalog'],
  pairs: readonly { line: OrderLine; variantId: string }[],
): Promise<Replacement[]> {
  const found = await catalog.findVariants(pairs.map((pair) => pair.variantId));
  return pairs.map(({ line, variantId }) => {
    const match = found.get(variantId);
    if (match === undefined)
      throw new OrderInputError('unknown_variant', `variant ${variantId} does not exist`, { variantId });
    if (match.product.id !== line.productId) {
      throw new OrderInputError(
        'not_same_product',
        'a line can only be replaced by another variant of the same product',
        {
          lineId: line.id,
          variantId,
        },
      );
    }
    if (match.variant.price.currency !== line.unitPrice.currency) {
      throw new OrderInputError(
        'unknown_variant',
        `variant ${variantId} is not sold in ${line.unitPrice.currency}`,
        { variantId },
      );
    }
    return {
      variantId,
      productId: match.product.id,
      sku: match.variant.sku,
      title: match.product.title.en ?? Object.values(match.product.title)[0] ?? line.title,
      optionValues: match.variant.optionValues,
      unitPrice: match.variant.price.amount,
    };
  });
}

/** Refuses a charge its source cannot cover, before anything is moved; returns the label to show. */
export async function checkChargeSource(
  deps: ActionDependencies,
  order: Order,
  source: ChargeSource | undefined,
  amount: number,
): Promise<{ source: ChargeSource; label: string }> {
  if (source === undefined) {
    throw new OrderInputError(
      'payment_method_required',
      'this change costs more: say how to pay the difference',
      {
        amount,
        currency: order.currency,
      },
    );
  }
  if (source.type === 'gift_card') {
    const account = await deps.giftCards.balance(source.code);
    if (account.balance.currency !== order.currency || account.balance.amount < amount) {
      throw new OrderConflictError(
        'insufficient_gift_card_balance',
        'the gift card balance does not cover the difference',
        {
          balance: account.balance,
          needed: { amount, currency: order.currency },
        },
      );
    }
    return { source, label: `Gift card ${account.label}` };
  }
  if (source.type === 'store_credit') {
    if (order.customerId === null) {
      throw new OrderInputError(
        'store_credit_needs_customer',
        'store credit belongs to a customer account; this order has none',
      );
    }
    const balance = await deps.storeCredit.balance(order.customerId, order.currency);
    if (balance.amount < amount) {
      throw new OrderConflictError(
        'insufficient_store_credit',
        'the store credit does not cover the difference',
        {
          balance,
          needed: { amount, currency: order.currency },
        },
      );
    }
    return { source, label: 'Store credit' };
  }
  return { source, label: 'Card' };
}

export function requireRefundDestination(order: Order, destination: string): void {
  if (destination === 'store_credit' && order.customerId === null) {
    throw new OrderInputError(
      'store_credit_needs_customer',
      'store credit belongs to a customer account; this order has none',
    );
  }
}
