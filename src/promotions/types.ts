/**
 * The promotions module's model: promotion documents kept in versions, the policy document kept
 * the same way, and the usage counters the limits are enforced on.
 */
import type {
  ItemSelector,
  PricingContext,
  PricingOptions,
  PromotionDocument,
  RuleSet,
  RuleSetDocument,
} from '../rules/index.js';

export type PolicySet = RuleSet['policies'];
export type PolicySetDocument = NonNullable<RuleSetDocument['policies']>;
export type PromotionStatus = PromotionDocument['status'];

/** A promotion document as a merchant writes it: the store assigns the version, and the id when absent. */
export type PromotionInput = Omit<PromotionDocument, 'id' | 'version'> & { readonly id?: string };

export interface StoredPromotion {
  readonly id: string;
  readonly version: number;
  /** The latest version of the promotion. */
  readonly latestVersion: number;
  readonly status: PromotionStatus;
  readonly name: string;
  /** The validated document of this version, defaults filled in. */
  readonly document: PromotionDocument;
  /** When this version was written. */
  readonly versionCreatedAt: number;
  readonly createdAt: number;
  readonly usage: { readonly uses: number; readonly spent: number };
}

export interface StoredPolicies {
  readonly version: number;
  readonly document: PolicySet;
  readonly createdAt: number;
}

export interface UpdateOptions {
  /** Refuse the write (409 version_conflict) unless this is still the latest version. */
  readonly expectedVersion?: number;
}

export interface DryRunInput {
  readonly cart: PricingContext;
  /**
   * A whole rule set, or promotion documents laid over the current ones (same id replaces,
   * new id adds). The current rules when absent.
   */
  readonly draft?: RuleSetDocument | readonly PromotionDocument[];
  readonly options?: PricingOptions;
}

export interface SeedSampleOptions {
  /** Must be the store's currency; the sample's amounts are minor units as written. */
  readonly currency?: string;
  readonly sockSelector: ItemSelector;
  readonly clearanceSelector: ItemSelector;
  readonly memberTiers?: readonly string[];
  readonly memberPercent?: number;
  readonly clearancePercent?: number;
  readonly freeShippingOver?: number;
}

export interface SeedSampleResult {
  readonly created: readonly string[];
  /** Sample promotions that already existed and were left as they are. */
  readonly kept: readonly string[];
  readonly policies: 'created' | 'kept';
}
