/**
 * The rules brain's shapes: what it remembers between turns (the dialogue state), what one turn
 * hands it, and what it answers. It reads the shopper through `nlu/`, acts only through tools,
 * and words its replies from templates in the shopper's language.
 */

import type { HandoffReason, Reply } from '../conversation/types.js';
import type { CatalogTerm, Language, PriceConstraint, Understanding } from '../nlu/index.js';
import type { ProductCardItem, ToolContext, ToolResult } from '../tools/index.js';

/** What the shopper is looking for, built up over turns. */
export interface ShopperNeed {
  /** Free words that are not catalog terms ("for my dad"), passed to search as the query. */
  readonly query: string;
  readonly terms: readonly CatalogTerm[];
  readonly price: PriceConstraint | null;
  readonly size: string | null;
  /** Option names the brain already asked about, so it never asks twice. */
  readonly asked: readonly string[];
  /** Questions asked for this need (at most a few, and the shopper may skip them). */
  readonly questions: number;
  /** The shopper's own words for a term, by `termKey`: "防水" for the tag waterproof. */
  readonly said?: Readonly<Record<string, string>>;
}

/** A product the shopper has seen, in the order shown: what "the second one" and "第二個" point at. */
export interface ShownProduct {
  readonly productId: string;
  readonly title: string;
  readonly price: ProductCardItem['price'];
  /** Variant picked for it so far (size chosen), if any. */
  readonly variantId: string | null;
  /** What "the blue one" and "Nordkamm 那雙" are matched against; absent on products noted without them. */
  readonly brand?: string | null;
  readonly options?: ProductCardItem['options'];
}

/** A consequential action previewed and waiting for the shopper's yes. */
export interface PendingConfirmation {
  readonly tool: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly confirmationId: string;
}

/** What the brain asked last, so a short answer ("42", "yes", "skip") reads right. */
export type Awaiting =
  | { readonly kind: 'none' }
  /** `option` is the asked field's key: "option:Color", "attribute:Material", "brand" or "productType". */
  | { readonly kind: 'question'; readonly option: string; readonly values: readonly string[] }
  | { readonly kind: 'confirmation' }
  | { readonly kind: 'identity'; readonly then: string | null }
  /** Which item of an order a return or exchange is for; `request` is the intent and order number. */
  | { readonly kind: 'order-item'; readonly request: string }
  | {
      readonly kind: 'variant';
      readonly productId: string;
      readonly option: string;
      readonly quantity: number;
      /** Option values the shopper already picked for this add ("S" before "which pack?"). */
      readonly chosen?: Readonly<Record<string, string>>;
    };

/** Persisted with the session as JSON between turns. */
export interface DialogueState {
  readonly need: ShopperNeed | null;
  readonly shown: readonly ShownProduct[];
  /** The product under discussion ("it", "這個"). */
  readonly focus: string | null;
  readonly pending: PendingConfirmation | null;
  readonly awaiting: Awaiting;
  /** Turns in a row the brain could not help with; handoff after a few. */
  readonly misses: number;
  readonly lastIntent: string | null;
}

/** Runs a tool for this turn's shopper; the call, its facts and cards are recorded by the caller. Throws ToolError. */
export type RunTool = (name: string, input: Record<string, unknown>) => Promise<ToolResult>;

export interface RulesTurn {
  readonly text: string;
  readonly understanding: Understanding;
  readonly language: Language;
  readonly dialogue: DialogueState;
  /** Read-only view of who the shopper is and their cart (tools update it). */
  readonly context: Readonly<ToolContext>;
  readonly runTool: RunTool;
}

export interface RulesReply {
  readonly reply: Reply;
  readonly dialogue: DialogueState;
  /** Set when the session should go to a person now. */
  readonly handoff?: { readonly reason: HandoffReason; readonly note: string };
}

/** One intent family's handler. */
export type IntentHandler = (turn: RulesTurn) => Promise<RulesReply>;
