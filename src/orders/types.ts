/**
 * Orders as sold. Checkout (src/cart) creates them through `OrderService.create` inside its own
 * transaction; everything after that goes through the order operations here.
 */
import type { Money } from '../core/index.js';

export const ORDER_STATUSES = [
  'pending',
  'processed',
  'shipped',
  'delivered',
  'cancelled',
  'return_requested',
  'returned',
  'exchange_requested',
  'exchanged',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface PostalAddress {
  readonly name: string;
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly region?: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly phone?: string;
}

export interface LineDiscount {
  readonly promotionId: string;
  readonly promotionVersion: number;
  readonly amount: Money;
}

export interface OrderLineInput {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string | null;
  /** Title and option values as the shopper saw them at purchase. */
  readonly title: string;
  readonly optionValues: readonly string[];
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly discounts: readonly LineDiscount[];
  /** quantity × unitPrice − discounts. */
  readonly total: Money;
  readonly tax: Money;
  /** Category path, for return-window policies. */
  readonly categoryPath: readonly string[];
  /** Product tags at purchase (clearance, final sale, ...), for return-window policies. */
  readonly tags?: readonly string[];
}

/** A tender that paid for (part of) the order. */
export interface OrderPaymentInput {
  readonly kind: 'card' | 'wallet' | 'gift_card' | 'store_credit';
  /** Provider payment id (cards, wallets), or the stored-value reference (gift card, credit). */
  readonly reference: string;
  readonly provider: 'sandbox' | 'stripe' | 'stored_value';
  readonly amount: Money;
  /** `authorized` until captured. */
  readonly status: 'authorized' | 'captured';
  /** Display: "Visa •••• 4242", "Gift card •••• ABCD". */
  readonly label: string;
}

export interface NewOrder {
  /** The merchant's order number; generated when absent (imports keep their own). */
  readonly number?: string;
  readonly customerId: string | null;
  readonly email: string;
  readonly currency: string;
  readonly lines: readonly OrderLineInput[];
  readonly shippingAddress: PostalAddress | null;
  readonly billingAddress?: PostalAddress | null;
  readonly shipping: {
    readonly optionId: string;
    readonly label: string;
    readonly fee: Money;
    readonly discount: Money;
  };
  readonly totals: {
    readonly subtotal: Money;
    readonly discount: Money;
    readonly shipping: Money;
    readonly tax: Money;
    readonly total: Money;
  };
  readonly payments: readonly OrderPaymentInput[];
  readonly promotions: readonly {
    readonly promotionId: string;
    readonly version: number;
    readonly amount: Money;
  }[];
  /** The checkout that created it (idempotency: one order per checkout). */
  readonly checkoutId: string | null;
  readonly channel: string;
  /** Status to create in; `pending` for checkout, any state for imports. */
  readonly status?: OrderStatus;
  readonly placedAt?: number;
  /** The customer's loyalty tier at purchase; return windows may depend on it. */
  readonly customerTier?: string | null;
  /**
   * The stock reservation checkout made for the order. Cancelling releases it while it holds
   * stock, or puts its committed units back.
   */
  readonly reservationId?: string | null;
}

/** Units of a line in each stage; "returnable = delivered − returned − exchanged − requested" is plain arithmetic. */
export interface LineQuantities {
  readonly ordered: number;
  readonly cancelled: number;
  readonly fulfilled: number;
  readonly delivered: number;
  readonly returned: number;
  readonly exchanged: number;
  /** Units in an open return or exchange request. */
  readonly requested: number;
}

export interface OrderLine {
  readonly id: string;
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string | null;
  readonly title: string;
  readonly optionValues: readonly string[];
  readonly unitPrice: Money;
  readonly discounts: readonly LineDiscount[];
  /** What the `ordered` units cost after discounts, tax excluded. */
  readonly total: Money;
  readonly tax: Money;
  readonly categoryPath: readonly string[];
  readonly tags: readonly string[];
  readonly quantities: LineQuantities;
  /** The line this one replaced, for swaps and exchanges. */
  readonly replaces: string | null;
}

export type PaymentMethodKind = OrderPaymentInput['kind'];

/** One entry of the payment history. */
export interface OrderTransaction {
  readonly id: string;
  /** payment: a tender that paid; refund, void, capture: money moved on a payment. */
  readonly type: 'payment' | 'refund' | 'void' | 'capture';
  readonly method: PaymentMethodKind;
  readonly provider: string;
  /** Provider payment or refund id, or the ledger reference of stored value; null until it happened. */
  readonly reference: string | null;
  readonly label: string;
  readonly amount: Money;
  /** Payments only: refunded or released from this payment so far. */
  readonly refunded: Money;
  /** Payments: authorized, captured, voided. Others: pending (planned), succeeded, failed. */
  readonly status: 'authorized' | 'captured' | 'voided' | 'pending' | 'succeeded' | 'failed';
  /** The payment a refund, void or capture acts on. */
  readonly tenderId: string | null;
  readonly operationId: string | null;
  readonly createdAt: number;
}

export interface OrderEvent {
  readonly id: string;
  readonly sequence: number;
  /** noun-action: 'order-placed', 'order-cancelled', 'return-requested', ... */
  readonly type: string;
  readonly actor: string;
  readonly reason: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  readonly createdAt: number;
}

export interface Fulfilment {
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  readonly processedAt: number | null;
  readonly shippedAt: number | null;
  readonly deliveredAt: number | null;
}

export type RefundDestination = 'original' | 'gift_card' | 'store_credit';

export interface RequestLine {
  readonly lineId: string;
  readonly quantity: number;
  /** Exchanges: the variant sent instead. */
  readonly variantId?: string;
}

/** A return or an exchange, from request to settlement. */
export interface OrderRequest {
  readonly id: string;
  readonly kind: 'return' | 'exchange';
  readonly status: 'requested' | 'completed';
  readonly reason: string | null;
  readonly lines: readonly RequestLine[];
  /** Returns: the refund issued on receipt. Exchanges: what the shopper gets back (negative difference). */
  readonly refund: Money;
  /** Exchanges: what the shopper paid on top, collected at the request. */
  readonly charge: Money;
  readonly refundDestination: RefundDestination;
  /** Exchanges: the stock hold of the replacement variants. */
  readonly reservationId: string | null;
  readonly createdAt: number;
}

export interface Order {
  readonly id: string;
  readonly number: string;
  readonly checkoutId: string | null;
  readonly customerId: string | null;
  readonly customerTier: string | null;
  readonly email: string;
  readonly currency: string;
  readonly status: OrderStatus;
  readonly channel: string;
  readonly lines: readonly OrderLine[];
  readonly shippingAddress: PostalAddress | null;
  readonly billingAddress: PostalAddress | null;
  readonly shipping: NewOrder['shipping'];
  readonly totals: NewOrder['totals'];
  readonly promotions: NewOrder['promotions'];
  readonly taxIncluded: boolean;
  readonly fulfilment: Fulfilment;
  /** Tenders first, then refunds, voids and captures, oldest first. */
  readonly transactions: readonly OrderTransaction[];
  readonly requests: readonly OrderRequest[];
  readonly timeline: readonly OrderEvent[];
  readonly reservationId: string | null;
  readonly version: number;
  readonly placedAt: number;
  readonly updatedAt: number;
}
