/** Reading and writing carts and their lines. */
import { NotFoundError } from '../core/index.js';
import type { PostalAddress } from '../orders/types.js';
import type { Executor } from '../store/index.js';
import type { CartsTable } from '../store/schema/carts.js';
import type { Cart } from './types.js';

export async function readCartRow(executor: Executor, cartId: string): Promise<CartsTable> {
  const row = await executor.selectFrom('carts').selectAll().where('id', '=', cartId).executeTakeFirst();
  if (row === undefined) throw new NotFoundError('cart', cartId, 'cart_not_found');
  return row;
}

export async function readCart(executor: Executor, cartId: string): Promise<Cart> {
  const row = await readCartRow(executor, cartId);
  const lines = await executor
    .selectFrom('cart_lines')
    .select(['id', 'variant_id', 'quantity'])
    .where('cart_id', '=', cartId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    customerId: row.customer_id,
    currency: row.currency,
    status: row.status,
    email: row.email,
    notes: row.notes,
    shippingAddress:
      row.shipping_address === null ? null : (JSON.parse(row.shipping_address) as PostalAddress),
    shippingOptionId: row.shipping_option_id,
    coupons: JSON.parse(row.coupons) as string[],
    lines: lines.map((line) => ({ id: line.id, variantId: line.variant_id, quantity: line.quantity })),
    checkoutId: row.checkout_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Unit prices remembered when each line was added, by line id. */
export async function pricesWhenAdded(executor: Executor, cartId: string): Promise<Map<string, number>> {
  const rows = await executor
    .selectFrom('cart_lines')
    .select(['id', 'price_when_added'])
    .where('cart_id', '=', cartId)
    .execute();
  return new Map(rows.map((row) => [row.id, row.price_when_added]));
}
