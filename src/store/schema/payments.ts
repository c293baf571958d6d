/**
 * Payments tables (migration 0004). Money columns are integer minor units in the row's
 * `currency`; JSON columns are text; timestamps are epoch milliseconds.
 */

/** A sandbox payment; the Stripe adapter keeps its state at Stripe, not here. */
export interface PaymentsTable {
  id: string;
  status: 'requires_action' | 'authorized' | 'declined' | 'captured' | 'voided' | 'refunded';
  currency: string;
  amount: number;
  captured_amount: number;
  refunded_amount: number;
  /** The test token the payment was made with (never a card number). */
  payment_method: string;
  decline_reason: string | null;
  /** The pending 3-D Secure challenge while status is requires_action. */
  challenge_id: string | null;
  /** 'pending' | 'approved' | 'failed' once the shopper acts on the challenge. */
  challenge_outcome: string | null;
  /** JSON: Record<string, string>. */
  metadata: string;
  created_at: number;
  updated_at: number;
}

export interface PaymentRefundsTable {
  id: string;
  payment_id: string;
  amount: number;
  created_at: number;
}

/** Webhook-like events; `sequence` orders the events of one payment. */
export interface PaymentEventsTable {
  id: string;
  payment_id: string;
  sequence: number;
  type: string;
  /** JSON: the payment as it stood after the change. */
  data: string;
  created_at: number;
}

/** Stored results of mutating calls, so a retried call returns what the first one did. */
export interface PaymentIdempotencyTable {
  scope: string;
  key: string;
  /** Hash of the operation and its parameters; a different hash under the same key is a conflict. */
  fingerprint: string;
  /** JSON: the result returned the first time. */
  result: string;
  created_at: number;
}

/** Gift cards and store credit: a balance in one currency. */
export interface StoredValueAccountsTable {
  id: string;
  kind: 'gift_card' | 'store_credit';
  /** Gift cards: SHA-256 of the normalized code (the code itself is never stored). Store credit: the customer id. */
  holder: string;
  /** What a person may see: the masked code, or the customer id. */
  label: string;
  currency: string;
  balance: number;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
}

/** Every change to a stored-value balance; the amounts of an account sum to its balance. */
export interface StoredValueLedgerTable {
  id: string;
  account_id: string;
  entry_type: 'issue' | 'debit' | 'credit' | 'refund' | 'reversal';
  /** Signed: debits are negative. */
  amount: number;
  balance_after: number;
  /** What the entry is for (a payment, an order, a refund of a debit). */
  reference: string | null;
  /** Unique when present: the same key never moves money twice. */
  idempotency_key: string | null;
  created_at: number;
}

export interface PaymentsTables {
  payments: PaymentsTable;
  payment_refunds: PaymentRefundsTable;
  payment_events: PaymentEventsTable;
  payment_idempotency: PaymentIdempotencyTable;
  stored_value_accounts: StoredValueAccountsTable;
  stored_value_ledger: StoredValueLedgerTable;
}
