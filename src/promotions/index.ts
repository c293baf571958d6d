/**
 * Promotions: the merchant's promotion and policy documents, versioned, and the usage counters
 * that keep their limits. The rules engine (rules/) prices; this module stores what it prices with.
 */
export { CodeTakenError, type LimitKind, PromotionLimitError } from './errors.js';
export { type PolicySummary, summarizePolicies } from './policy-summary.js';
export {
  createPromotionService,
  type PromotionService,
  type PromotionServiceOptions,
} from './promotion-service.js';
export type {
  DryRunInput,
  PolicySet,
  PolicySetDocument,
  PromotionInput,
  PromotionStatus,
  SeedSampleOptions,
  SeedSampleResult,
  StoredPolicies,
  StoredPromotion,
  UpdateOptions,
} from './types.js';
