/**
 * Cart and checkout tables (migration 0007). Amounts are minor units of the cart's currency;
 * timestamps are epoch milliseconds; JSON columns are text.
 */

export interface CartsTable {
  id: string;
  /** SHA-256 of the shopper's cart token, hex; the token itself is never stored. */
  token_hash: string;
  customer_id: string | null;
  currency: string;
  status: 'open' | 'completed' | 'merged';
  email: string | null;
  notes: string | null;
  /** JSON PostalAddress. */
  shipping_address: string | null;
  shipping_option_id: string | null;
  /** JSON string[]: codes as entered, upper-cased, in the order applied. */
  coupons: string;
  /** The checkout holding stock for this cart, while there is one. */
  checkout_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface CartLinesTable {
  id: string;
  cart_id: string;
  variant_id: string;
  quantity: number;
  /** Unit price when the line was added, to tell the shopper when it changed. */
  price_when_added: number;
  created_at: number;
  updated_at: number;
}

export type CheckoutStatus =
  | 'open'
  | 'processing'
  | 'requires_action'
  | 'declined'
  | 'completed'
  | 'failed'
  | 'abandoned';

export interface CheckoutsTable {
  id: string;
  cart_id: string;
  status: CheckoutStatus;
  reservation_id: string;
  /** JSON Quote frozen when checkout started (or re-confirmed at a new price). */
  quote: string;
  currency: string;
  total: number;
  /** When the stock holds lapse. */
  expires_at: number;
  /** The Idempotency-Key of the attempt that runs or ran last. */
  attempt_key: string | null;
  /** Which process runs the attempt, and until when it may before another takes over. */
  lease_owner: string | null;
  lease_until: number | null;
  order_id: string | null;
  order_number: string | null;
  created_at: number;
  updated_at: number;
}

export type CheckoutAttemptStatus =
  | 'processing'
  | 'requires_action'
  | 'declined'
  | 'completed'
  | 'failed'
  | 'superseded';

export interface CheckoutAttemptsTable {
  checkout_id: string;
  idempotency_key: string;
  status: CheckoutAttemptStatus;
  /** JSON Tender[]. */
  tenders: string;
  expected_total: number | null;
  /** JSON outcome answered to every retry with the same key once settled. */
  result: string | null;
  created_at: number;
  updated_at: number;
}

export interface CheckoutStepsTable {
  checkout_id: string;
  idempotency_key: string;
  step: string;
  /** `started` is written before the side effect and `done` after it. */
  state: 'started' | 'done' | 'compensated';
  /** JSON result of the side effect, read back when the saga resumes. */
  data: string | null;
  updated_at: number;
}

export interface CartTables {
  carts: CartsTable;
  cart_lines: CartLinesTable;
  checkouts: CheckoutsTable;
  checkout_attempts: CheckoutAttemptsTable;
  checkout_steps: CheckoutStepsTable;
}
