/**
 * Facts: what the tools returned, typed. The grounding guard checks every claim of a drafted
 * reply against these and nothing else, so each fact carries the values a shopper may be told
 * (prices, counts, codes, dates, days) in the form the commerce modules decided them.
 */
import type { Money } from '../../core/index.js';

/** Text in one or more locales: `{ en: 'Rain jacket', 'zh-TW': '防水外套' }`. */
export type LocalizedText = Readonly<Record<string, string>>;

export interface VariantFact {
  readonly variantId: string;
  readonly sku: string | null;
  readonly optionValues: readonly string[];
  readonly price: Money;
  readonly compareAtPrice: Money | null;
}

export interface ProductFact {
  readonly kind: 'product';
  readonly productId: string;
  readonly title: LocalizedText;
  readonly brand: string | null;
  readonly categoryPath: readonly string[];
  readonly tags: readonly string[];
  readonly variants: readonly VariantFact[];
  /**
   * The merchant's description, kept as data: the guard never reads offers, codes or policies
   * out of it, whatever it says.
   */
  readonly description?: LocalizedText;
}

export interface PriceFact {
  readonly kind: 'price';
  readonly productId: string | null;
  readonly variantId: string;
  readonly price: Money;
  readonly compareAtPrice: Money | null;
}

export interface StockLocationFact {
  readonly locationId: string;
  readonly code: string;
  readonly name: LocalizedText;
  readonly available: number;
  readonly pickup: boolean;
}

export interface StockFact {
  readonly kind: 'stock';
  readonly variantId: string;
  readonly productId: string | null;
  readonly available: number;
  readonly lowStock: boolean;
  readonly locations: readonly StockLocationFact[];
}

export type PromotionStatus = 'applied' | 'rejected' | 'offered';

export interface PromotionFact {
  readonly kind: 'promotion';
  readonly promotionId: string | null;
  readonly name: string;
  /** Upper-cased codes that trigger the promotion. */
  readonly codes: readonly string[];
  /** Percent off the promotion's actions grant (20 for 20 % off); empty for fixed amounts. */
  readonly percents: readonly number[];
  /** Fixed amounts and thresholds the promotion's actions name. */
  readonly amounts: readonly Money[];
  /** What it granted in this quote, when applied. */
  readonly granted: Money | null;
  /** A short human summary of its conditions, for display only. */
  readonly conditions: string | null;
  readonly status: PromotionStatus;
  /** The rules engine's reason code when rejected (`min_subtotal_not_met`, `unknown_code`, ...). */
  readonly reasonCode: string | null;
  /** Grants free shipping (a shipping action of 100 %). */
  readonly freeShipping: boolean;
}

export interface QuoteLineFact {
  readonly lineId: string;
  readonly productId: string;
  readonly variantId: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly subtotal: Money;
  readonly discount: Money;
  readonly total: Money;
  /** The item's name as the cart shows it, when the quote came from a cart. */
  readonly title?: LocalizedText;
}

export interface QuoteFact {
  readonly kind: 'quote';
  readonly lines: readonly QuoteLineFact[];
  readonly subtotal: Money;
  readonly discount: Money;
  readonly shippingFee: Money;
  readonly shippingDiscount: Money;
  readonly shipping: Money;
  readonly tax: Money;
  readonly taxRatePercent: number;
  readonly taxInclusive: boolean;
  readonly total: Money;
}

export interface ShippingOptionFact {
  readonly kind: 'shipping-option';
  readonly optionId: string;
  readonly label: LocalizedText;
  readonly fee: Money;
  /** The fee before a free-over threshold waived it. */
  readonly standardFee: Money;
  readonly freeOver: Money | null;
  readonly minBusinessDays: number;
  readonly maxBusinessDays: number;
  /** Local calendar dates, YYYY-MM-DD. */
  readonly earliest: string;
  readonly latest: string;
  /** The option the quote used. */
  readonly selected: boolean;
}

export interface ReturnWindowFact {
  readonly ruleId: string | null;
  readonly categories: readonly string[] | null;
  readonly tags: readonly string[] | null;
  readonly tiers: readonly string[] | null;
  readonly days: number;
  readonly refundMethods: readonly string[];
}

export interface PolicyFact {
  readonly kind: 'policy';
  readonly defaultDays: number;
  /** The default first, then each rule; a window of 0 days is final sale. */
  readonly windows: readonly ReturnWindowFact[];
  readonly refundMethods: readonly string[];
  /** Order actions a shopper may request (`cancel`, `return`, ...). */
  readonly allowedActions: readonly string[];
  /** True only when the merchant's policy says returns cost the shopper nothing. */
  readonly freeReturns: boolean;
}

export interface OrderFact {
  readonly kind: 'order';
  readonly orderId: string;
  readonly number: string;
  readonly status: string;
  readonly subtotal: Money;
  readonly discount: Money;
  readonly shipping: Money;
  readonly tax: Money;
  readonly total: Money;
  /** Issued refunds, and those an open return or exchange will issue on receipt. */
  readonly refunds: readonly Money[];
  /** Titles of the items as sold: an order names products the catalog may no longer list. */
  readonly items: readonly string[];
}

export type Fact =
  | ProductFact
  | PriceFact
  | StockFact
  | PromotionFact
  | QuoteFact
  | ShippingOptionFact
  | PolicyFact
  | OrderFact;

export type FactKind = Fact['kind'];
