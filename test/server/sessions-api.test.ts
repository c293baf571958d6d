import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProductInput } from '../../src/catalog/index.js';
import { loadConfig, ManualClock } from '../../src/core/index.js';
import { type AppServices, buildServer, createServices } from '../../src/server/index.js';
import { describeEachEngine } from '../support/engines.js';
import { collectEvents, nextEvent, readEventStream } from './sse-client.js';

const ADMIN_KEY = 'sessions-api-admin-key';
const WIDGET_KEY = 'sessions-api-widget-key';

type Json = Record<string, any>;

const twd = (major: number) => ({ amount: major * 100, currency: 'TWD' });

const products: ProductInput[] = [
  {
    handle: 'ridge-shell',
    title: { en: 'Ridge Waterproof Shell Jacket', 'zh-TW': '山脊防水外套' },
    description: { en: 'A three-layer waterproof shell.' },
    brand: 'Northwind',
    categoryPath: ['Clothing', 'Jackets'],
    tags: ['waterproof'],
    options: [{ name: 'Size', values: ['M', 'L'] }],
    variants: [
      { sku: 'RS-M', optionValues: ['M'], price: twd(4200) },
      { sku: 'RS-L', optionValues: ['L'], price: twd(4200) },
    ],
  },
];

describeEachEngine('sessions and staff over HTTP', (harness) => {
  let services: AppServices;
  let app: FastifyInstance;
  let base = '';
  let variantId = '';
  let warehouseId = '';

  beforeAll(async () => {
    const store = await harness.open();
    const config = {
      ...loadConfig({}),
      adminKey: ADMIN_KEY,
      widgetKey: WIDGET_KEY,
      rateLimitPerMinute: 10_000,
    };
    services = await createServices(config, { store, clock: new ManualClock(Date.UTC(2026, 10, 26, 9)) });
    const [result] = await services.catalog.upsertProducts(products);
    const warehouse = await services.inventory.upsertLocation({
      code: 'wh',
      name: { en: 'Warehouse' },
      kind: 'warehouse',
      priority: 1,
      channels: ['online'],
    });
    variantId = result!.product.variants[0]!.id;
    warehouseId = warehouse.id;
    for (const variant of result!.product.variants) {
      await services.inventory.adjust({
        variantId: variant.id,
        locationId: warehouse.id,
        kind: 'receive',
        quantity: 5,
        actor: 'test',
      });
    }
    await services.settled();
    app = await buildServer({ services });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await services?.close();
    await harness.closeAll();
  });

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : {}) as Json,
    };
  };
  const storeKey = { 'x-aisle-store-key': WIDGET_KEY };
  const startSession = async (body: Json = {}) => {
    const created = await call('POST', '/v1/sessions', body, storeKey);
    expect(created.status).toBe(201);
    return created.body as { sessionId: string; token: string; greeting: Json; state: Json };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const staffSignIn = async (name: string) => {
    const login = await call('POST', '/v1/staff/login', { key: ADMIN_KEY, name });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    return { read: { cookie }, write: { cookie, 'x-aisle-staff': '1' } };
  };

  it('starts a session with the store key, answers a message and keeps the transcript for the token holder', async () => {
    expect((await call('POST', '/v1/sessions', {})).body.error.code).toBe('invalid_store_key');

    const session = await startSession({ locale: 'en', channel: 'online' });
    expect(session.greeting.text).toMatch(/\bAI\b/);
    expect(session.state.status).toBe('assistant');

    const turn = await call(
      'POST',
      `/v1/sessions/${session.sessionId}/messages`,
      { text: 'do you have a waterproof jacket?' },
      bearer(session.token),
    );
    expect(turn.status).toBe(200);
    expect(turn.body.reply.text.length).toBeGreaterThan(0);
    expect(Array.isArray(turn.body.reply.cards)).toBe(true);
    expect(turn.body.state.status).toBe('assistant');

    const transcript = await call('GET', `/v1/sessions/${session.sessionId}`, undefined, {
      'x-session-token': session.token,
    });
    expect(transcript.status).toBe(200);
    const roles = transcript.body.messages.map((m: Json) => m.role);
    expect(roles.slice(-2)).toEqual(['shopper', 'assistant']);
    expect(transcript.body.messages.some((m: Json) => 'trace' in m)).toBe(false);
  });

  it('lets only the token holder read or act: another session’s token gets the same 404 as no session', async () => {
    const mine = await startSession();
    const theirs = await startSession();
    const paths: [string, string, Json?][] = [
      ['GET', `/v1/sessions/${mine.sessionId}`],
      ['POST', `/v1/sessions/${mine.sessionId}/messages`, { text: 'show me my cart' }],
      ['GET', `/v1/sessions/${mine.sessionId}/events`],
    ];
    for (const [method, path, body] of paths) {
      const wrong = await call(method, path, body, bearer(theirs.token));
      expect(wrong.status, path).toBe(404);
      expect(wrong.body.error.code).toBe('session_not_found');
      const missing = await call(method, path, body);
      expect(missing.status, path).toBe(401);
      expect(missing.body.error.code).toBe('unauthorized');
    }
    const unknown = await call('GET', '/v1/sessions/ses_does_not_exist', undefined, bearer(mine.token));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('session_not_found');
  });

  it('streams a turn over SSE: deltas that add up to the reply, then the reply with the state', async () => {
    const { sessionId, token } = await startSession({ locale: 'zh-TW' });
    const response = await fetch(`${base}/v1/sessions/${sessionId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer(token) },
      body: JSON.stringify({ text: '有防水外套嗎' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = await collectEvents(response);
    const reply = events.at(-1)!;
    expect(reply.event).toBe('reply');
    expect(events.every((e) => ['text-delta', 'tool', 'reply'].includes(e.event))).toBe(true);
    const streamed = events
      .filter((e) => e.event === 'text-delta')
      .map((e) => (e.data as Json).text)
      .join('');
    expect(streamed).toBe((reply.data as Json).reply.text);
    expect((reply.data as Json).messageId).toEqual(expect.any(String));
  });

  it('refuses bad input with stable codes', async () => {
    const { sessionId, token } = await startSession();
    const tooLong = await call(
      'POST',
      `/v1/sessions/${sessionId}/messages`,
      { text: 'x'.repeat(2001) },
      bearer(token),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('invalid_input');
    const badLocale = await call('POST', '/v1/sessions', { locale: 'klingon' }, storeKey);
    expect(badLocale.body.error.code).toBe('invalid_input');
    const badLogin = await call('POST', '/v1/staff/login', { key: 'wrong-key-entirely', name: 'Eve' });
    expect(badLogin.status).toBe(401);
    expect(badLogin.body.error.code).toBe('unauthorized');
  });

  it('hands a conversation to a signed-in person and back, live on the shopper’s events stream', async () => {
    const { sessionId, token } = await startSession();
    const staff = await staffSignIn('Mei');
    expect((await call('GET', '/v1/staff/me', undefined, staff.read)).body).toMatchObject({
      name: 'Mei',
      via: 'cookie',
    });

    const controller = new AbortController();
    const shopperEvents = await fetch(`${base}/v1/sessions/${sessionId}/events`, {
      headers: bearer(token),
      signal: controller.signal,
    });
    expect(shopperEvents.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const stream = readEventStream(shopperEvents);
    try {
      const listed = await call('GET', '/v1/staff/sessions?status=assistant', undefined, staff.read);
      expect(listed.body.sessions.map((s: Json) => s.id)).toContain(sessionId);

      const taken = await call('POST', `/v1/staff/sessions/${sessionId}/takeover`, undefined, staff.write);
      expect(taken.status).toBe(200);
      expect(taken.body.session).toMatchObject({ status: 'staff', staffName: 'Mei' });
      expect((await nextEvent(stream, (e) => e.event === 'status')).data).toMatchObject({ status: 'staff' });

      const written = await call(
        'POST',
        `/v1/staff/sessions/${sessionId}/messages`,
        { text: 'Hi, Mei here.' },
        staff.write,
      );
      expect(written.status).toBe(200);
      const received = await nextEvent(
        stream,
        (e) => e.event === 'message' && (e.data as Json).message.role === 'staff',
      );
      expect((received.data as Json).message).toMatchObject({ text: 'Hi, Mei here.', author: 'Mei' });

      const detail = await call('GET', `/v1/staff/sessions/${sessionId}`, undefined, staff.read);
      expect(detail.body.messages.at(-1)).toMatchObject({ role: 'staff', text: 'Hi, Mei here.' });

      const back = await call('POST', `/v1/staff/sessions/${sessionId}/handback`, undefined, staff.write);
      expect(back.body.session.status).toBe('assistant');
      expect((await nextEvent(stream, (e) => e.event === 'status')).data).toMatchObject({
        status: 'assistant',
      });

      const answered = await call(
        'POST',
        `/v1/sessions/${sessionId}/messages`,
        { text: 'thanks' },
        bearer(token),
      );
      expect(answered.body.state.status).toBe('assistant');
      const withTraces = await call('GET', `/v1/staff/sessions/${sessionId}`, undefined, staff.read);
      const lastAnswer = withTraces.body.messages.at(-1);
      expect(lastAnswer.role).toBe('assistant');
      expect(lastAnswer.trace).toMatchObject({
        brain: 'rules',
        tools: expect.any(Array),
        interventions: expect.any(Array),
      });

      const stats = await call('GET', '/v1/staff/stats', undefined, staff.read);
      expect(stats.body.turns.rules).toBeGreaterThan(0);
    } finally {
      controller.abort();
      await stream.return(undefined).catch(() => undefined);
    }
  });

  it('lets the staff cookie reach admin routes, with X-Aisle-Staff: 1 on changes', async () => {
    const staff = await staffSignIn('Ana');
    expect((await call('GET', '/v1/locations', undefined, staff.read)).status).toBe(200);
    const adjustment = { variantId, locationId: warehouseId, kind: 'receive', quantity: 1 };
    const withoutHeader = await call('POST', '/v1/inventory/adjustments', adjustment, staff.read);
    expect(withoutHeader.status).toBe(403);
    expect(withoutHeader.body.error.code).toBe('staff_header_required');
    expect((await call('POST', '/v1/inventory/adjustments', adjustment, staff.write)).status).toBe(201);
    expect(
      (await call('POST', '/v1/inventory/adjustments', adjustment, { authorization: `Bearer ${ADMIN_KEY}` }))
        .status,
    ).toBe(201);

    const out = await call('POST', '/v1/staff/logout');
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });

  it('documents the session and staff routes in OpenAPI', async () => {
    const spec = (await call('GET', '/openapi.json')).body;
    for (const path of [
      '/v1/sessions',
      '/v1/sessions/{id}/messages',
      '/v1/sessions/{id}',
      '/v1/staff/login',
      '/v1/staff/queue',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect(spec.components.securitySchemes.session).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
