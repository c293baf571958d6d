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
  readonly channel: string;
  /** Epoch milliseconds of the turn; defaults to the services' clock when absent. */
  readonly now?: number;
}

export type Card =
  | {
      readonly type: 'products';
      readonly items: readonly {
        readonly productId: string;
        readonly title: string;
        readonly price: Money;
        readonly imageUrl: string | null;
      }[];
    }
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
