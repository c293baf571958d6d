import { ConflictError } from '../core/index.js';

export type LimitKind = 'uses' | 'customer_uses' | 'budget';

/**
 * Recording an order's use of a promotion would pass one of its limits; nothing was recorded.
 * The checkout re-prices and asks the shopper to confirm the new total (HTTP 409).
 */
export class PromotionLimitError extends ConflictError {
  readonly promotionId: string;
  readonly limit: LimitKind;

  constructor(promotionId: string, limit: LimitKind) {
    const exhausted = limit === 'budget';
    super(
      exhausted ? 'budget_exhausted' : 'usage_limit_reached',
      exhausted
        ? `promotion ${promotionId} has spent its budget`
        : `promotion ${promotionId} has reached its ${limit === 'customer_uses' ? 'per-customer ' : ''}usage limit`,
      { promotionId, limit },
    );
    this.promotionId = promotionId;
    this.limit = limit;
  }

  static override isInstance(value: unknown): value is PromotionLimitError {
    return value instanceof PromotionLimitError;
  }
}

/** Another active promotion already answers to this coupon code (HTTP 409). */
export class CodeTakenError extends ConflictError {
  constructor(code: string, promotionId: string) {
    super('code_taken', `code ${code} is already used by active promotion ${promotionId}`, {
      code,
      promotionId,
    });
  }
}
