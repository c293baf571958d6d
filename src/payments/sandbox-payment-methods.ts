/**
 * The sandbox's test payment methods, named like a card processor's test tokens so code written
 * against the sandbox runs unchanged against Stripe's test mode.
 */
import { ValidationError } from '../core/index.js';
import type { DeclineReason, PaymentMethodSummary } from './types.js';

export type SandboxOutcome =
  | { readonly type: 'approve' }
  | { readonly type: 'decline'; readonly reason: DeclineReason }
  | { readonly type: 'challenge' };

export interface SandboxPaymentMethod {
  readonly summary: PaymentMethodSummary;
  readonly outcome: SandboxOutcome;
}

const approve: SandboxOutcome = { type: 'approve' };
const decline = (reason: DeclineReason): SandboxOutcome => ({ type: 'decline', reason });

function card(brand: string, last4: string, outcome: SandboxOutcome = approve): SandboxPaymentMethod {
  return { summary: { kind: 'card', brand, last4 }, outcome };
}

const METHODS: Readonly<Record<string, SandboxPaymentMethod>> = {
  pm_card_visa: card('visa', '4242'),
  pm_card_visa_debit: card('visa', '5556'),
  pm_card_mastercard: card('mastercard', '4444'),
  pm_card_amex: card('amex', '8431'),
  pm_card_chargeDeclined: card('visa', '0002', decline('card_declined')),
  pm_card_insufficientFunds: card('visa', '9995', decline('insufficient_funds')),
  pm_card_chargeDeclinedInsufficientFunds: card('visa', '9995', decline('insufficient_funds')),
  pm_card_chargeDeclinedExpiredCard: card('visa', '0069', decline('expired_card')),
  pm_card_chargeDeclinedIncorrectCvc: card('visa', '0127', decline('incorrect_cvc')),
  pm_card_chargeDeclinedFraudulent: card('visa', '0019', decline('fraud_suspected')),
  pm_card_chargeDeclinedProcessingError: card('visa', '0119', decline('processing_error')),
  pm_card_authenticationRequired: card('visa', '3184', { type: 'challenge' }),
  pm_wallet_paypal: { summary: { kind: 'wallet', brand: 'paypal', last4: null }, outcome: approve },
};

export const SANDBOX_PAYMENT_METHODS: readonly string[] = Object.keys(METHODS);

export function sandboxPaymentMethod(token: string): SandboxPaymentMethod {
  const method = Object.hasOwn(METHODS, token) ? METHODS[token] : undefined;
  if (method === undefined) {
    throw new ValidationError(
      'unknown payment method token for the sandbox',
      { field: 'paymentMethod', known: SANDBOX_PAYMENT_METHODS },
      'unknown_payment_method',
    );
  }
  return method;
}
