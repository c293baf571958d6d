/**
 * The "done when" journey with a language model: over real HTTP, a server configured with an
 * OpenAI-compatible endpoint (a local server speaking the wire format, scripted) takes a new
 * shopper from "I need waterproof hiking shoes" to a paid order. The model only chooses tools and
 * words; the cart, the total and the payment come from the services, and the guard checks its text.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../src/cli/seed-demo-store.js';
import { loadConfig, ManualClock } from '../../src/core/index.js';
import { type AppServices, buildServer, createServices } from '../../src/server/index.js';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../fixtures/llm/fake-openai-server.js';

type Json = Record<string, unknown>;

let model: FakeOpenAiServer;
let services: AppServices;
let app: Awaited<ReturnType<typeof buildServer>>;
let base: string;

beforeAll(async () => {
  model = await startFakeOpenAiServer();
  const config = loadConfig({
    AISLE_LLM: 'openai-compatible',
    AISLE_LLM_BASE_URL: model.baseUrl,
    AISLE_LLM_MODEL: 'scripted',
    AISLE_LLM_MAX_RETRIES: '0',
    // Every turn goes to the model: the rules brain would take these confident ones itself.
    AISLE_ROUTER_CONFIDENCE: '1',
    AISLE_ROUTER_RULES_INTENTS: 'thanks',
  });
  services = await createServices(
    { ...config, db: 'sqlite::memory:', rateLimitPerMinute: 100_000 },
    { clock: new ManualClock(Date.UTC(2026, 10, 20, 2)) },
  );
  await seedDemoStore(services);
  app = await buildServer({ services });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await services?.close();
  await model?.close();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** An in-stock variant of a waterproof hiking shoe, as the model would pick it from search results. */
async function inStockHikingShoe(): Promise<{ variantId: string; price: number }> {
  const results = await services.search.search({ q: 'waterproof hiking shoes', limit: 10, locale: 'en' });
  for (const hit of results.hits) {
    const product = await services.catalog.getProduct(hit.productId);
    const availability = await services.inventory.availability(product.variants.map((v) => v.id));
    const variant = product.variants.find((v) => (availability.get(v.id)?.available ?? 0) > 0);
    if (variant !== undefined) return { variantId: variant.id, price: variant.price.amount };
  }
  throw new Error('the demo store has no waterproof hiking shoe in stock');
}

describe('a shopper served by an OpenAI-compatible model', () => {
  it('goes from "I need waterproof hiking shoes" to a paid order', async () => {
    const shoe = await inStockHikingShoe();
    const started = await call('POST', '/v1/sessions', { locale: 'en' });
    expect(started.status).toBe(201);
    const { sessionId, token } = started.body as { sessionId: string; token: string };
    const say = (text: string) =>
      call('POST', `/v1/sessions/${sessionId}/messages`, { text }, { authorization: `Bearer ${token}` });

    model.script(
      {
        kind: 'tool-calls',
        calls: [{ id: 'c1', name: 'search_products', arguments: '{"query":"waterproof hiking shoes"}' }],
      },
      { kind: 'text', text: 'Here are waterproof hiking shoes in stock.' },
    );
    const found = await say('I need waterproof hiking shoes');
    expect(found.status).toBe(200);
    const foundReply = found.body.reply as { text: string; cards: { type: string }[] };
    expect(foundReply.text).toBe('Here are waterproof hiking shoes in stock.');
    expect(foundReply.cards.map((card) => card.type)).toContain('products');

    model.script(
      {
        kind: 'tool-calls',
        calls: [{ id: 'c2', name: 'cart_add', arguments: JSON.stringify({ variantId: shoe.variantId }) }],
      },
      { kind: 'text', text: 'Added to your cart.' },
      { kind: 'tool-calls', calls: [{ id: 'c3', name: 'start_checkout', arguments: '{}' }] },
      { kind: 'text', text: 'The checkout form below takes your address and card.' },
    );
    const added = await say('add the first one please');
    const cart = (added.body.state as { cart: { cartId: string; token: string; itemCount: number } }).cart;
    expect(cart).toMatchObject({ itemCount: 1 });
    const checkoutTurn = await say('I want to check out');
    const checkoutCards = (checkoutTurn.body.reply as { cards: { type: string }[] }).cards;
    expect(checkoutCards.map((card) => card.type)).toContain('checkout');

    // The widget's checkout form, on the cart API with the cart token the session handed out.
    const cartHeaders = { 'x-cart-token': cart.token };
    const cartPath = `/v1/carts/${cart.cartId}`;
    expect((await call('PATCH', cartPath, { email: 'new.shopper@example.com' }, cartHeaders)).status).toBe(
      200,
    );
    const address = {
      name: 'Lin Mei',
      line1: '1 Zhongshan Rd',
      city: 'Taipei',
      postalCode: '100',
      country: 'TW',
    };
    const shipping = await call(
      'PUT',
      `${cartPath}/shipping`,
      { address, optionId: 'home-delivery' },
      cartHeaders,
    );
    expect(shipping.status).toBe(200);
    expect((await call('POST', `${cartPath}/checkout`, undefined, cartHeaders)).status).toBe(201);
    const paid = await call(
      'POST',
      `${cartPath}/checkout/complete`,
      { paymentToken: 'pm_card_visa' },
      { ...cartHeaders, 'idempotency-key': 'llm-journey-1' },
    );
    expect(paid.status).toBe(201);
    const order = paid.body.order as { id: string };
    const placed = await services.orders.get(order.id);
    expect(placed.lines.map((line) => line.variantId)).toEqual([shoe.variantId]);
    expect(placed.totals.total.amount).toBe((paid.body.total as { amount: number }).amount);

    const trace = (await services.assistant.transcript(sessionId)).messages
      .filter((message) => message.role === 'assistant' && message.trace !== undefined)
      .map((message) => message.trace?.brain);
    expect(trace).toEqual(['llm', 'llm', 'llm']);
  });
});
