/**
 * rules/ — the business rules engine: promotions, stacking, price guards and policies, as pure
 * functions over data. Nothing here stores anything or reads the clock: callers pass rule
 * documents, usage counters and `now`, and get back actions with their explanation.
 */
export type { Condition, Operator } from './conditions.js';
export type { Explained, ReasonCode } from './explanation.js';
export type { GuardOptions } from './guards.js';
export type {
  OrderAction,
  PolicySet,
  PolicySetDocument,
  RefundMethod,
  ReturnPolicy,
  ShippingPolicy,
  TaxRule,
  TransitionRule,
} from './policy-schema.js';
export {
  type Adjustment,
  type AppliedPromotion,
  type DiscountCap,
  type PricedLine,
  type PricingOptions,
  type PricingResult,
  priceCart,
  type RejectedPromotion,
} from './price-cart.js';
export type { Promotion, PromotionDocument } from './promotion-schema.js';
export {
  evaluateReturnPolicy,
  type LineReturnDecision,
  type ReturnContext,
  type ReturnLine,
} from './returns.js';
export {
  loadPolicySet,
  loadRuleSet,
  type RuleSet,
  type RuleSetDocument,
  RuleValidationError,
} from './rule-set.js';
export {
  buildSampleRuleSet,
  type ItemSelector,
  type SampleRulesOptions,
  sampleRuleSetDocument,
} from './sample.js';
export { type ShippingContext, type ShippingQuote, shippingOptions } from './shipping.js';
export type { StackingMode } from './stacking.js';
export { computeTax, type TaxInput, type TaxResult } from './tax.js';
export { canTransition, type TransitionDecision } from './transitions.js';
export type {
  CartLineFacts,
  CustomerFacts,
  Destination,
  LocalizedMessage,
  PricingContext,
  UsageCounters,
} from './types.js';
export { type UsageDelta, usageDelta } from './usage.js';
