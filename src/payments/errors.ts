import { AisleError, ConflictError } from '../core/index.js';

/** A webhook whose signature is missing, wrong or too old (HTTP 400). */
export class WebhookSignatureError extends AisleError {
  constructor(reason: string) {
    super('webhook_signature_invalid', `webhook signature rejected: ${reason}`, { status: 400 });
  }
  static override isInstance(value: unknown): value is WebhookSignatureError {
    return AisleError.isInstance(value) && value.code === 'webhook_signature_invalid';
  }
}

/** The processor could not be reached or failed (HTTP 502); safe to retry with the same idempotency key. */
export class PaymentProviderError extends AisleError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('payment_provider_unavailable', message, { status: 502, cause: options.cause });
  }
}

export function idempotencyKeyReused(key: string): ConflictError {
  return new ConflictError(
    'idempotency_key_reused',
    'this idempotency key was already used with different parameters',
    { idempotencyKey: key },
  );
}
