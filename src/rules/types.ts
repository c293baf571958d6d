/**
 * The typed world the engine reasons about. Every amount is an integer of minor units of the
 * context's currency; every instant is epoch milliseconds taken from the caller, never the wall.
 */

export type Locale = 'en' | 'zh-TW';

/** A message in every locale the assistant answers in. */
export type LocalizedMessage = Readonly<Record<Locale, string>>;

export interface CustomerFacts {
  readonly id: string;
  readonly segment?: string;
  readonly tier?: string;
  readonly tags?: readonly string[];
  /** True when the shopper has never completed an order. */
  readonly firstOrder?: boolean;
  readonly country?: string;
  readonly orderCount?: number;
}

export interface CartLineFacts {
  /** Unique within the cart; results are keyed by it. */
  readonly id: string;
  readonly productId: string;
  readonly variantId: string;
  readonly quantity: number;
  /** Minor units per unit. */
  readonly unitPrice: number;
  readonly categoryPath?: readonly string[];
  readonly brand?: string | null;
  readonly tags?: readonly string[];
  readonly optionValues?: readonly string[];
  readonly weightGrams?: number | null;
  /** Minor units per unit; with the minimum margin it sets the line's floor. */
  readonly cost?: number | null;
  /** An explicit floor or minimum advertised price per unit. */
  readonly floorPrice?: number | null;
}

/** What has been recorded for a promotion so far; the cart enforces it again under lock. */
export interface UsageCounters {
  readonly uses: number;
  /** Minor units granted so far. */
  readonly spent: number;
  /** Uses by the customer of this context. */
  readonly customerUses: number;
}

export interface Destination {
  readonly country: string;
  readonly postalCode?: string;
}

export interface PricingContext {
  readonly currency: string;
  /** Epoch milliseconds, injected. */
  readonly now: number;
  readonly customer?: CustomerFacts;
  readonly lines: readonly CartLineFacts[];
  readonly channel?: string;
  /** Codes the shopper entered, as typed. */
  readonly coupons?: readonly string[];
  /** Experiment key → assigned variant. */
  readonly experiments?: Readonly<Record<string, string>>;
  /** Promotion id → counters. Missing means nothing recorded yet. */
  readonly usage?: Readonly<Record<string, UsageCounters>>;
  readonly destination?: Destination;
  /** The shipping option the shopper picked; the cheapest available one otherwise. */
  readonly shippingOptionId?: string;
}
