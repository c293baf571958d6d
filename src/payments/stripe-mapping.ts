/**
 * Stripe objects and errors in our vocabulary. Pure functions, so every mapping is tested
 * without a server.
 */
import type Stripe from 'stripe';
import type {
  DeclineReason,
  NextAction,
  Payment,
  PaymentEventType,
  PaymentMethodSummary,
  PaymentStatus,
  Refund,
} from './types.js';

const DECLINE_REASONS: Readonly<Record<string, DeclineReason>> = {
  insufficient_funds: 'insufficient_funds',
  expired_card: 'expired_card',
  incorrect_cvc: 'incorrect_cvc',
  invalid_cvc: 'incorrect_cvc',
  fraudulent: 'fraud_suspected',
  merchant_blacklist: 'fraud_suspected',
  processing_error: 'processing_error',
  issuer_not_available: 'processing_error',
  try_again_later: 'processing_error',
  authentication_required: 'authentication_failed',
  payment_intent_authentication_failure: 'authentication_failed',
};

/**
 * The issuer's `decline_code` is the more specific; `code` covers declines Stripe raises itself.
 * Lost and stolen cards stay a plain decline: shoppers are not told why such a card failed.
 */
export function declineReasonOf(
  declineCode: string | null | undefined,
  code: string | null | undefined,
): DeclineReason {
  for (const candidate of [declineCode, code]) {
    if (candidate !== null && candidate !== undefined && Object.hasOwn(DECLINE_REASONS, candidate)) {
      return DECLINE_REASONS[candidate] as DeclineReason;
    }
  }
  return 'card_declined';
}

function statusOf(intent: Stripe.PaymentIntent, refunded: number): PaymentStatus {
  switch (intent.status) {
    case 'requires_capture':
      return 'authorized';
    case 'requires_action':
      return 'requires_action';
    case 'requires_payment_method':
      return 'declined';
    case 'canceled':
      return 'voided';
    case 'succeeded':
      return refunded > 0 && refunded >= intent.amount_received ? 'refunded' : 'captured';
    default:
      return 'processing';
  }
}

function paymentMethodOf(method: Stripe.PaymentIntent['payment_method']): PaymentMethodSummary | null {
  if (method === null || typeof method === 'string') return null;
  if (method.card) return { kind: 'card', brand: method.card.brand, last4: method.card.last4 };
  return { kind: 'wallet', brand: method.type, last4: null };
}

function nextActionOf(intent: Stripe.PaymentIntent): NextAction | null {
  if (intent.status !== 'requires_action' || intent.next_action === null) return null;
  return {
    type: 'three_d_secure',
    challengeId: intent.id,
    url: intent.next_action.redirect_to_url?.url ?? null,
    clientSecret: intent.client_secret,
  };
}

export function paymentFromIntent(intent: Stripe.PaymentIntent): Payment {
  const currency = intent.currency.toUpperCase();
  const charge = intent.latest_charge;
  const refunded = charge !== null && typeof charge !== 'string' ? charge.amount_refunded : 0;
  const status = statusOf(intent, refunded);
  const error = intent.last_payment_error;
  return {
    id: intent.id,
    provider: 'stripe',
    status,
    amount: { amount: intent.amount, currency },
    capturedAmount: { amount: intent.amount_received, currency },
    refundedAmount: { amount: refunded, currency },
    paymentMethod: paymentMethodOf(intent.payment_method),
    declineReason: status === 'declined' ? declineReasonOf(error?.decline_code, error?.code) : null,
    nextAction: nextActionOf(intent),
    metadata: { ...intent.metadata },
    createdAt: intent.created * 1000,
  };
}

export function refundFromStripe(refund: Stripe.Refund): Refund {
  const paymentId =
    typeof refund.payment_intent === 'string' ? refund.payment_intent : (refund.payment_intent?.id ?? '');
  const status =
    refund.status === 'succeeded'
      ? 'succeeded'
      : refund.status === 'failed' || refund.status === 'canceled'
        ? 'failed'
        : 'pending';
  return {
    id: refund.id,
    paymentId,
    amount: { amount: refund.amount, currency: refund.currency.toUpperCase() },
    status,
    createdAt: refund.created * 1000,
  };
}

const EVENT_TYPES: Readonly<Record<string, PaymentEventType>> = {
  'payment_intent.amount_capturable_updated': 'payment.authorized',
  'payment_intent.requires_action': 'payment.requires_action',
  'payment_intent.payment_failed': 'payment.declined',
  'payment_intent.succeeded': 'payment.captured',
  'payment_intent.canceled': 'payment.voided',
  'charge.refunded': 'payment.refunded',
};

export function eventTypeOf(stripeType: string): PaymentEventType {
  return Object.hasOwn(EVENT_TYPES, stripeType)
    ? (EVENT_TYPES[stripeType] as PaymentEventType)
    : 'payment.other';
}
