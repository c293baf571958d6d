/**
 * What a priced cart would consume of each promotion's limits. The cart records these under
 * lock when the order commits; the engine only reads counters, it never writes them.
 */
import type { PricingResult } from './price-cart.js';

export interface UsageDelta {
  readonly promotionId: string;
  readonly version: number;
  readonly uses: 1;
  /** Minor units granted, toward the spend budget. */
  readonly spent: number;
  /** Counts toward the per-customer limit when not null. */
  readonly customerId: string | null;
}

export function usageDelta(result: PricingResult): UsageDelta[] {
  return result.applied.map((a) => ({
    promotionId: a.promotionId,
    version: a.version,
    uses: 1,
    spent: a.amount,
    customerId: result.customerId,
  }));
}
