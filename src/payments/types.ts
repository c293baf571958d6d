/**
 * The payment provider port: what checkout and orders may ask of any processor. The sandbox and
 * the Stripe adapter both implement it, and one contract suite checks both.
 */
import type { Money } from '../core/index.js';

export type PaymentStatus =
  | 'requires_action'
  | 'authorized'
  | 'declined'
  | 'processing'
  | 'captured'
  | 'voided'
  | 'refunded';

export type DeclineReason =
  | 'card_declined'
  | 'insufficient_funds'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'fraud_suspected'
  | 'authentication_failed'
  | 'processing_error';

export interface PaymentMethodSummary {
  readonly kind: 'card' | 'wallet';
  /** 'visa', 'mastercard', 'amex' for cards; 'paypal' for the wallet. */
  readonly brand: string;
  readonly last4: string | null;
}

/** The step the shopper must complete before the payment can be authorized. */
export interface NextAction {
  readonly type: 'three_d_secure';
  readonly challengeId: string;
  /** Where to send the shopper, when the provider gives a page. */
  readonly url: string | null;
  /** Stripe.js completes the challenge in the browser with this. */
  readonly clientSecret: string | null;
}

export interface Refund {
  readonly id: string;
  readonly paymentId: string;
  readonly amount: Money;
  readonly status: 'succeeded' | 'pending' | 'failed';
  readonly createdAt: number;
}

export interface Payment {
  readonly id: string;
  readonly provider: 'sandbox' | 'stripe';
  readonly status: PaymentStatus;
  /** What was authorized. */
  readonly amount: Money;
  readonly capturedAmount: Money;
  readonly refundedAmount: Money;
  readonly paymentMethod: PaymentMethodSummary | null;
  readonly declineReason: DeclineReason | null;
  readonly nextAction: NextAction | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly createdAt: number;
}

export interface AuthorizeInput {
  readonly amount: Money;
  /** A payment-method token from the provider's client side; never a card number. */
  readonly paymentMethod: string;
  readonly idempotencyKey: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface PaymentKeyInput {
  readonly paymentId: string;
  readonly idempotencyKey: string;
}

export interface AmountInput extends PaymentKeyInput {
  /** Minor units; the whole remaining amount when absent. */
  readonly amount?: number;
}

export type PaymentEventType =
  | 'payment.authorized'
  | 'payment.requires_action'
  | 'payment.declined'
  | 'payment.captured'
  | 'payment.voided'
  | 'payment.refunded'
  | 'payment.other';

/**
 * A verified webhook. Treat it as a hint that a payment changed: `payment` is the provider's
 * snapshot when it sent one; `get(paymentId)` gives the current state.
 */
export interface PaymentEvent {
  readonly id: string;
  readonly type: PaymentEventType;
  /** The provider's own name for the event ('payment_intent.succeeded'). */
  readonly providerType: string;
  readonly paymentId: string;
  readonly payment: Payment | null;
  readonly occurredAt: number;
}

export type WebhookHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface PaymentProvider {
  readonly name: 'sandbox' | 'stripe';
  /** Authorizes without capturing: `authorized`, `requires_action` (3-D Secure) or `declined`. */
  authorize(input: AuthorizeInput): Promise<Payment>;
  /** After the shopper completed the 3-D Secure challenge: `authorized`, or `declined` with authentication_failed. */
  confirmAction(input: PaymentKeyInput): Promise<Payment>;
  /** Captures once, all or part of the authorization; the rest is released. */
  capture(input: AmountInput): Promise<Payment>;
  void(input: PaymentKeyInput): Promise<Payment>;
  /** Refunds all or part of what was captured; many partial refunds add up to at most the capture. */
  refund(input: AmountInput): Promise<Refund>;
  get(paymentId: string): Promise<Payment>;
  /** Verifies the signature and parses the event; throws WebhookSignatureError otherwise. */
  parseWebhook(rawBody: string | Buffer, headers: WebhookHeaders): PaymentEvent;
}
