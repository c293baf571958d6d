import { createContext, useContext } from 'react';
import type { CartsClient } from '../api/carts.js';
import type { Conversation } from '../chat/use-conversation.js';
import type { WidgetConfig } from '../embed/config.js';

/** What any part of the panel may do: talk, open the cart or the checkout, resolve server URLs. */
export interface WidgetActions {
  readonly config: WidgetConfig;
  readonly conversation: Conversation;
  readonly carts: CartsClient;
  openCart(): void;
  openCheckout(): void;
  /** Server paths such as `/demo/images/x.svg` made absolute against the API's origin. */
  resolveUrl(url: string): string;
}

export const WidgetContext = createContext<WidgetActions | null>(null);

export function useWidget(): WidgetActions {
  const value = useContext(WidgetContext);
  if (value === null) throw new Error('useWidget outside the widget');
  return value;
}
