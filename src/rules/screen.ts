/**
 * Screening: the checks a promotion must pass before its actions are tried — status, dates,
 * codes, usage and budget counters, and its conditions. Each failure carries a reason code.
 */
import type { ContextFacts } from './conditions.js';
import { codeForFailedCheck, type ReasonCode } from './explanation.js';
import type { Promotion } from './promotion-schema.js';
import type { UsageCounters } from './types.js';

export interface ScreenFailure {
  readonly code: ReasonCode;
  readonly details: Record<string, unknown>;
}

const noUsage: UsageCounters = { uses: 0, spent: 0, customerUses: 0 };

export function usageOf(
  promotion: Promotion,
  usage: Readonly<Record<string, UsageCounters>> | undefined,
): UsageCounters {
  return usage?.[promotion.id] ?? noUsage;
}

/** Undefined when the promotion may be tried; the reason it may not otherwise. */
export function screen(
  promotion: Promotion,
  facts: ContextFacts,
  usage: Readonly<Record<string, UsageCounters>> | undefined,
): ScreenFailure | undefined {
  if (promotion.status !== 'active') return { code: 'inactive', details: { status: promotion.status } };
  if (promotion.startsAt !== undefined && facts.now < promotion.startsAt) {
    return { code: 'not_started', details: { startsAt: promotion.startsAt } };
  }
  if (promotion.endsAt !== undefined && facts.now >= promotion.endsAt) {
    return { code: 'expired', details: { endsAt: promotion.endsAt } };
  }
  if (promotion.codes !== undefined && !promotion.codes.some((c) => facts.coupons.includes(c))) {
    return { code: 'coupon_required', details: {} };
  }
  const counters = usageOf(promotion, usage);
  const { totalUses, perCustomerUses, budget } = promotion.limits;
  if (totalUses !== undefined && counters.uses >= totalUses) {
    return {
      code: 'usage_limit_reached',
      details: { scope: 'total', limit: totalUses, used: counters.uses },
    };
  }
  if (perCustomerUses !== undefined) {
    if (facts.customer === undefined) {
      return { code: 'customer_not_eligible', details: { field: 'customer.id', actual: undefined } };
    }
    if (counters.customerUses >= perCustomerUses) {
      return {
        code: 'usage_limit_reached',
        details: { scope: 'customer', limit: perCustomerUses, used: counters.customerUses },
      };
    }
  }
  if (budget !== undefined && counters.spent >= budget) {
    return { code: 'budget_exhausted', details: { budget, spent: counters.spent } };
  }
  if (!promotion.condition.test(facts)) {
    const failed = promotion.condition.explain(facts);
    if (!failed) return { code: 'conditions_not_met', details: {} };
    const details: Record<string, unknown> = {
      field: failed.field,
      op: failed.op,
      expected: failed.expected,
    };
    // The coupon list may hold other codes the shopper typed; the reason needs none of them.
    if (failed.field !== 'coupons') details.actual = failed.actual;
    return { code: codeForFailedCheck(failed), details };
  }
  return undefined;
}
