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

async function cartState(
  services: Pick<ToolServices, 'cart'>,
  logger: Logger,
  source: StateSource,
): Promise<ShopperState['cart']> {
  if (source.cartId === null || source.cartToken === null) return null;
  try {
    const { quote } = await services.cart.getCart(source.cartId);
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
