/** The cart API, used with the cart token the conversation hands the widget in `state.cart`. */
import { requestJson } from './http.js';
import type { CartView, Checkout, CheckoutOutcome, PostalAddress } from './types.js';

export interface CartAccess {
  readonly cartId: string;
  readonly token: string;
}

export interface CompleteInput {
  readonly paymentToken: string;
  readonly idempotencyKey: string;
  readonly expectedTotal?: number;
}

export class CartsClient {
  constructor(private readonly apiBase: string) {}

  private call<T>(
    cart: CartAccess,
    path: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' = 'GET',
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    return requestJson<T>(`${this.apiBase}/v1/carts/${encodeURIComponent(cart.cartId)}${path}`, {
      method,
      headers: { 'x-cart-token': cart.token, ...headers },
      ...(body !== undefined && { body }),
    });
  }

  get(cart: CartAccess): Promise<CartView> {
    return this.call(cart, '');
  }

  setQuantity(cart: CartAccess, lineId: string, quantity: number): Promise<CartView> {
    return this.call(cart, `/lines/${encodeURIComponent(lineId)}`, 'PATCH', { quantity });
  }

  addLine(cart: CartAccess, variantId: string, quantity: number): Promise<CartView> {
    return this.call(cart, '/lines', 'POST', { variantId, quantity });
  }

  applyCoupon(cart: CartAccess, code: string): Promise<CartView> {
    return this.call(cart, '/coupons', 'POST', { code });
  }

  removeCoupon(cart: CartAccess, code: string): Promise<CartView> {
    return this.call(cart, `/coupons/${encodeURIComponent(code)}`, 'DELETE');
  }

  setEmail(cart: CartAccess, email: string): Promise<CartView> {
    return this.call(cart, '', 'PATCH', { email });
  }

  setShipping(
    cart: CartAccess,
    shipping: { address?: PostalAddress | null; optionId?: string | null },
  ): Promise<CartView> {
    return this.call(cart, '/shipping', 'PUT', shipping);
  }

  startCheckout(cart: CartAccess): Promise<Checkout> {
    return this.call(cart, '/checkout', 'POST');
  }

  complete(cart: CartAccess, input: CompleteInput): Promise<CheckoutOutcome> {
    return this.call(
      cart,
      '/checkout/complete',
      'POST',
      {
        paymentToken: input.paymentToken,
        ...(input.expectedTotal !== undefined && { expectedTotal: input.expectedTotal }),
      },
      { 'idempotency-key': input.idempotencyKey },
    );
  }
}
