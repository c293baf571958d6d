/**
 * The shapes the console reads from the HTTP API (docs/api.md, /openapi.json). Written out here
 * rather than imported from the server's source: the browser bundle depends on the wire contract,
 * not on server modules.
 */

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export type LocalizedText = Readonly<Record<string, string>>;

export type SessionStatus = 'assistant' | 'waiting' | 'staff' | 'closed';

export type HandoffReason =
  | 'shopper_asked'
  | 'repeated_failure'
  | 'frustration'
  | 'outside_policy'
  | 'high_value_cart'
  | 'tool_requested';

export interface StaffMember {
  readonly name: string;
  readonly via: 'key' | 'cookie';
  readonly expiresAt: number | null;
}

export interface SessionSummary {
  readonly id: string;
  readonly status: SessionStatus;
  readonly locale: string;
  readonly channel: string;
  readonly customerId: string | null;
  readonly cartId: string | null;
  readonly handoffReason: HandoffReason | null;
  readonly handoffNote: string | null;
  readonly handoffAt: number | null;
  readonly staffName: string | null;
  readonly messageCount: number;
  readonly lastMessageAt: number;
  readonly createdAt: number;
}

/** A grounding-guard claim: what the draft said, and where. Other fields depend on its type. */
export interface Claim {
  readonly type: string;
  readonly text: string;
  readonly [field: string]: unknown;
}

export interface Intervention {
  readonly claim: Claim;
  readonly status: string;
  readonly reason: string;
  readonly action: 'replace' | 'remove-sentence' | 'fallback';
  readonly replacement?: string;
}

/** A typed fact a tool returned; `kind` names its shape (product, price, stock, promotion, ...). */
export interface Fact {
  readonly kind: string;
  readonly [field: string]: unknown;
}

export interface ToolCall {
  readonly name: string;
  readonly input: unknown;
  readonly ok: boolean;
  readonly error?: string;
  readonly facts: readonly Fact[];
}

export interface TurnTrace {
  readonly brain: 'rules' | 'llm' | 'fallback';
  readonly route: string;
  readonly intent: string | null;
  readonly confidence: number | null;
  readonly tools: readonly ToolCall[];
  readonly interventions: readonly Intervention[];
  readonly usage: {
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly costMicros?: number;
  } | null;
  readonly latencyMs: number;
}

export interface Card {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface TranscriptMessage {
  readonly id: string;
  readonly seq: number;
  readonly role: 'shopper' | 'assistant' | 'staff' | 'system';
  readonly text: string;
  readonly cards: readonly Card[];
  readonly suggestions: readonly { readonly label: string; readonly text: string }[];
  readonly trace?: TurnTrace;
  readonly author?: string;
  readonly createdAt: number;
}

export interface QuoteLine {
  readonly lineId: string;
  readonly variantId: string;
  readonly sku: string | null;
  readonly title: LocalizedText;
  readonly optionValues: readonly string[];
  readonly quantity: number;
  readonly unitPrice: Money | null;
  readonly subtotal: Money;
  readonly discounts: readonly { readonly name: string; readonly amount: Money }[];
  readonly total: Money;
  readonly available: boolean;
}

export interface Quote {
  readonly lines: readonly QuoteLine[];
  readonly subtotal: Money;
  readonly discount: Money;
  readonly shipping: { readonly total: Money };
  readonly tax: { readonly amount: Money; readonly inclusive: boolean };
  readonly total: Money;
  readonly applied: readonly { readonly name: string; readonly amount: Money }[];
}

export interface ShopperCart {
  readonly cart: { readonly id: string; readonly coupons: readonly string[]; readonly email: string | null };
  readonly quote: Quote;
}

export interface StaffTranscript {
  readonly session: SessionSummary;
  readonly messages: readonly TranscriptMessage[];
  readonly cart: ShopperCart | null;
}

/** What GET /v1/staff/events streams. */
export type SessionEvent =
  | { readonly type: 'message'; readonly sessionId: string; readonly message: TranscriptMessage }
  | {
      readonly type: 'status';
      readonly sessionId: string;
      readonly status: SessionStatus;
      readonly reason?: HandoffReason;
    };

export interface RoutingStats {
  readonly turns: { readonly rules: number; readonly llm: number; readonly fallback: number };
  readonly rulesShare: number;
  readonly llmTokens: { readonly input: number; readonly output: number };
  readonly tokensSaved: number;
  readonly tokensPerLlmTurn: { readonly value: number; readonly basis: 'measured' | 'estimate' };
}

export interface ProductVariant {
  readonly id: string;
  readonly sku: string | null;
  readonly title: string;
  readonly options: Readonly<Record<string, string>>;
  readonly price: Money;
  readonly compareAtPrice: Money | null;
}

export interface Product {
  readonly id: string;
  readonly handle: string;
  readonly status: 'active' | 'draft' | 'archived';
  readonly title: string;
  readonly brand: string | null;
  readonly categoryPath: readonly string[];
  readonly tags: readonly string[];
  readonly images: readonly { readonly url: string; readonly alt?: string }[];
  readonly priceRange: { readonly min: Money; readonly max: Money };
  readonly variants: readonly ProductVariant[];
  readonly updatedAt: string;
}

export interface ProductPage {
  readonly items: readonly Product[];
  readonly nextCursor: string | null;
}

export interface SearchHit {
  readonly productId: string;
  readonly title: string;
  readonly priceFrom: Money;
  readonly matchedVariantIds: readonly string[];
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  readonly total: number;
  readonly nextCursor: string | null;
}

export interface Location {
  readonly id: string;
  readonly code: string;
  readonly name: LocalizedText;
  readonly kind: 'store' | 'warehouse';
  readonly pickup: boolean;
  readonly active: boolean;
}

export interface StockLevel {
  readonly variantId: string;
  readonly locationId: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly safetyStock: number;
  readonly available: number;
}

export interface Availability {
  readonly variantId: string;
  readonly available: number;
  readonly inStock: boolean;
  readonly lowStock: boolean;
}

export interface StoredPromotion {
  readonly id: string;
  readonly version: number;
  readonly status: 'active' | 'draft' | 'archived';
  readonly name: string;
  readonly document: {
    readonly description?: string;
    readonly codes?: readonly string[];
    readonly startsAt?: string | number;
    readonly endsAt?: string | number;
    readonly actions?: readonly { readonly type: string; readonly [field: string]: unknown }[];
    readonly [field: string]: unknown;
  };
  readonly versionCreatedAt: string;
  readonly usage: { readonly uses: number; readonly spent: number };
}
