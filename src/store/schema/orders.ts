/**
 * Orders tables (migration 0006). Money columns are integer minor units in the order's
 * `currency`; JSON columns are text; timestamps are epoch milliseconds.
 */

export interface OrdersTable {
  id: string;
  /** The merchant's order number ("A1001", or an imported store's own); unique. */
  number: string;
  /** The checkout that created it; unique, so a checkout makes one order at most. */
  checkout_id: string | null;
  customer_id: string | null;
  customer_tier: string | null;
  email: string;
  currency: string;
  status: string;
  channel: string;
  /** JSON: PostalAddress | null. */
  shipping_address: string | null;
  billing_address: string | null;
  /** JSON: the shipping option, fee and discount as sold. */
  shipping: string;
  /** JSON: subtotal, discount, shipping, tax, total as sold. */
  totals: string;
  /** JSON: promotions applied at checkout. */
  promotions: string;
  /** JSON: carrier, tracking number and the processed/shipped/delivered times. */
  fulfilment: string;
  /** 1 when line prices include tax (so a refund of a line never adds its tax again). */
  tax_included: number;
  reservation_id: string | null;
  /** Bumped by every change; a change commits only against the version it was planned on. */
  version: number;
  placed_at: number;
  updated_at: number;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  position: number;
  variant_id: string;
  product_id: string;
  sku: string | null;
  title: string;
  /** JSON: string[]. */
  option_values: string;
  unit_price: number;
  /** JSON: LineDiscount[]. */
  discounts: string;
  total: number;
  tax: number;
  /** JSON: string[]. */
  category_path: string;
  /** JSON: product tags at purchase. */
  tags: string;
  ordered: number;
  cancelled: number;
  fulfilled: number;
  delivered: number;
  returned: number;
  exchanged: number;
  /** Units in an open return or exchange request. */
  requested: number;
  /** The line this one replaced (a swap or an exchange). */
  replaces: string | null;
}

/** The payment history: tenders that paid, and every refund, void and capture against them. */
export interface OrderTransactionsTable {
  id: string;
  order_id: string;
  type: 'payment' | 'refund' | 'void' | 'capture';
  method: 'card' | 'wallet' | 'gift_card' | 'store_credit';
  provider: string;
  /** Provider payment or refund id, ledger reference, or the masked code of an issued gift card. */
  reference: string | null;
  label: string;
  amount: number;
  /** Payments: what has been refunded or released from them so far. */
  refunded: number;
  status: string;
  /** Refunds, voids and captures: the payment they act on. */
  tender_id: string | null;
  operation_id: string | null;
  idempotency_key: string | null;
  created_at: number;
  updated_at: number;
}

export interface OrderEventsTable {
  id: string;
  order_id: string;
  sequence: number;
  type: string;
  actor: string;
  reason: string | null;
  /** JSON. */
  data: string;
  created_at: number;
}

/** Return and exchange requests, from request to settlement. */
export interface OrderRequestsTable {
  id: string;
  order_id: string;
  kind: 'return' | 'exchange';
  status: 'requested' | 'completed';
  /** JSON: the request as planned (lines, amounts, refund method, holds). */
  data: string;
  created_at: number;
  updated_at: number;
}

/** One row: the last generated order number. */
export interface OrderNumberSequenceTable {
  name: string;
  value: number;
}

export interface OrdersTables {
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_transactions: OrderTransactionsTable;
  order_events: OrderEventsTable;
  order_requests: OrderRequestsTable;
  order_number_sequence: OrderNumberSequenceTable;
}
