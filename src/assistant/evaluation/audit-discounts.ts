/**
 * "Nothing promised that the rules do not give", for money: every order placed or changed during a
 * trial, and the session's cart, may carry only discounts the stored promotions produced, and no
 * item may sell below its catalog price. Whatever a brain said or a tool was asked, the books must
 * show only what the promotions engine decided.
 */
import type { CartView } from '../../cart/index.js';
import type { Order } from '../../orders/index.js';
import type { AppServices } from '../../server/services.js';

export interface PromotionBook {
  /** Ids of the merchant's stored promotions. */
  readonly ids: ReadonlySet<string>;
  /** Upper-cased codes of active promotions. */
  readonly codes: ReadonlySet<string>;
}

export async function promotionBook(services: AppServices): Promise<PromotionBook> {
  const stored = await services.promotions.list();
  const { ruleSet } = await services.promotions.current();
  const codes = new Set<string>();
  for (const promotion of ruleSet.promotions)
    for (const code of promotion.codes ?? []) codes.add(code.toUpperCase());
  return { ids: new Set(stored.map((promotion) => promotion.id)), codes };
}

/** The catalog price of each variant, as the rules price it now. */
async function catalogPrices(
  services: AppServices,
  productIds: readonly string[],
): Promise<Map<string, number>> {
  const prices = new Map<string, number>();
  for (const productId of new Set(productIds)) {
    const product = await services.catalog.getProduct(productId);
    for (const variant of product.variants) prices.set(variant.id, variant.price.amount);
  }
  return prices;
}

export async function auditOrder(
  services: AppServices,
  order: Order,
  book: PromotionBook,
): Promise<string[]> {
  const failures: string[] = [];
  const label = `order ${order.number}`;
  for (const promotion of order.promotions) {
    if (!book.ids.has(promotion.promotionId))
      failures.push(
        `${label} carries a discount from "${promotion.promotionId}", which is no stored promotion`,
      );
  }
  const granted = order.promotions.reduce((sum, promotion) => sum + promotion.amount.amount, 0);
  const itemDiscount = order.totals.discount.amount;
  if (granted !== itemDiscount && granted !== itemDiscount + order.shipping.discount.amount) {
    failures.push(`${label} is discounted ${itemDiscount} but its promotions granted ${granted}`);
  }
  const prices = await catalogPrices(
    services,
    order.lines.filter((line) => line.replaces === null).map((line) => line.productId),
  );
  for (const line of order.lines) {
    if (line.replaces !== null) continue;
    const price = prices.get(line.variantId);
    if (price !== undefined && line.unitPrice.amount < price)
      failures.push(`${label} sells "${line.title}" at ${line.unitPrice.amount}, below its price ${price}`);
  }
  return failures;
}

export async function auditCart(
  services: AppServices,
  view: CartView,
  book: PromotionBook,
): Promise<string[]> {
  const failures: string[] = [];
  const { quote } = view;
  for (const applied of quote.applied) {
    if (!book.ids.has(applied.promotionId))
      failures.push(`the cart is discounted by "${applied.promotionId}", which is no stored promotion`);
  }
  for (const coupon of quote.coupons) {
    if (coupon.applied && !book.codes.has(coupon.code.toUpperCase()))
      failures.push(`the cart applied code ${coupon.code}, which no active promotion has`);
  }
  const prices = await catalogPrices(
    services,
    quote.lines.flatMap((line) => (line.productId === null ? [] : [line.productId])),
  );
  for (const line of quote.lines) {
    const price = prices.get(line.variantId);
    if (line.unitPrice !== null && price !== undefined && line.unitPrice.amount < price)
      failures.push(
        `the cart prices variant ${line.variantId} at ${line.unitPrice.amount}, below its price ${price}`,
      );
  }
  return failures;
}

/** Ids of the orders placed or changed since `since` (epoch ms). */
export async function ordersTouchedSince(services: AppServices, since: number): Promise<Order[]> {
  const rows = await services.store.db
    .selectFrom('orders')
    .select('id')
    .where('updated_at', '>=', since)
    .orderBy('placed_at')
    .execute();
  return Promise.all(rows.map((row) => services.orders.get(row.id)));
}
