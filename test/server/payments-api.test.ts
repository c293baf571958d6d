import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatMoney, loadConfig, ManualClock } from '../../src/core/index.js';
import type { SandboxProvider } from '../../src/payments/index.js';
import { type AppServices, buildServer, createServices } from '../../src/server/index.js';
import { describeEachEngine } from '../support/engines.js';

const ADMIN_KEY = 'test-admin-key-123';
const address = {
  name: 'Lin Mei',
  line1: '1 Zhongshan Rd',
  city: 'Taipei',
  postalCode: '100',
  country: 'TW',
};

describeEachEngine('payment HTTP API', (harness) => {
  let services: AppServices;
  let app: FastifyInstance;
  let base: string;
  let variantId = '';

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: assertions read response bodies loosely
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
  };

  const sandbox = () => services.payments.provider as SandboxProvider;

  /** A cart with one bottle, shipped to Taipei, checked out and challenged by 3-D Secure. */
  const challengedCheckout = async (idempotencyKey: string) => {
    const created = await call('POST', '/v1/carts', { email: 'mei@example.com' });
    expect(created.status).toBe(201);
    const { cartId, token } = created.body as { cartId: string; token: string };
    const withToken = { 'x-cart-token': token };
    expect(
      (await call('POST', `/v1/carts/${cartId}/lines`, { variantId, quantity: 1 }, withToken)).status,
    ).toBe(200);
    expect((await call('PUT', `/v1/carts/${cartId}/shipping`, { address }, withToken)).status).toBe(200);
    const options = await call('GET', `/v1/carts/${cartId}/shipping-options`, undefined, withToken);
    const optionId = options.body.items[0].id as string;
    const shipped = await call('PUT', `/v1/carts/${cartId}/shipping`, { optionId }, withToken);
    expect(shipped.status).toBe(200);
    const total = shipped.body.quote.total as { amount: number; currency: string };
    expect((await call('POST', `/v1/carts/${cartId}/checkout`, undefined, withToken)).status).toBe(201);
    const complete = () =>
      call(
        'POST',
        `/v1/carts/${cartId}/checkout/complete`,
        { paymentToken: 'pm_card_authenticationRequired' },
        { ...withToken, 'idempotency-key': idempotencyKey },
      );
    const challenged = await complete();
    expect(challenged).toMatchObject({ status: 200, body: { status: 'requires_action' } });
    const challenge = challenged.body.challenge as { challengeId: string; url: string };
    return { challenge, complete, total };
  };

  beforeAll(async () => {
    const store = await harness.open();
    const config = { ...loadConfig({}), adminKey: ADMIN_KEY, rateLimitPerMinute: 10_000 };
    services = await createServices(config, { store, clock: new ManualClock(Date.UTC(2026, 10, 1)) });
    const [result] = await services.catalog.upsertProducts([
      {
        handle: 'oolong-tea',
        title: { en: 'High Mountain Oolong Tea', 'zh-TW': '高山烏龍茶' },
        variants: [{ sku: 'TEA-OOL-150', optionValues: [], price: { amount: 68000, currency: 'TWD' } }],
      },
    ]);
    variantId = result!.product.variants[0]!.id;
    const warehouse = await services.inventory.upsertLocation({
      code: 'wh',
      name: { en: 'Warehouse' },
      kind: 'warehouse',
      priority: 1,
      channels: ['online'],
    });
    await services.inventory.adjust({
      variantId,
      locationId: warehouse.id,
      kind: 'receive',
      quantity: 20,
      actor: 't',
    });
    // The sample policies carry the shipping options a quote offers.
    await services.promotions.seedSample({
      currency: 'TWD',
      sockSelector: { categories: ['Socks'] },
      clearanceSelector: { tags: ['clearance'] },
    });
    await services.settled();
    app = await buildServer({ services });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await services?.settled();
    await harness.closeAll();
  });

  it('completes a 3-D Secure checkout over HTTP alone: challenge page, approve, retry, order', async () => {
    const { challenge, complete, total } = await challengedCheckout('three-ds-approve');
    expect(challenge.url).toBe(`/payments/sandbox/challenges/${challenge.challengeId}`);

    const pageResponse = await fetch(`${base}${challenge.url}`);
    expect(pageResponse.status).toBe(200);
    expect(pageResponse.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await pageResponse.text();
    expect(html).toContain('Test bank 3-D Secure');
    expect(html).toContain('測試銀行');
    expect(total.amount).toBeGreaterThan(0);
    expect(html).toContain(formatMoney(total, 'en'));
    expect(html).toContain(`action="/v1/payments/sandbox/challenges/${challenge.challengeId}"`);
    expect(html).toMatch(/<button type="submit"[^>]*value="approve"/);
    expect(html).toMatch(/<button type="submit"[^>]*value="fail"/);

    const approved = await call('POST', `/v1/payments/sandbox/challenges/${challenge.challengeId}`, {
      outcome: 'approve',
    });
    expect(approved).toMatchObject({
      status: 200,
      body: { challengeId: challenge.challengeId, outcome: 'approved' },
    });
    const again = await call('POST', `/v1/payments/sandbox/challenges/${challenge.challengeId}`, {
      outcome: 'fail',
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'challenge_already_completed' } } });
    expect(await (await fetch(`${base}${challenge.url}`)).text()).toContain('already completed');

    const paid = await complete();
    expect(paid).toMatchObject({ status: 201, body: { status: 'completed', total } });
    expect((await complete()).body.order).toEqual(paid.body.order);
  });

  it('declines the order with 402 when the shopper fails the challenge', async () => {
    const { challenge, complete } = await challengedCheckout('three-ds-fail');
    const failed = await call('POST', `/v1/payments/sandbox/challenges/${challenge.challengeId}`, {
      outcome: 'fail',
    });
    expect(failed).toMatchObject({ status: 200, body: { outcome: 'failed' } });
    const declined = await complete();
    expect(declined).toMatchObject({
      status: 402,
      body: { error: { code: 'payment_declined', details: { reason: 'authentication_failed' } } },
    });
  });

  it('answers the page’s form post with a page', async () => {
    const { challenge } = await challengedCheckout('three-ds-form');
    const path = `/v1/payments/sandbox/challenges/${challenge.challengeId}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const answered = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: form,
      body: 'outcome=approve',
    });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await answered.text()).toContain('Authentication approved.');
    const repeated = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: form,
      body: 'outcome=approve',
    });
    expect(repeated.status).toBe(409);
    expect(await repeated.text()).toContain('already completed');
  });

  it('answers 404 for an unknown challenge and 400 for an unknown outcome', async () => {
    expect((await fetch(`${base}/payments/sandbox/challenges/tds_unknown`)).status).toBe(404);
    const unknown = await call('POST', '/v1/payments/sandbox/challenges/tds_unknown', { outcome: 'approve' });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'challenge_not_found' } } });
    const { challenge } = await challengedCheckout('three-ds-bad-outcome');
    const bad = await call('POST', `/v1/payments/sandbox/challenges/${challenge.challengeId}`, {
      outcome: 'maybe',
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
  });

  it('acknowledges a signed sandbox webhook and refuses a tampered or unsigned one', async () => {
    const [event] = await sandbox().listEvents({ limit: 1 });
    const delivery = sandbox().webhookFor(event!);
    const post = (body: string, headers: Record<string, string>) =>
      call('POST', '/v1/payments/webhooks/sandbox', body, headers);

    expect(await post(delivery.rawBody, delivery.headers)).toEqual({
      status: 200,
      body: { received: true, id: event!.id, type: event!.type },
    });
    const tampered = delivery.rawBody.replace(event!.paymentId, 'pay_someone_else');
    expect(tampered).not.toBe(delivery.rawBody);
    expect(await post(tampered, delivery.headers)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_signature' } },
    });
    expect(
      await post(delivery.rawBody, {
        ...delivery.headers,
        'content-type': 'application/json; charset=utf-8',
      }),
    ).toMatchObject({ status: 200 });
    expect(await post(delivery.rawBody, { 'content-type': 'application/json' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_signature' } },
    });
  });

  it('answers 404 for a provider that is not the configured one', async () => {
    const [event] = await sandbox().listEvents({ limit: 1 });
    const delivery = sandbox().webhookFor(event!);
    for (const provider of ['paypal', 'stripe']) {
      const response = await call(
        'POST',
        `/v1/payments/webhooks/${provider}`,
        delivery.rawBody,
        delivery.headers,
      );
      expect(response).toMatchObject({
        status: 404,
        body: { error: { code: 'payment_provider_not_configured' } },
      });
    }
  });

  it('lists the sandbox’s events with their signed webhooks to admins only', async () => {
    expect((await call('GET', '/v1/payments/sandbox/events')).status).toBe(401);
    const listed = await call('GET', '/v1/payments/sandbox/events?limit=2', undefined, {
      authorization: `Bearer ${ADMIN_KEY}`,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    const [first] = listed.body.items as { webhook: { rawBody: string; headers: Record<string, string> } }[];
    const replayed = await call(
      'POST',
      '/v1/payments/webhooks/sandbox',
      first!.webhook.rawBody,
      first!.webhook.headers,
    );
    expect(replayed.status).toBe(200);
  });
});

describeEachEngine('payment HTTP API with Stripe', (harness) => {
  const webhookSecret = 'whsec_test_fixture_secret';
  const clock = new ManualClock(Date.UTC(2026, 10, 1));
  const logLines: string[] = [];
  let services: AppServices;
  let app: FastifyInstance;

  beforeAll(async () => {
    const store = await harness.open();
    const config = {
      ...loadConfig({}),
      payments: { provider: 'stripe' as const, secretKey: 'sk_test_never_called', webhookSecret },
    };
    const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(line) });
    services = await createServices(config, { store, clock, logger });
    app = await buildServer({ services });
  });

  afterAll(async () => {
    await app?.close();
    await services?.settled();
    await harness.closeAll();
  });

  it('verifies a Stripe-signed webhook on its raw bytes and logs what changed', async () => {
    const payload = JSON.stringify({
      id: 'evt_refund_1',
      object: 'event',
      type: 'charge.refunded',
      created: Math.floor(clock.now() / 1000),
      data: { object: { object: 'charge', id: 'ch_1', payment_intent: 'pi_refunded_out_of_band' } },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: webhookSecret,
      timestamp: Math.floor(clock.now() / 1000),
    });
    const post = (body: string, headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/v1/payments/webhooks/stripe', payload: body, headers });

    const accepted = await post(payload, {
      'content-type': 'application/json',
      'stripe-signature': signature,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ received: true, id: 'evt_refund_1', type: 'payment.refunded' });
    const logged = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: 'payment webhook received',
        provider: 'stripe',
        paymentId: 'pi_refunded_out_of_band',
        providerType: 'charge.refunded',
      }),
    );

    // The same JSON pretty-printed is not the signed bytes; a route that parsed and re-serialized would accept it.
    const reformatted = JSON.stringify(JSON.parse(payload), null, 2);
    const rejected = await post(reformatted, {
      'content-type': 'application/json',
      'stripe-signature': signature,
    });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json()).toMatchObject({ error: { code: 'invalid_signature' } });
    expect((await post(payload, { 'content-type': 'application/json' })).statusCode).toBe(400);
  });

  it('has no sandbox routes and refuses sandbox webhooks', async () => {
    const page = await app.inject({ method: 'GET', url: '/payments/sandbox/challenges/tds_1' });
    expect(page.statusCode).toBe(404);
    const completion = await app.inject({
      method: 'POST',
      url: '/v1/payments/sandbox/challenges/tds_1',
      payload: { outcome: 'approve' },
    });
    expect(completion.statusCode).toBe(404);
    expect(completion.json()).toMatchObject({ error: { code: 'sandbox_not_enabled' } });
    const sandboxWebhook = await app.inject({
      method: 'POST',
      url: '/v1/payments/webhooks/sandbox',
      payload: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(sandboxWebhook.statusCode).toBe(404);
  });
});
