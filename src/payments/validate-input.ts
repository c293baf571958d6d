/**
 * Checks shared by every provider before a call leaves Aisle: positive integer amounts, a
 * currency code, tokens that are not card numbers, and small string metadata (the limits are
 * the ones card processors enforce, so the sandbox refuses what Stripe would).
 */
import { assertCurrency, ValidationError } from '../core/index.js';
import { rejectCardNumber } from './card-number-guard.js';
import { assertIdempotencyKey } from './idempotency.js';
import type { AuthorizeInput } from './types.js';

const METADATA_KEYS = 50;
const METADATA_KEY_LENGTH = 40;
const METADATA_VALUE_LENGTH = 500;

export function assertPositiveAmount(amount: number, field = 'amount'): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new ValidationError(
      `${field} must be a positive integer of minor units`,
      { field },
      'invalid_amount',
    );
  }
}

export function assertPaymentToken(token: string, field = 'paymentMethod'): void {
  if (typeof token !== 'string' || token.length === 0 || token.length > 255) {
    throw new ValidationError(`${field} must be a payment-method token`, { field }, 'invalid_payment_method');
  }
  rejectCardNumber(field, token);
}

export function validateAuthorizeInput(
  input: AuthorizeInput,
): AuthorizeInput & { metadata: Record<string, string> } {
  assertPositiveAmount(input.amount.amount);
  const currency = assertCurrency(input.amount.currency);
  assertPaymentToken(input.paymentMethod);
  assertIdempotencyKey(input.idempotencyKey);
  const metadata = input.metadata ?? {};
  const entries = Object.entries(metadata);
  if (entries.length > METADATA_KEYS) {
    throw new ValidationError(
      `metadata holds at most ${METADATA_KEYS} keys`,
      { field: 'metadata' },
      'invalid_metadata',
    );
  }
  for (const [key, value] of entries) {
    rejectCardNumber('metadata', key);
    if (
      typeof value !== 'string' ||
      key.length > METADATA_KEY_LENGTH ||
      value.length > METADATA_VALUE_LENGTH
    ) {
      throw new ValidationError(
        `metadata keys are at most ${METADATA_KEY_LENGTH} characters and values strings of at most ${METADATA_VALUE_LENGTH}`,
        { field: 'metadata' },
        'invalid_metadata',
      );
    }
    rejectCardNumber(`metadata.${key}`, value);
  }
  return { ...input, amount: { amount: input.amount.amount, currency }, metadata: { ...metadata } };
}
