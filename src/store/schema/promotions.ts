/**
 * Promotion and policy tables (migration 0008). Documents are JSON text, versioned: a write adds
 * a version row and moves the head. Amounts are minor units; timestamps epoch milliseconds.
 */

export interface PromotionsTable {
  id: string;
  /** The latest version. */
  version: number;
  status: 'active' | 'draft' | 'archived';
  name: string;
  created_at: number;
  updated_at: number;
}

export interface PromotionVersionsTable {
  promotion_id: string;
  version: number;
  status: 'active' | 'draft' | 'archived';
  /** JSON: the promotion document as validated, with its id and version. */
  document: string;
  created_at: number;
}

/** Codes held by active promotions; the primary key keeps them unique. */
export interface PromotionCodesTable {
  /** Upper-cased, as the engine compares codes. */
  code: string;
  promotion_id: string;
}

export interface PromotionUsageTable {
  promotion_id: string;
  uses: number;
  /** Minor units granted so far. */
  spent: number;
  /** Limits of the latest version, beside the counters they bound, so one UPDATE checks both. */
  max_uses: number | null;
  max_customer_uses: number | null;
  budget: number | null;
  updated_at: number;
}

export interface PromotionCustomerUsageTable {
  promotion_id: string;
  customer_id: string;
  uses: number;
}

/** What an order took from each promotion, so a cancelled order gives it back once. */
export interface PromotionRedemptionsTable {
  order_id: string;
  promotion_id: string;
  version: number;
  /** Null for a guest: guests do not count toward per-customer limits. */
  customer_id: string | null;
  spent: number;
  created_at: number;
  reverted_at: number | null;
}

export interface PolicyVersionsTable {
  version: number;
  /** JSON: the policy document as validated. */
  document: string;
  created_at: number;
}

export interface PromotionsTables {
  promotions: PromotionsTable;
  promotion_versions: PromotionVersionsTable;
  promotion_codes: PromotionCodesTable;
  promotion_usage: PromotionUsageTable;
  promotion_customer_usage: PromotionCustomerUsageTable;
  promotion_redemptions: PromotionRedemptionsTable;
  policy_versions: PolicyVersionsTable;
}
