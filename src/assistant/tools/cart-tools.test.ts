import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../core/index.js';
import type { OrderFact, PromotionFact, QuoteFact } from '../facts/index.js';
import { createToolbox, type Toolbox, type ToolContext } from './index.js';
import { createToolFixture, LIN, sessionContext, type ToolFixture } from './test-fixtures.js';

describe('cart tools', () => {
  let fixture: ToolFixture;
  let toolbox: Toolbox;
  let mugVariant: string;
  let chairVariant: string;

  const verifiedLin = async (): Promise<ToolContext> => {
    const context = sessionContext();
    await toolbox.runTool('identify_shopper', { name: LIN.name, postalCode: LIN.postalCode }, context);
    return context;
  };

  beforeAll(async () => {
    fixture = await createToolFixture();
    toolbox = createToolbox(fixture.services);
    mugVariant = (await fixture.services.catalog.getProduct(fixture.injectedProductId)).variants[0]?.id ?? '';
    const chair = await fixture.services.catalog.findProductByHandle('hollowpine-moonlight-camp-chair');
    chairVariant = chair?.variants[0]?.id ?? '';
  }, 60_000);
  afterAll(() => fixture.services.close());

  it('cart_add creates the session’s cart and returns the engine’s quote as a fact', async () => {
    const context = sessionContext();
    const result = await toolbox.runTool('cart_add', { variantId: mugVariant, quantity: 2 }, context);
    expect(context.cartId).not.toBeNull();
    const view = await fixture.services.cart.getCart(context.cartId ?? '');
    const quote = result.facts.find((f): f is QuoteFact => f.kind === 'quote');
    expect(quote?.total).toEqual(view.quote.total);
    expect(quote?.lines[0]).toMatchObject({ variantId: mugVariant, quantity: 2 });
    expect(result.output).toMatchObject({ total: formatMoney(view.quote.total, 'en') });
    expect(result.cards?.[0]).toMatchObject({ type: 'cart', cartId: context.cartId, itemCount: 2 });

    const lineId = view.quote.lines[0]?.lineId;
    const updated = await toolbox.runTool('cart_update', { lineId, quantity: 1 }, context);
    expect(updated.cards?.[0]).toMatchObject({ itemCount: 1 });
    const removed = await toolbox.runTool('cart_remove', { lineId }, context);
    expect((removed.output as { lines: unknown[] }).lines).toHaveLength(0);
  });

  it('tools that need a cart refuse with no_cart, and a cart id cannot be passed in', async () => {
    const context = sessionContext();
    for (const [tool, input] of [
      ['get_quote', {}],
      ['cart_remove', { lineId: 'line_x' }],
      ['start_checkout', {}],
    ] as const) {
      await expect(toolbox.runTool(tool, input, context)).rejects.toMatchObject({ code: 'no_cart' });
    }
    await expect(
      toolbox.runTool('cart_add', { variantId: mugVariant, cartId: 'cart_someone_else' }, context),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('apply_coupon reports the engine’s refusal as a notice and a rejected promotion fact', async () => {
    const context = sessionContext();
    await toolbox.runTool('cart_add', { variantId: mugVariant }, context);
    const result = await toolbox.runTool('apply_coupon', { code: 'nope42' }, context);
    expect((result.output as { notices: { code: string }[] }).notices).toContainEqual(
      expect.objectContaining({ code: 'coupon_rejected', coupon: 'NOPE42' }),
    );
    const rejected = result.facts.find((f): f is PromotionFact => f.kind === 'promotion');
    expect(rejected).toMatchObject({ status: 'rejected', codes: ['NOPE42'] });
    const removed = await toolbox.runTool('remove_coupon', { code: 'NOPE42' }, context);
    expect((removed.output as { coupons: unknown[] }).coupons).toHaveLength(0);
  });

  it('start_checkout for a guest leaves email and address to the checkout form', async () => {
    const context = sessionContext();
    await toolbox.runTool('cart_add', { variantId: mugVariant }, context);
    const result = await toolbox.runTool('start_checkout', { email: 'guest@example.com' }, context);
    expect(result.output).toMatchObject({ ready: false, missing: ['shippingAddress'] });
    expect(result.cards?.[0]).toMatchObject({
      type: 'checkout',
      checkoutId: null,
      missing: ['shippingAddress'],
    });
    expect(await fixture.services.cart.getCheckout(context.cartId ?? '')).toBeNull();
  });

  it('start_checkout holds a verified shopper’s cart and returns a checkout card, never asking for a card in chat', async () => {
    const context = await verifiedLin();
    await toolbox.runTool('cart_add', { variantId: mugVariant }, context);
    const result = await toolbox.runTool('start_checkout', {}, context);
    expect(result.output).toMatchObject({ ready: true });
    const checkout = await fixture.services.cart.getCheckout(context.cartId ?? '');
    expect(result.cards?.[0]).toMatchObject({
      type: 'checkout',
      checkoutId: checkout?.id,
      total: checkout?.quote.total,
    });
    expect(result.facts.find((f) => f.kind === 'quote')).toMatchObject({ total: checkout?.quote.total });
  });

  it('pay_with_saved_method needs a verified shopper', async () => {
    const context = sessionContext();
    await toolbox.runTool('identify_shopper', { email: LIN.email }, context);
    await toolbox.runTool('cart_add', { variantId: mugVariant }, context);
    await expect(toolbox.runTool('pay_with_saved_method', {}, context)).rejects.toMatchObject({
      code: 'shopper_not_verified',
    });
  });

  it('pay_with_saved_method charges exactly the previewed total after the yes', async () => {
    const context = await verifiedLin();
    await toolbox.runTool('cart_add', { variantId: mugVariant, quantity: 2 }, context);
    const cartId = context.cartId ?? '';
    const preview = await toolbox.runTool('pay_with_saved_method', {}, context);
    const output = preview.output as { confirmationId: string; total: string; method: string };
    expect(output.method).toContain('4242');
    expect(await fixture.services.cart.getCheckout(cartId)).toBeNull();

    const paid = await toolbox.runTool('pay_with_saved_method', { confirm: output.confirmationId }, context);
    const order = await fixture.services.orders.findByNumber(
      (paid.output as { orderNumber: string }).orderNumber,
    );
    expect(formatMoney(order?.totals.total ?? { amount: -1, currency: 'TWD' }, 'en')).toBe(output.total);
    expect(order?.customerId).toBe(context.shopper.customerId);
    expect(paid.facts.find((f): f is OrderFact => f.kind === 'order')?.total).toEqual(order?.totals.total);
    expect(context.cartId).toBeNull();
  });

  it('refuses a payment confirmation when the cart changed after the preview, or from another session', async () => {
    const context = await verifiedLin();
    await toolbox.runTool('cart_add', { variantId: mugVariant }, context);
    const first = await toolbox.runTool('pay_with_saved_method', {}, context);
    const { confirmationId } = first.output as { confirmationId: string };

    const stranger = await verifiedLin();
    await toolbox.runTool('cart_add', { variantId: mugVariant }, stranger);
    await expect(
      toolbox.runTool('pay_with_saved_method', { confirm: confirmationId }, stranger),
    ).rejects.toMatchObject({ code: 'confirmation_invalid' });

    await toolbox.runTool('cart_add', { variantId: chairVariant }, context);
    await expect(
      toolbox.runTool('pay_with_saved_method', { confirm: confirmationId }, context),
    ).rejects.toMatchObject({ code: 'confirmation_stale' });
    const view = await fixture.services.cart.getCart(context.cartId ?? '');
    expect(view.cart.status).toBe('open');
    await expect(
      toolbox.runTool('pay_with_saved_method', { confirm: confirmationId }, context),
    ).rejects.toMatchObject({ code: 'confirmation_invalid' });
  });
});
