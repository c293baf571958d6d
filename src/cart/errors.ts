import { AisleError, ConflictError } from '../core/index.js';
import type { Quote } from './types.js';

/** The price moved since the shopper last saw it; they confirm by sending the new total (409). */
export class PriceChangedError extends ConflictError {
  readonly quote: Quote;

  constructor(quote: Quote, previousTotal: number) {
    super('price_changed', 'the total changed since the quote you confirmed; confirm the new total', {
      previousTotal: { amount: previousTotal, currency: quote.currency },
      total: quote.total,
      quote,
    });
    this.quote = quote;
  }

  static override isInstance(value: unknown): value is PriceChangedError {
    return value instanceof PriceChangedError;
  }
}

/** The card was refused; stock stays held until it lapses so another card can be tried (402). */
export class PaymentDeclinedError extends AisleError {
  readonly reason: string;

  constructor(reason: string, checkoutId: string) {
    super('payment_declined', `the payment was declined: ${reason.replaceAll('_', ' ')}`, {
      status: 402,
      details: { reason, checkoutId },
    });
    this.reason = reason;
  }

  static override isInstance(value: unknown): value is PaymentDeclinedError {
    return value instanceof PaymentDeclinedError;
  }
}

export function holdExpired(checkoutId: string): ConflictError {
  return new ConflictError(
    'hold_expired',
    'the stock held for this checkout has lapsed; start checkout again',
    {
      checkoutId,
    },
  );
}
