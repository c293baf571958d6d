import type { AddressInfo } from 'node:net';
import { fastifyCookie } from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptedAssistant, type ScriptedAssistant } from '../../../test/server/scripted-assistant.js';
import { nextEvent, readEventStream } from '../../../test/server/sse-client.js';
import { ManualClock } from '../../core/index.js';
import { createStaffAuth, STAFF_SIGN_IN_HOURS } from '../admin-auth.js';
import { installErrorHandler } from '../error-handler.js';
import { registerStaffRoutes } from './staff.js';

const ADMIN_KEY = 'staff-route-admin-key';

type Json = Record<string, any>;

async function listen(assistant: ScriptedAssistant, adminKey: string | undefined, clock: ManualClock) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(fastifyCookie);
  registerStaffRoutes(app.withTypeProvider<ZodTypeProvider>(), {
    assistant,
    auth: createStaffAuth({ adminKey, clock }),
    cart: {
      getCart: async () => {
        throw new Error('no carts in these tests');
      },
    },
    heartbeatMs: 60_000,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

describe('staff routes', () => {
  let app: FastifyInstance;
  let base: string;
  let assistant: ScriptedAssistant;
  const clock = new ManualClock(Date.UTC(2026, 10, 26, 9));

  beforeAll(async () => {
    assistant = createScriptedAssistant();
    ({ app, base } = await listen(assistant, ADMIN_KEY, clock));
  });
  afterAll(() => app.close());

  const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
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
  const signIn = async (name = 'Mei') => {
    const response = await call('POST', '/v1/staff/login', {}, { key: ADMIN_KEY, name });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    return { cookie: cookie.split(';')[0]!, header: cookie, body: response.body };
  };

  it('exchanges the admin key for an httpOnly, SameSite=Strict cookie that lasts 12 hours', async () => {
    const { header, body, cookie } = await signIn('Mei');
    expect(header).toMatch(/^aisle_staff=[^;]+/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain(`Max-Age=${STAFF_SIGN_IN_HOURS * 3600}`);
    expect(header).not.toContain(ADMIN_KEY);
    expect(body).toEqual({
      name: 'Mei',
      via: 'cookie',
      expiresAt: clock.now() + STAFF_SIGN_IN_HOURS * 3600_000,
    });

    const me = await call('GET', '/v1/staff/me', { cookie });
    expect(me.body).toMatchObject({ name: 'Mei', via: 'cookie' });
    const withKey = await call('GET', '/v1/staff/me', { authorization: `Bearer ${ADMIN_KEY}` });
    expect(withKey.body).toEqual({ name: 'admin', via: 'key', expiresAt: null });
  });

  it('refuses a wrong key, a tampered cookie and an expired one', async () => {
    const wrong = await call('POST', '/v1/staff/login', {}, { key: 'not-the-key', name: 'Eve' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const { cookie } = await signIn('Mei');
    const [name, value] = cookie.split('=') as [string, string];
    const decoded = decodeURIComponent(value);
    const claims = JSON.parse(Buffer.from(decoded.split('.')[0]!, 'base64url').toString()) as Json;
    const forged = Buffer.from(JSON.stringify({ ...claims, n: 'Boss' })).toString('base64url');
    const tampered = `${name}=${encodeURIComponent(`${forged}.${decoded.split('.')[1]}`)}`;
    expect((await call('GET', '/v1/staff/me', { cookie: tampered })).status).toBe(401);

    clock.advance(STAFF_SIGN_IN_HOURS * 3600_000 + 1);
    try {
      expect((await call('GET', '/v1/staff/me', { cookie })).status).toBe(401);
    } finally {
      clock.advance(-(STAFF_SIGN_IN_HOURS * 3600_000 + 1));
    }
  });

  it('needs X-Aisle-Staff: 1 on changes made with the cookie, not with the bearer key', async () => {
    const { cookie } = await signIn('Mei');
    const { sessionId } = await assistant.startSession();
    const bare = await call('POST', `/v1/staff/sessions/${sessionId}/takeover`, { cookie });
    expect(bare.status).toBe(403);
    expect(bare.body.error.code).toBe('staff_header_required');

    const taken = await call('POST', `/v1/staff/sessions/${sessionId}/takeover`, {
      cookie,
      'x-aisle-staff': '1',
    });
    expect(taken.status).toBe(200);
    expect(taken.body.session).toMatchObject({ status: 'staff', staffName: 'Mei' });

    const handedBack = await call('POST', `/v1/staff/sessions/${sessionId}/handback`, {
      authorization: `Bearer ${ADMIN_KEY}`,
    });
    expect(handedBack.body.session.status).toBe('assistant');
  });

  it('signs out by removing the cookie', async () => {
    const out = await call('POST', '/v1/staff/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^aisle_staff=;.*Max-Age=0/);
  });

  it('answers 401 to staff routes without credentials', async () => {
    for (const path of [
      '/v1/staff/me',
      '/v1/staff/sessions',
      '/v1/staff/queue',
      '/v1/staff/stats',
      '/v1/staff/events',
    ]) {
      const response = await call('GET', path);
      expect(response.status, path).toBe(401);
      expect(response.body.error.code).toBe('unauthorized');
    }
  });

  it('lists sessions by status, shows transcripts with traces, and writes as the signed-in person', async () => {
    const { cookie } = await signIn('Ana');
    const staff = { cookie, 'x-aisle-staff': '1' };
    const { sessionId } = await assistant.startSession({ locale: 'en' });
    await assistant.send(sessionId, 'trail shoes');

    const transcript = await call('GET', `/v1/staff/sessions/${sessionId}`, { cookie });
    const answer = transcript.body.messages.at(-1);
    expect(answer.trace).toMatchObject({ brain: 'rules', tools: [{ name: 'search_products', ok: true }] });
    expect(transcript.body.cart).toBeNull();

    const written = await call('POST', `/v1/staff/sessions/${sessionId}/messages`, staff, {
      text: 'Hi, Ana here',
    });
    expect(written.body.message).toMatchObject({ role: 'staff', author: 'Ana', text: 'Hi, Ana here' });
    const withStaff = await call('GET', '/v1/staff/sessions?status=staff', { cookie });
    expect(withStaff.body.sessions.map((s: Json) => s.id)).toContain(sessionId);
    expect((await call('GET', '/v1/staff/sessions?status=lost', { cookie })).status).toBe(400);

    const closed = await call('POST', `/v1/staff/sessions/${sessionId}/close`, staff);
    expect(closed.body.session.status).toBe('closed');
    expect((await call('GET', '/v1/staff/sessions/ses_missing', { cookie })).status).toBe(404);
    expect((await call('POST', `/v1/staff/sessions/${sessionId}/messages`, staff, { text: '' })).status).toBe(
      400,
    );
  });

  it('streams every session’s events, with traces, to the console', async () => {
    const { cookie } = await signIn('Mei');
    const controller = new AbortController();
    const response = await fetch(`${base}/v1/staff/events`, {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const stream = readEventStream(response);
    const { sessionId } = await assistant.startSession();
    const greeting = await nextEvent(stream);
    expect(greeting.data).toMatchObject({ type: 'message', sessionId, message: { role: 'assistant' } });
    await assistant.send(sessionId, 'tea');
    const reply = await nextEvent(stream, (e) => (e.data as Json).message?.role === 'assistant');
    expect((reply.data as Json).message.trace.brain).toBe('rules');
    controller.abort();
    await stream.return(undefined).catch(() => undefined);
  });

  it('reports which brain served the turns', async () => {
    const stats = await call('GET', '/v1/staff/stats', { authorization: `Bearer ${ADMIN_KEY}` });
    expect(stats.body).toMatchObject({ turns: { rules: 1 }, rulesShare: 1 });
  });
});

describe('staff routes without an admin key', () => {
  it('keeps the console closed', async () => {
    const { app, base } = await listen(createScriptedAssistant(), undefined, new ManualClock());
    try {
      const login = await fetch(`${base}/v1/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: 'anything-at-all', name: 'Eve' }),
      });
      expect(login.status).toBe(403);
      expect(((await login.json()) as Json).error.code).toBe('admin_disabled');
    } finally {
      await app.close();
    }
  });
});
