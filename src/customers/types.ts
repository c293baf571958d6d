/**
 * Customers as the rest of Aisle sees them. Personal fields arrive here already opened by the
 * personal-data codec; nothing outside `customer-rows.ts` reads their stored form.
 */
import type { Money } from '../core/index.js';
import type { NewOrder, PostalAddress } from '../orders/types.js';
import type { Executor } from '../store/index.js';

export type { PostalAddress };

export interface CustomerAddress extends PostalAddress {
  readonly id: string;
  /** The merchant's or shopper's name for it ("home", "office"). */
  readonly label: string | null;
  readonly defaultShipping: boolean;
  readonly defaultBilling: boolean;
}

/** A reference to a payment method the provider holds; Aisle never sees the card number. */
export interface SavedPaymentMethod {
  readonly id: string;
  /** 'sandbox', 'stripe', or the provider the merchant migrated from. */
  readonly provider: string;
  /** The provider's token (`pm_card_visa`, `pm_wallet_paypal`, `pm_1Q...`). */
  readonly token: string;
  readonly kind: 'card' | 'wallet';
  /** 'visa', 'mastercard' for cards; 'paypal' for a wallet. */
  readonly brand: string;
  readonly last4: string | null;
  readonly expMonth: number | null;
  readonly expYear: number | null;
  /** What a person may see: "Visa •••• 4242 (12/28)", "PayPal". */
  readonly label: string;
  readonly isDefault: boolean;
}

export interface Customer {
  readonly id: string;
  /** The merchant's own customer id. */
  readonly externalId: string | null;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  /** Loyalty tier ('member', 'vip'). */
  readonly tier: string | null;
  /** Marketing segment ('wholesale', 'staff'). */
  readonly segment: string | null;
  readonly tags: readonly string[];
  readonly locale: string | null;
  readonly marketingConsent: boolean;
  readonly addresses: readonly CustomerAddress[];
  readonly paymentMethods: readonly SavedPaymentMethod[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface CustomerGiftCard {
  readonly accountId: string;
  /** The masked code. */
  readonly label: string;
  readonly balance: Money;
  readonly expiresAt: number | null;
}

/** An order as the order history lists it; the orders module owns the full shape. */
export interface CustomerOrderSummary {
  readonly id: string;
  readonly status: string;
}

/** Order history comes from the orders module through this port. */
export interface CustomerOrdersPort {
  listByCustomer(
    customerId: string,
    options?: { readonly limit?: number },
  ): Promise<readonly CustomerOrderSummary[]>;
}

/** Imports write past orders through the orders module. */
export interface OrderImporterPort {
  create(input: NewOrder, executor?: Executor): Promise<{ readonly id: string }>;
}

/** Imports resolve order lines by the merchant's SKU. */
export interface ImportCatalogPort {
  findVariantBySku(sku: string): Promise<{
    readonly product: {
      readonly id: string;
      readonly title: Readonly<Record<string, string>>;
      readonly categoryPath: readonly string[];
      readonly tags: readonly string[];
    };
    readonly variant: {
      readonly id: string;
      readonly sku: string | null;
      readonly optionValues: readonly string[];
    };
  } | null>;
}
