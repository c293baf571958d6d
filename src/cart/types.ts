/**
 * The cart's domain model and the ports it needs from modules written beside it: orders,
 * promotion storage and customer facts. Amounts are `Money` in the cart's currency.
 */
import type { LocalizedText } from '../catalog/index.js';
import type { Money } from '../core/index.js';
import type { NewOrder, PostalAddress } from '../orders/types.js';
import type { Tender } from '../payments/index.js';
import type {
  CustomerFacts,
  LocalizedMessage,
  RejectedPromotion,
  RuleSet,
  UsageCounters,
  UsageDelta,
} from '../rules/index.js';
import type { Executor } from '../store/index.js';

export type { PostalAddress, Tender };

/** Where orders go; the orders service satisfies it. */
export interface OrderSink {
  create(input: NewOrder, executor?: Executor): Promise<{ id: string; number: string }>;
  findByCheckout(checkoutId: string): Promise<{ id: string; number: string } | null>;
  /**
   * Told after checkout captured a payment of the order (`reference` is the provider's payment
   * id), so the order no longer holds it as an authorization. Called again on a resumed
   * checkout, so it must change nothing the second time. Sinks that keep no payment state omit it.
   */
  recordCapture?(orderId: string, reference: string, amount: Money): Promise<unknown>;
}

/** Versioned promotion documents and their usage counters. */
export interface PromotionSource {
  current(): Promise<{ ruleSet: RuleSet; policies: PolicySet }>;
  usage(promotionIds: readonly string[], customerId: string | null): Promise<Record<string, UsageCounters>>;
  /** Conditional, under lock; throws ConflictError('budget_exhausted' | 'usage_limit_reached'). */
  recordUsage(
    executor: Executor,
    delta: readonly UsageDelta[],
    ref: { orderId: string; customerId: string | null },
  ): Promise<void>;
  revertUsage(executor: Executor, orderId: string): Promise<void>;
}

type PolicySet = RuleSet['policies'];
type ReasonCode = RejectedPromotion['code'];

export type CustomerFactsSource = (customerId: string) => Promise<CustomerFacts | null>;

export interface CartLine {
  readonly id: string;
  readonly variantId: string;
  readonly quantity: number;
}

export interface Cart {
  readonly id: string;
  readonly customerId: string | null;
  readonly currency: string;
  readonly status: 'open' | 'completed' | 'merged';
  readonly email: string | null;
  readonly notes: string | null;
  readonly shippingAddress: PostalAddress | null;
  readonly shippingOptionId: string | null;
  readonly coupons: readonly string[];
  readonly lines: readonly CartLine[];
  readonly checkoutId: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface LineDiscountView {
  readonly promotionId: string;
  readonly version: number;
  readonly name: string;
  readonly amount: Money;
}

export interface QuoteLine {
  readonly lineId: string;
  readonly variantId: string;
  readonly productId: string | null;
  readonly sku: string | null;
  readonly title: LocalizedText;
  readonly optionValues: readonly string[];
  readonly categoryPath: readonly string[];
  readonly tags: readonly string[];
  readonly imageUrl: string | null;
  readonly quantity: number;
  /** Null when the item can no longer be sold. */
  readonly unitPrice: Money | null;
  readonly subtotal: Money;
  readonly discounts: readonly LineDiscountView[];
  readonly total: Money;
  readonly tax: Money;
  readonly available: boolean;
}

export type CartMessageCode =
  | 'coupon_rejected'
  | 'low_stock'
  | 'insufficient_stock'
  | 'out_of_stock'
  | 'item_unavailable'
  | 'price_changed'
  | 'shipping_option_unavailable';

export interface CartMessage {
  readonly code: CartMessageCode;
  readonly lineId?: string;
  /** For coupon messages: the code as entered and the engine's reason. */
  readonly coupon?: string;
  readonly reason?: ReasonCode;
  readonly message: LocalizedMessage;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface ShippingOptionView {
  readonly id: string;
  readonly name: LocalizedMessage;
  readonly fee: Money;
  readonly freeApplied: boolean;
  readonly estimate: { readonly earliest: string; readonly latest: string };
}

export interface Quote {
  readonly cartId: string;
  readonly currency: string;
  readonly customerId: string | null;
  readonly lines: readonly QuoteLine[];
  readonly subtotal: Money;
  readonly discount: Money;
  readonly shipping: {
    readonly option: ShippingOptionView | null;
    /** Every option that serves the address and parcel. */
    readonly options: readonly ShippingOptionView[];
    readonly fee: Money;
    readonly discount: Money;
    readonly total: Money;
  };
  readonly tax: {
    readonly amount: Money;
    readonly inclusive: boolean;
    readonly name: LocalizedMessage | null;
  };
  readonly total: Money;
  readonly applied: readonly {
    readonly promotionId: string;
    readonly version: number;
    readonly name: string;
    readonly amount: Money;
  }[];
  readonly coupons: readonly { readonly code: string; readonly applied: boolean }[];
  readonly messages: readonly CartMessage[];
  /** Promotion usage this cart would record when it becomes an order. */
  readonly usage: readonly UsageDelta[];
  readonly quotedAt: number;
}

export interface CartView {
  readonly cart: Cart;
  readonly quote: Quote;
}

export type CheckoutStatus =
  | 'open'
  | 'processing'
  | 'requires_action'
  | 'declined'
  | 'completed'
  | 'failed'
  | 'abandoned';

export interface Checkout {
  readonly id: string;
  readonly cartId: string;
  readonly status: CheckoutStatus;
  readonly reservationId: string;
  readonly quote: Quote;
  readonly expiresAt: number;
  readonly order: { readonly id: string; readonly number: string } | null;
}

export interface CompleteCheckoutInput {
  readonly tenders: readonly Tender[];
  /** The total the shopper agreed to; the frozen quote's total when absent. */
  readonly expectedTotal?: number;
  readonly idempotencyKey: string;
}

export type CheckoutOutcome =
  | {
      readonly status: 'completed';
      readonly order: { readonly id: string; readonly number: string };
      readonly total: Money;
    }
  | {
      readonly status: 'requires_action';
      readonly checkoutId: string;
      readonly challenge: {
        readonly type: 'three_d_secure';
        readonly challengeId: string;
        readonly url: string | null;
        readonly clientSecret: string | null;
      };
    };
