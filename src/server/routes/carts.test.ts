import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { address, buildShop, type Shop, seedShop } from '../../../test/checkout/shop.js';
import { describeEachEngine } from '../../../test/support/engines.js';
import { ManualClock } from '../../core/index.js';
import { adminGuard } from '../admin-auth.js';
import { installErrorHandler } from '../error-handler.js';
import { registerCartRoutes } from './carts.js';

describeEachEngine('cart routes', (harness) => {
  let app: FastifyInstance;
  let shop: Shop;

  beforeAll(async () => {
    const store = await harness.open();
    const clock = new ManualClock(Date.UTC(2026, 2, 3, 2));
    await seedShop(store, clock);
    shop = await buildShop(store, clock);
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandler(app);
    registerCartRoutes(
      app.withTypeProvider<ZodTypeProvider>(),
      { cart: shop.cart, customers: { get: async () => ({}) } },
      adminGuard(undefined),
    );
  });
  afterAll(async () => {
    await app.close();
    await harness.closeAll();
  });

  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    token?: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await app.inject({
      method,
      url,
      headers: { ...(token && { 'x-cart-token': token }), ...headers },
      ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
    });
    return { status: response.statusCode, body: response.json() as Record<string, any> };
  };

  it('walks a cart from creation to a paid order, token required all along', async () => {
    const created = await call('POST', '/v1/carts', undefined, { email: 'mei@example.com' });
    expect(created.status).toBe(201);
    const { cartId, token } = created.body as { cartId: string; token: string };

    expect((await call('GET', `/v1/carts/${cartId}`)).status).toBe(401);
    expect((await call('GET', `/v1/carts/${cartId}`, 'wrong-token')).status).toBe(404);

    const added = await call('POST', `/v1/carts/${cartId}/lines`, token, {
      variantId: shop.variants.socks,
      quantity: 3,
    });
    expect(added.status).toBe(200);
    const lineId = added.body.cart.lines[0].id as string;
    expect(
      (
        await call('POST', `/v1/carts/${cartId}/lines`, token, {
          variantId: shop.variants.socks,
          quantity: 0,
        })
      ).body.error.code,
    ).toBe('invalid_input');
    expect(
      (await call('PATCH', `/v1/carts/${cartId}/lines/${lineId}`, token, { quantity: 4 })).body.cart.lines[0]
        .quantity,
    ).toBe(4);

    const coupon = await call('POST', `/v1/carts/${cartId}/coupons`, token, { code: 'WELCOME10' });
    expect(coupon.body.quote.messages.some((m: { code: string }) => m.code === 'coupon_rejected')).toBe(true);
    expect((await call('DELETE', `/v1/carts/${cartId}/coupons/WELCOME10`, token)).body.cart.coupons).toEqual(
      [],
    );

    expect(
      (await call('PUT', `/v1/carts/${cartId}/shipping`, token, { address: { ...address, country: 'TWN' } }))
        .status,
    ).toBe(400);
    expect(
      (await call('PUT', `/v1/carts/${cartId}/shipping`, token, { address, optionId: 'cvs-pickup' })).status,
    ).toBe(200);
    const options = await call('GET', `/v1/carts/${cartId}/shipping-options`, token);
    expect(options.body.items.map((o: { id: string }) => o.id)).toEqual(['home-delivery', 'cvs-pickup']);

    const checkout = await call('POST', `/v1/carts/${cartId}/checkout`, token);
    expect(checkout.status).toBe(201);
    const complete = `/v1/carts/${cartId}/checkout/complete`;
    expect((await call('POST', complete, token, { paymentToken: 'pm_card_visa' })).body.error.code).toBe(
      'idempotency_key_required',
    );
    const declined = await call(
      'POST',
      complete,
      token,
      { paymentToken: 'pm_card_chargeDeclined' },
      { 'idempotency-key': 'd1' },
    );
    expect(declined).toMatchObject({
      status: 402,
      body: { error: { code: 'payment_declined', details: { reason: 'card_declined' } } },
    });
    const challenged = await call(
      'POST',
      complete,
      token,
      { paymentToken: 'pm_card_authenticationRequired' },
      { 'idempotency-key': 't1' },
    );
    expect(challenged).toMatchObject({ status: 200, body: { status: 'requires_action' } });
    await shop.provider.completeChallenge(challenged.body.challenge.challengeId, 'approve');
    const paid = await call(
      'POST',
      complete,
      token,
      { paymentToken: 'pm_card_authenticationRequired' },
      { 'idempotency-key': 't1' },
    );
    expect(paid).toMatchObject({ status: 201, body: { status: 'completed' } });
    expect(
      (
        await call(
          'POST',
          complete,
          token,
          { paymentToken: 'pm_card_authenticationRequired' },
          { 'idempotency-key': 't1' },
        )
      ).body.order,
    ).toEqual(paid.body.order);
  });
});
