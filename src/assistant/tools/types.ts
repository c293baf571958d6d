/**
 * The tools layer's shapes: the session a tool acts for, what a tool is, and what it returns.
 * Brains never reach commerce except through a tool; a tool's output is what the model reads,
 * its facts are what the grounding guard checks the reply against, its cards are what the UI draws.
 */
import type { z } from 'zod';
import type { Money } from '../../core/index.js';
import type { AppServices } from '../../server/services.js';
import type { Fact } from '../facts/index.js';

export type ToolServices = Pick<
  AppServices,
  'catalog' | 'search' | 'inventory' | 'promotions' | 'orders' | 'customers' | 'cart' | 'clock'
>;

export interface Shopper {
  customerId: string | null;
  /** True once the shopper proved who they are (signed token or name + postal code). */
  verified: boolean;
}

/**
 * One conversation. Tools update `cartId` (the first cart_add creates the cart) and `shopper`
 * (identify_shopper) in place, so later calls of the same turn see the change.
 */
export interface ToolContext {
  readonly sessionId: string;
  readonly locale: string;
  readonly currency: string;
  shopper: Shopper;
  cartId: string | null;
  /** The cart's own token, handed to the shopper's screen so it can run checkout on the cart API. */
  cartToken: string | null;
  readonly channel: string;
  /** Epoch milliseconds of the turn; defaults to the services' clock when absent. */
  readonly now?: number;
}

/** One product as the shopper's screen draws it; every figure on it comes from the services. */
export interface ProductCardItem {
  readonly productId: string;
  readonly title: string;
  readonly brand: string | null;
  /** The lowest price among the variants shown. */
  readonly price: Money;
  /** The "was" price when the merchant set one above `price`. */
  readonly compareAtPrice: Money | null;
  readonly imageUrl: string | null;
  /** Promotion labels that apply to this product as it stands ("10% off hiking"). */
  readonly badges: readonly string[];
  readonly stock: {
    readonly status: 'in_stock' | 'low_stock' | 'out_of_stock';
    /** Units available to sell online, summed over locations. */
    readonly available: number;
    /** Locations where it can be picked up today, by name. */
    readonly pickupToday: readonly string[];
  };
  /** Option names and their values, in the catalog's order: what the size and colour pickers offer. */
  readonly options: readonly { readonly name: string; readonly values: readonly string[] }[];
  readonly variants: readonly {
    readonly variantId: string;
    readonly options: Readonly<Record<string, string>>;
    readonly price: Money;
    readonly available: number;
  }[];
  /** Why the assistant picked it, in the shopper's language ("waterproof, in your size"). */
  readonly reason?: string;
}

export type Card =
  | { readonly type: 'products'; readonly items: readonly ProductCardItem[] }
  | { readonly type: 'cart'; readonly cartId: string; readonly total: Money; readonly itemCount: number }
  | {
      readonly type: 'checkout';
      readonly cartId: string;
      /** Null until the form has collected what checkout still needs. */
      readonly checkoutId: string | null;
      readonly total: Money;
      readonly expiresAt: number | null;
      readonly missing: readonly ('email' | 'shippingAddress')[];
    }
  | {
      readonly type: 'payment-challenge';
      readonly checkoutId: string;
      readonly url: string | null;
      readonly clientSecret: string | null;
    }
  | {
      readonly type: 'confirmation';
      readonly tool: string;
      readonly confirmationId: string;
      readonly summary: string;
    }
  | { readonly type: 'order'; readonly orderId: string; readonly number: string; readonly status: string };

export interface ToolResult {
  /** What the model reads: JSON-safe and short. */
  readonly output: unknown;
  readonly facts: readonly Fact[];
  readonly cards?: readonly Card[];
}

export interface Tool<Schema extends z.ZodType = z.ZodType> {
  readonly name: string;
  /** Written for a language model choosing a tool. */
  readonly description: string;
  readonly input: Schema;
  /** Moves money or changes an order: runs only after a confirmed preview. */
  readonly consequential: boolean;
  run(input: z.output<Schema>, context: ToolContext): Promise<ToolResult>;
}

export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: z.ZodType;
}

/** Where a request for a person goes; the merchant's helpdesk or staff inbox. */
export interface HandoffPort {
  /** May answer a ticket reference the shopper can quote. */
  request(sessionId: string, reason: string): Promise<unknown>;
}
