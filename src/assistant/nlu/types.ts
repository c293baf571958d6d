/**
 * What the rules brain understands of one shopper message: an intent with its confidence and the
 * entities it mentions, each tied to the span of text it came from.
 */
import type { Money } from '../../core/index.js';

export const INTENTS = [
  'browse',
  'refine',
  'compare',
  'ask_attribute',
  'stock',
  'price_promotion',
  'add_to_cart',
  'remove_from_cart',
  'update_quantity',
  'view_cart',
  'checkout',
  'order_status',
  'cancel_order',
  'return_order',
  'exchange_order',
  'policy',
  'identify',
  'greeting',
  'thanks',
  'human',
  'affirm',
  'deny',
  'out_of_scope',
] as const;

export type Intent = (typeof INTENTS)[number];

export type Language = 'en' | 'zh-TW';

/** Where an entity was found: offsets into the original text, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type CatalogTermKind =
  | 'category'
  | 'productType'
  | 'brand'
  | 'option'
  | 'attribute'
  | 'tag'
  | 'product';

/** A term of the catalog's own vocabulary: "Color = Black", "brand Nordkamm", "category Footwear". */
export interface CatalogTerm {
  readonly kind: CatalogTermKind;
  /** The catalog's own spelling of the value. */
  readonly value: string;
  /** Option or attribute name for `option` and `attribute` terms. */
  readonly name?: string;
  /** For `product` terms: the products whose titles start with the name. */
  readonly productIds?: readonly string[];
}

export type PriceConstraint =
  | { readonly kind: 'range'; readonly min: Money | null; readonly max: Money | null }
  | { readonly kind: 'around'; readonly target: Money }
  | { readonly kind: 'relative'; readonly direction: 'cheaper' | 'pricier' };

export type Reference =
  | { readonly kind: 'ordinal'; readonly position: number }
  | { readonly kind: 'last' }
  | { readonly kind: 'this' }
  | { readonly kind: 'cheapest' | 'priciest' | 'cheaper' | 'pricier' }
  /** "the blue one", "藍色那件": the describing terms are separate catalog entities. */
  | { readonly kind: 'described' };

export type Entity = Span &
  (
    | ({ readonly type: 'catalog' } & CatalogTerm)
    | { readonly type: 'price'; readonly price: PriceConstraint }
    | { readonly type: 'quantity'; readonly value: number }
    | { readonly type: 'size'; readonly value: string }
    | { readonly type: 'reference'; readonly reference: Reference }
    | { readonly type: 'coupon'; readonly value: string }
    | { readonly type: 'order'; readonly value: string }
    | { readonly type: 'email'; readonly value: string }
    | { readonly type: 'postalCode'; readonly value: string }
    | { readonly type: 'name'; readonly value: string }
  );

export type EntityType = Entity['type'];

/** What the conversation already knows, which changes how a short reply reads. */
export interface ConversationState {
  /** The assistant's last turn asked a yes/no question ("Add it to your cart?"). */
  readonly awaitingConfirmation?: boolean;
  /** The assistant asked for name, email or postal code to find the shopper's orders. */
  readonly awaitingIdentity?: boolean;
  /** Products are on screen, so bare constraints refine them rather than start a new search. */
  readonly showingProducts?: boolean;
  readonly previousIntent?: Intent;
}

export interface IntentScore {
  readonly intent: Intent;
  readonly confidence: number;
}

export interface Understanding {
  readonly text: string;
  readonly language: Language;
  /** The text mixes both languages ("有 Nordkamm 的 hiking boots 嗎"). */
  readonly mixed: boolean;
  readonly intent: Intent;
  /** 0..1. */
  readonly confidence: number;
  readonly runnerUp: IntentScore | null;
  readonly entities: readonly Entity[];
}
