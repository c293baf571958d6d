/**
 * A planned order change: what will be charged and refunded, to which method, what happens to
 * stock, and the order as it will look. Preview returns it; confirm carries it out.
 */
import type { Money } from '../core/index.js';
import type { Order, OrderTransaction, PaymentMethodKind, RefundDestination } from './types.js';

export type OrderChangeAction =
  | 'cancel'
  | 'modify'
  | 'return'
  | 'exchange'
  | 'receive_return'
  | 'process_exchange';

export interface PlannedCharge {
  readonly transactionId: string;
  readonly method: PaymentMethodKind;
  readonly label: string;
  readonly amount: Money;
}

export interface PlannedRefund {
  readonly transactionId: string;
  readonly destination: RefundDestination;
  readonly method: PaymentMethodKind;
  readonly label: string;
  readonly amount: Money;
  /** The payment it goes back to, for refunds to the original method. */
  readonly tenderId: string | null;
  /** void: the whole authorization is dropped; release: less will be captured; refund: money goes back. */
  readonly kind: 'refund' | 'void' | 'release';
}

export type StockMove =
  | { readonly type: 'restock'; readonly variantId: string; readonly quantity: number }
  | { readonly type: 'release'; readonly reservationId: string }
  | { readonly type: 'hold'; readonly variantId: string; readonly quantity: number }
  | { readonly type: 'commit'; readonly reservationId: string };

export interface OrderChangePlan {
  readonly action: OrderChangeAction;
  readonly orderId: string;
  readonly operationId: string;
  readonly charges: readonly PlannedCharge[];
  readonly refunds: readonly PlannedRefund[];
  readonly chargeTotal: Money;
  readonly refundTotal: Money;
  readonly stock: readonly StockMove[];
  /** The return or exchange request this change opens or settles. */
  readonly requestId: string | null;
  /** The order as it will be once confirmed. */
  readonly order: Order;
}

/** How a charge is paid; a gift card code is a secret and never leaves the service in a plan. */
export type ChargeSource =
  | { readonly type: 'gift_card'; readonly code: string }
  | { readonly type: 'store_credit' }
  | { readonly type: 'card'; readonly token: string };

/** A plan plus what confirm needs to carry it out and nobody else may see. */
export interface OrderChangeDraft {
  readonly plan: OrderChangePlan;
  readonly base: Order;
  readonly chargeSources: ReadonlyMap<string, { source: ChargeSource; capture: boolean }>;
  /** Card payments a changed payment method drops once the new one is authorized. */
  readonly voids: readonly OrderTransaction[];
}
