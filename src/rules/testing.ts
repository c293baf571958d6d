/**
 * Builders for tests and benchmarks: a promotion document with defaults filled in and a cart
 * line with plausible facts, so each test states only what it is about.
 */
import type { PromotionDocument } from './promotion-schema.js';
import { loadRuleSet, type RuleSet, type RuleSetDocument } from './rule-set.js';
import type { CartLineFacts } from './types.js';

export function promotion(id: string, overrides: Partial<PromotionDocument> = {}): PromotionDocument {
  return {
    id,
    version: 1,
    name: `Promotion ${id}`,
    status: 'active',
    actions: [{ type: 'order_percent', percent: 10 }],
    ...overrides,
  };
}

export function cartLine(
  id: string,
  unitPrice: number,
  overrides: Partial<CartLineFacts> = {},
): CartLineFacts {
  return { id, productId: `product-${id}`, variantId: `variant-${id}`, quantity: 1, unitPrice, ...overrides };
}

export function ruleSet(
  promotions: readonly PromotionDocument[],
  rest: Partial<Omit<RuleSetDocument, 'promotions'>> = {},
): RuleSet {
  return loadRuleSet({ currency: 'TWD', ...rest, promotions });
}
