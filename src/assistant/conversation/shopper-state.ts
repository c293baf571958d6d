/** What the shopper's screen shows besides the words: their cart (with its token) and who they are. */
import type { Logger } from '../../core/index.js';
import type { ToolServices } from '../tools/index.js';
import type { SessionStatus, ShopperState } from './types.js';

export interface StateSource {
  readonly status: SessionStatus;
  readonly customerId: string | null;
  readonly customerVerified: boolean;
  readonly cartId: string | null;
  readonly cartToken: string | null;
}

export async function shopperState(
  services: Pick<ToolServices, 'cart' | 'customers'>,
  logger: Logger,
  source: StateSource,
): Promise<ShopperState> {
  return {
    cart: await cartState(services, logger, source),
    shopper:
      source.customerId === null
        ? null
        : {
            customerId: source.customerId,
            verified: source.customerVerified,
            // An unproven shopper (email only) is not greeted by the account's name.
            name: source.customerVerified
              ? ((await services.customers.find(source.customerId))?.name ?? null)
              : null,
          },
    status: source.status,
  };
}

/** The session's cart while it can still be shopped; null once it was paid or merged away. */
export async function openCartOf(
  services: Pick<ToolServices, 'cart'>,
  cartId: string | null,
): Promise<string | null> {
  if (cartId === null) return null;
  try {
    return (await services.cart.getCart(cartId)).cart.status === 'open' ? cartId : null;
  } catch {
    return null;
  }
}

async function cartState(
  services: Pick<ToolServices, 'cart'>,
  logger: Logger,
  source: StateSource,
): Promise<ShopperState['cart']> {
  if (source.cartId === null || source.cartToken === null) return null;
  try {
    const { cart, quote } = await services.cart.getCart(source.cartId);
    // A paid (or merged) cart is history: the screen starts the next one empty.
    if (cart.status !== 'open') return null;
    return {
      cartId: source.cartId,
      token: source.cartToken,
      itemCount: quote.lines.reduce((sum, line) => sum + line.quantity, 0),
      total: quote.total,
    };
  } catch (error) {
    // The cart may be gone (merged into the customer's); the conversation goes on without it.
    logger.warn({ err: error, cartId: source.cartId }, 'cart state unavailable');
    return null;
  }
}
