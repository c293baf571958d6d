/**
 * The wire shapes the widget reads, taken from the server's own types so a change there fails the
 * widget's type check instead of the shopper's screen.
 */
import type { Reply, ShopperState } from '../../../../src/assistant/conversation/types.js';

export type {
  Reply,
  SessionEvent,
  SessionStatus,
  ShopperState,
  Suggestion,
  TranscriptMessage,
  TurnEvent,
} from '../../../../src/assistant/conversation/types.js';
export type { Card, ProductCardItem } from '../../../../src/assistant/tools/types.js';
export type {
  CartMessage,
  CartView,
  Checkout,
  CheckoutOutcome,
  PostalAddress,
  Quote,
  QuoteLine,
  ShippingOptionView,
} from '../../../../src/cart/types.js';
export type { Money } from '../../../../src/core/money.js';

/** What `POST /v1/sessions` answers. */
export interface CreatedSession {
  readonly sessionId: string;
  readonly token: string;
  readonly greeting: Reply;
  readonly state: ShopperState;
}

/** The API's one error shape. */
export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}
