/**
 * Customer tables (migration 0005). Personal fields (name, email, phone, addresses) hold what the
 * customers module's personal-data codec wrote, never read raw elsewhere; the `*_key` columns are
 * the codec's deterministic lookup keys. Booleans are 0/1; JSON columns are text; timestamps are
 * epoch milliseconds.
 */
export interface CustomersTable {
  id: string;
  /** The merchant's own customer id; unique when present. */
  external_id: string | null;
  /** Sealed by the personal-data codec. */
  name: string;
  /** Lookup key of the name (name + postal code identifies a chat shopper). */
  name_key: string;
  /** Sealed by the personal-data codec. */
  email: string | null;
  /** Lookup key of the email; unique, so emails are unique case-insensitively. */
  email_key: string | null;
  /** Sealed by the personal-data codec. */
  phone: string | null;
  tier: string | null;
  segment: string | null;
  /** JSON: string[]. */
  tags: string;
  locale: string | null;
  marketing_consent: number;
  created_at: number;
  updated_at: number;
}

export interface CustomerAddressesTable {
  id: string;
  customer_id: string;
  /** Sealed by the personal-data codec: JSON of the postal address. */
  address: string;
  /** Lookup key of the postal code. */
  postal_key: string;
  /** ISO 3166-1 alpha-2; kept open for rules (shipping zones) without unsealing the address. */
  country: string;
  label: string | null;
  default_shipping: number;
  default_billing: number;
  position: number;
  created_at: number;
  updated_at: number;
}

/** A reference to a payment method held by the provider; never a card number. */
export interface CustomerPaymentMethodsTable {
  id: string;
  customer_id: string;
  provider: string;
  /** The provider's token (`pm_...`); unique per provider. */
  token: string;
  kind: 'card' | 'wallet';
  brand: string;
  last4: string | null;
  exp_month: number | null;
  exp_year: number | null;
  is_default: number;
  created_at: number;
  updated_at: number;
}

/** A gift card (a payments stored-value account) that belongs to a customer. */
export interface CustomerGiftCardsTable {
  customer_id: string;
  account_id: string;
  /** The masked code, as payments shows it. */
  label: string;
  currency: string;
  created_at: number;
}

/**
 * Balances brought in by imports (gift cards and store credit), so a re-import moves only the
 * difference instead of adding the whole balance again.
 */
export interface CustomerImportedBalancesTable {
  customer_id: string;
  /** `gift_card:<account id>` or `store_credit:<currency>`. */
  balance_key: string;
  amount: number;
  updated_at: number;
}

/** Orders written by imports, by the merchant's own order number. */
export interface CustomerImportedOrdersTable {
  number: string;
  customer_id: string;
  order_id: string;
  created_at: number;
}

export interface CustomersTables {
  customers: CustomersTable;
  customer_addresses: CustomerAddressesTable;
  customer_payment_methods: CustomerPaymentMethodsTable;
  customer_gift_cards: CustomerGiftCardsTable;
  customer_imported_balances: CustomerImportedBalancesTable;
  customer_imported_orders: CustomerImportedOrdersTable;
}
