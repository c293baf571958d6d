/**
 * Places one planned order the way a shopper would: a cart, the lines, the coupon, shipping to
 * the customer's default address, then checkout. Prices, discounts, tax and shipping come from
 * the rules engine and the stock moves through a real reservation.
 */
import type { CartService } from '../../cart/index.js';
import { ConflictError } from '../../core/index.js';
import type { Customer } from '../../customers/index.js';
import type { PostalAddress } from '../../orders/index.js';
import type { DemoOrder } from './demo-orders.js';
import type { VariantFinder } from './demo-variants.js';

function shippingAddressOf(customer: Customer): PostalAddress | null {
  const address = customer.addresses.find((candidate) => candidate.defaultShipping) ?? customer.addresses[0];
  if (address === undefined) return null;
  const { id: _id, label: _label, defaultShipping: _shipping, defaultBilling: _billing, ...postal } = address;
  return postal;
}

export async function placeDemoOrder(
  cart: Pick<
    CartService,
    'createCart' | 'addLine' | 'applyCoupon' | 'setShipping' | 'startCheckout' | 'completeCheckout'
  >,
  findVariant: VariantFinder,
  customer: Customer,
  plan: DemoOrder,
): Promise<{ id: string; number: string }> {
  const { cartId } = await cart.createCart({ customerId: customer.id, email: plan.email });
  for (const line of plan.lines) {
    await cart.addLine(cartId, { variantId: (await findVariant(line)).id, quantity: line.quantity });
  }
  if (plan.coupon !== undefined) {
    const view = await cart.applyCoupon(cartId, plan.coupon);
    if (!view.quote.coupons.some((coupon) => coupon.code === plan.coupon && coupon.applied)) {
      throw new ConflictError(
        'demo_coupon_rejected',
        `${plan.coupon} does not apply to demo order ${plan.key}`,
        {
          messages: view.quote.messages.map((message) => message.message),
        },
      );
    }
  }
  await cart.setShipping(cartId, { address: shippingAddressOf(customer), optionId: plan.shippingOptionId });
  await cart.startCheckout(cartId);
  const outcome = await cart.completeCheckout(cartId, {
    tenders: [{ type: 'card', token: plan.cardToken }],
    idempotencyKey: `${plan.key}:${cartId}`,
  });
  if (outcome.status !== 'completed') {
    throw new ConflictError('demo_checkout_incomplete', `demo order ${plan.key} asked for ${outcome.status}`);
  }
  return outcome.order;
}
