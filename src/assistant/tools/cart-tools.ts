/**
 * The session's cart: lines, coupons, the quote, checkout and paying with a saved method. The
 * cart id never comes from the model: it lives in the session, so a tool can only touch the
 * session's own cart.
 */
import { z } from 'zod';
import type { CartView } from '../../cart/index.js';
import { localize } from '../../catalog/index.js';
import type { Customer } from '../../customers/index.js';
import { factsFromOrder } from '../facts/index.js';
import { factsFromQuote } from './cart-facts.js';
import { ToolError } from './errors.js';
import { defineTool, moneyText, requireVerified, type ToolKit } from './tool-kit.js';
import { confirmField, runTwoStep } from './two-step.js';
import type { Card, ToolContext, ToolResult } from './types.js';

const idSchema = z.string().trim().min(1).max(100);
const quantitySchema = z.number().int().min(1).max(99);

export function cartTools(kit: ToolKit) {
  const { cart, promotions, customers } = kit.services;

  function sessionCart(tool: string, context: ToolContext): string {
    if (context.cartId === null) throw new ToolError(tool, 'no_cart', 'the shopper has no cart yet');
    return context.cartId;
  }

  async function ensureCart(context: ToolContext): Promise<string> {
    if (context.cartId !== null) return context.cartId;
    const { cartId, token } = await cart.createCart(
      context.shopper.verified && context.shopper.customerId !== null
        ? { customerId: context.shopper.customerId }
        : {},
    );
    context.cartId = cartId;
    context.cartToken = token;
    return cartId;
  }

  /**
   * The cart as checkout needs it: a verified customer's cart joins their account and takes the
   * email and default address on file where the cart has none.
   */
  async function prepareForCheckout(
    tool: string,
    cartId: string,
    customer: Customer | null,
  ): Promise<CartView> {
    let view = await cart.getCart(cartId);
    if (view.quote.lines.length === 0) throw new ToolError(tool, 'empty_cart', 'the cart is empty');
    if (customer === null) return view;
    if (view.cart.customerId !== customer.id) view = await cart.attachCustomer(cartId, customer.id);
    if (view.cart.email === null && customer.email !== null) {
      view = await cart.setDetails(cartId, { email: customer.email });
    }
    const address = customer.addresses.find((a) => a.defaultShipping) ?? customer.addresses[0];
    if (view.cart.shippingAddress === null && address !== undefined) {
      const {
        id: _id,
        label: _label,
        defaultShipping: _shipping,
        defaultBilling: _billing,
        ...postal
      } = address;
      view = await cart.setShipping(cartId, { address: postal });
    }
    return view;
  }

  async function verifiedCustomer(context: ToolContext): Promise<Customer | null> {
    const { customerId, verified } = context.shopper;
    return verified && customerId !== null ? customers.get(customerId) : null;
  }

  async function present(view: CartView, context: ToolContext): Promise<ToolResult> {
    const { ruleSet, policies } = await promotions.current();
    const quote = view.quote;
    const card: Card = {
      type: 'cart',
      cartId: view.cart.id,
      total: quote.total,
      itemCount: quote.lines.reduce((sum, l) => sum + l.quantity, 0),
    };
    return {
      output: {
        lines: quote.lines.map((l) => ({
          lineId: l.lineId,
          title: localize(l.title, context.locale),
          options: l.optionValues,
          quantity: l.quantity,
          ...(l.unitPrice === null ? { unavailable: true } : { unitPrice: moneyText(l.unitPrice, context) }),
          total: moneyText(l.total, context),
        })),
        subtotal: moneyText(quote.subtotal, context),
        ...(quote.discount.amount === 0 ? {} : { discount: moneyText(quote.discount, context) }),
        shipping: moneyText(quote.shipping.total, context),
        tax: `${moneyText(quote.tax.amount, context)}${quote.tax.inclusive ? ' (included)' : ''}`,
        total: moneyText(quote.total, context),
        promotions: quote.applied.map((a) => ({ name: a.name, amount: moneyText(a.amount, context) })),
        coupons: quote.coupons,
        notices: quote.messages.map((m) => ({
          code: m.code,
          ...(m.coupon === undefined ? {} : { coupon: m.coupon }),
          ...(m.reason === undefined ? {} : { reason: m.reason }),
        })),
      },
      facts: factsFromQuote(quote, ruleSet.promotions, policies),
      cards: [card],
    };
  }

  const cartAdd = defineTool({
    name: 'cart_add',
    description:
      "Add a variant to the shopper's cart (creates the cart on the first add). Returns the repriced cart.",
    input: z.strictObject({ variantId: idSchema, quantity: quantitySchema.default(1) }),
    consequential: false,
    async run(input, context) {
      const cartId = await ensureCart(context);
      return present(await cart.addLine(cartId, input), context);
    },
  });

  const cartUpdate = defineTool({
    name: 'cart_update',
    description: 'Set the quantity of a cart line (0 removes it).',
    input: z.strictObject({ lineId: idSchema, quantity: z.number().int().min(0).max(99) }),
    consequential: false,
    async run(input, context) {
      const cartId = sessionCart('cart_update', context);
      return present(await cart.updateLine(cartId, input.lineId, input.quantity), context);
    },
  });

  const cartRemove = defineTool({
    name: 'cart_remove',
    description: 'Remove a line from the cart.',
    input: z.strictObject({ lineId: idSchema }),
    consequential: false,
    async run(input, context) {
      const cartId = sessionCart('cart_remove', context);
      return present(await cart.removeLine(cartId, input.lineId), context);
    },
  });

  const couponSchema = z.strictObject({ code: z.string().trim().min(1).max(40) });

  const applyCoupon = defineTool({
    name: 'apply_coupon',
    description:
      'Apply a coupon code the shopper typed. The engine decides whether it applies; a refusal comes back as a notice with its reason.',
    input: couponSchema,
    consequential: false,
    async run(input, context) {
      const cartId = await ensureCart(context);
      return present(await cart.applyCoupon(cartId, input.code.toUpperCase()), context);
    },
  });

  const removeCoupon = defineTool({
    name: 'remove_coupon',
    description: 'Take a coupon code off the cart.',
    input: couponSchema,
    consequential: false,
    async run(input, context) {
      const cartId = sessionCart('remove_coupon', context);
      return present(await cart.removeCoupon(cartId, input.code.toUpperCase()), context);
    },
  });

  const getQuote = defineTool({
    name: 'get_quote',
    description: 'The cart priced now: lines, discounts, shipping, tax and total.',
    input: z.strictObject({}),
    consequential: false,
    async run(_input, context) {
      return present(await cart.getCart(sessionCart('get_quote', context)), context);
    },
  });

  const startCheckout = defineTool({
    name: 'start_checkout',
    description:
      'Hold the stock and open the checkout form. Payment is entered in that form, never in chat: never ask for card numbers. Pass the email the shopper gave, if any; the form asks for what is still missing.',
    input: z.strictObject({ email: z.email().max(200).optional() }),
    consequential: false,
    async run(input, context): Promise<ToolResult> {
      const cartId = sessionCart('start_checkout', context);
      let view = await prepareForCheckout('start_checkout', cartId, await verifiedCustomer(context));
      if (input.email !== undefined) view = await cart.setDetails(cartId, { email: input.email });
      const missing: ('email' | 'shippingAddress')[] = [
        ...(view.cart.email === null ? (['email'] as const) : []),
        ...(view.cart.shippingAddress === null ? (['shippingAddress'] as const) : []),
      ];
      if (missing.length > 0) {
        return {
          output: { ready: false, missing, next: 'the checkout form collects these and the payment' },
          facts: [],
          cards: [
            { type: 'checkout', cartId, checkoutId: null, total: view.quote.total, expiresAt: null, missing },
          ],
        };
      }
      const checkout = await cart.startCheckout(cartId);
      const { ruleSet, policies } = await promotions.current();
      return {
        output: {
          ready: true,
          checkoutId: checkout.id,
          total: moneyText(checkout.quote.total, context),
          holdUntil: new Date(checkout.expiresAt).toISOString(),
          payment: 'the checkout form collects payment; do not ask for card details in chat',
        },
        facts: factsFromQuote(checkout.quote, ruleSet.promotions, policies),
        cards: [
          {
            type: 'checkout',
            cartId,
            checkoutId: checkout.id,
            total: checkout.quote.total,
            expiresAt: checkout.expiresAt,
            missing: [],
          },
        ],
      };
    },
  });

  const payWithSavedMethod = defineTool({
    name: 'pay_with_saved_method',
    description:
      "Pay the cart with one of the verified shopper's saved payment methods (the default when none is named). First call: a preview with the total and a confirmationId. Only after the shopper explicitly says yes, call again with confirm set to that id.",
    input: z.strictObject({ paymentMethodId: idSchema.optional(), confirm: confirmField }),
    consequential: true,
    async run(input, context) {
      const customerId = requireVerified('pay_with_saved_method', context);
      const cartId = sessionCart('pay_with_saved_method', context);
      return runTwoStep(kit, 'pay_with_saved_method', context, input, {
        async preview() {
          const customer = await customers.get(customerId);
          const method =
            input.paymentMethodId === undefined
              ? (customer.paymentMethods.find((m) => m.isDefault) ?? customer.paymentMethods[0])
              : customer.paymentMethods.find((m) => m.id === input.paymentMethodId);
          if (method === undefined) {
            throw new ToolError('pay_with_saved_method', 'no_saved_method', 'no such saved payment method', {
              saved: customer.paymentMethods.map((m) => ({ id: m.id, label: m.label })),
            });
          }
          const view = await prepareForCheckout('pay_with_saved_method', cartId, customer);
          if (view.cart.shippingAddress === null) {
            throw new ToolError(
              'pay_with_saved_method',
              'no_shipping_address',
              'the shopper has no address on file',
            );
          }
          return { method, view };
        },
        amounts: ({ method, view }) => ({
          total: view.quote.total,
          method: method.id,
          shipTo: view.cart.shippingAddress,
          shipping: view.quote.shipping.option?.id ?? null,
        }),
        present: ({ method, view }, confirmationId) => {
          const total = moneyText(view.quote.total, context);
          const address = view.cart.shippingAddress;
          return {
            output: {
              needsConfirmation: true,
              confirmationId,
              total,
              method: method.label,
              ...(address === null ? {} : { shipTo: `${address.line1}, ${address.city}` }),
              ...(view.quote.shipping.option === null
                ? {}
                : { shipping: localize(view.quote.shipping.option.name, context.locale) }),
            },
            // The quote alone backs "pay NT$…"; promotions were stated when the cart was shown.
            facts: factsFromQuote(view.quote, [], {}),
            cards: [
              {
                type: 'confirmation',
                tool: 'pay_with_saved_method',
                confirmationId,
                summary: `Pay ${total} with ${method.label}`,
              },
            ],
          };
        },
        async execute({ method, view }, operationKey) {
          await cart.startCheckout(cartId);
          const outcome = await cart.completeCheckout(cartId, {
            tenders: [{ type: 'card', token: method.token }],
            expectedTotal: view.quote.total.amount,
            idempotencyKey: operationKey,
          });
          if (outcome.status === 'requires_action') {
            return {
              output: {
                status: 'requires_action',
                action: 'the shopper must approve the payment with their bank',
              },
              facts: [],
              cards: [
                {
                  type: 'payment-challenge',
                  checkoutId: outcome.checkoutId,
                  url: outcome.challenge.url,
                  clientSecret: outcome.challenge.clientSecret,
                },
              ],
            };
          }
          context.cartId = null;
          const order = await kit.services.orders.get(outcome.order.id);
          return {
            output: {
              status: 'paid',
              orderNumber: outcome.order.number,
              total: moneyText(outcome.total, context),
            },
            facts: [factsFromOrder(order)],
            cards: [{ type: 'order', orderId: order.id, number: order.number, status: order.status }],
          };
        },
      });
    },
  });

  return [
    cartAdd,
    cartUpdate,
    cartRemove,
    applyCoupon,
    removeCoupon,
    getQuote,
    startCheckout,
    payWithSavedMethod,
  ];
}
