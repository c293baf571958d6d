import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptedAssistant, type ScriptedAssistant } from '../../../test/server/scripted-assistant.js';
import { collectEvents, nextEvent, readEventStream } from '../../../test/server/sse-client.js';
import { ValidationError } from '../../core/index.js';
import { installErrorHandler } from '../error-handler.js';
import { registerSessionRoutes } from './sessions.js';

const STORE_KEY = 'widget-key-for-tests';

type Json = Record<string, any>;

async function listen(assistant: ScriptedAssistant, widgetKey: string | undefined) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  registerSessionRoutes(app.withTypeProvider<ZodTypeProvider>(), { assistant, widgetKey, heartbeatMs: 20 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

describe('session routes', () => {
  let app: FastifyInstance;
  let base: string;
  let assistant: ScriptedAssistant;

  beforeAll(async () => {
    assistant = createScriptedAssistant();
    ({ app, base } = await listen(assistant, undefined));
  });
  afterAll(() => app.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const start = async () =>
    (await (await post('/v1/sessions', { locale: 'zh-TW' })).json()) as { sessionId: string; token: string };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('starts a session with a greeting and answers a message for the token holder', async () => {
    const created = await post('/v1/sessions', { locale: 'zh-TW', channel: 'web' });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Json;
    expect(body.greeting.text).toContain('AI');
    expect(body.state).toEqual({ cart: null, shopper: null, status: 'assistant' });

    const answered = await post(
      `/v1/sessions/${body.sessionId}/messages`,
      { text: 'hiking shoes' },
      bearer(body.token),
    );
    expect(answered.status).toBe(200);
    const turn = (await answered.json()) as Json;
    expect(turn.reply.text).toBe('You said: hiking shoes');
    expect(turn.reply.suggestions).toEqual([{ label: 'More', text: 'more' }]);
    expect(turn.messageId).toMatch(/^msg_/);

    const viaHeader = await post(
      `/v1/sessions/${body.sessionId}/messages`,
      { text: 'again' },
      { 'x-session-token': body.token },
    );
    expect(viaHeader.status).toBe(200);
  });

  it('starts a session without a body', async () => {
    const created = await fetch(`${base}/v1/sessions`, { method: 'POST' });
    expect(created.status).toBe(201);
  });

  it('answers 401 without a token, and the same 404 for a wrong token and an unknown session', async () => {
    const mine = await start();
    const theirs = await start();
    const missing = await post(`/v1/sessions/${mine.sessionId}/messages`, { text: 'hi' });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as Json).error.code).toBe('unauthorized');

    const wrongToken = await post(
      `/v1/sessions/${mine.sessionId}/messages`,
      { text: 'hi' },
      bearer(theirs.token),
    );
    const unknown = await post('/v1/sessions/ses_nope/messages', { text: 'hi' }, bearer(theirs.token));
    expect(wrongToken.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = (await Promise.all([wrongToken.json(), unknown.json()])) as [Json, Json];
    expect(a.error.code).toBe('session_not_found');
    expect(b.error.code).toBe('session_not_found');

    expect(
      (await fetch(`${base}/v1/sessions/${mine.sessionId}`, { headers: bearer(theirs.token) })).status,
    ).toBe(404);
    expect(
      (await fetch(`${base}/v1/sessions/${mine.sessionId}/events`, { headers: bearer(theirs.token) })).status,
    ).toBe(404);
  });

  it.each([
    ['empty text', { text: '   ' }],
    ['text over 2000 characters', { text: 'a'.repeat(2001) }],
    ['no text', {}],
  ])('refuses %s with invalid_input', async (_case, body) => {
    const { sessionId, token } = await start();
    const response = await post(`/v1/sessions/${sessionId}/messages`, body, bearer(token));
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).error.code).toBe('invalid_input');
  });

  it('refuses a locale it does not speak', async () => {
    const response = await post('/v1/sessions', { locale: 'fr' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).error.code).toBe('invalid_input');
  });

  it('streams a turn as tool, text-delta and reply events when asked for text/event-stream', async () => {
    const { sessionId, token } = await start();
    const response = await post(
      `/v1/sessions/${sessionId}/messages`,
      { text: 'waterproof boots' },
      { ...bearer(token), accept: 'text/event-stream' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('no-cache');
    const events = await collectEvents(response);
    expect(events[0]).toEqual({ event: 'tool', data: { name: 'search_products' } });
    const last = events.at(-1)!;
    expect(last.event).toBe('reply');
    const words = events
      .filter((e) => e.event === 'text-delta')
      .map((e) => (e.data as { text: string }).text)
      .join('');
    expect(words).toBe((last.data as Json).reply.text);
    expect((last.data as Json).state.status).toBe('assistant');
  });

  it('ends a failing streamed turn with an error event carrying the stable code', async () => {
    const { sessionId, token } = await start();
    assistant.failNext(new ValidationError('that will not do', undefined, 'scripted_failure'));
    const response = await post(
      `/v1/sessions/${sessionId}/messages`,
      { text: 'anything' },
      { ...bearer(token), accept: 'text/event-stream' },
    );
    const events = await collectEvents(response);
    expect(events.at(-1)).toEqual({
      event: 'error',
      data: { code: 'scripted_failure', message: 'that will not do' },
    });

    assistant.failNext(new Error('database on fire at /srv/secret'));
    const hidden = await collectEvents(
      await post(
        `/v1/sessions/${sessionId}/messages`,
        { text: 'again' },
        { ...bearer(token), accept: 'text/event-stream' },
      ),
    );
    expect(hidden.at(-1)).toEqual({
      event: 'error',
      data: { code: 'internal_error', message: 'something went wrong on our side' },
    });
  });

  it('answers a turn refused at the start with a JSON error, even when a stream was asked for', async () => {
    const { sessionId, token } = await start();
    await assistant.close(sessionId);
    const response = await post(
      `/v1/sessions/${sessionId}/messages`,
      { text: 'hello?' },
      { ...bearer(token), accept: 'text/event-stream' },
    );
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as Json).error.code).toBe('session_closed');
  });

  it('shows the shopper the transcript without the traces staff see', async () => {
    const { sessionId, token } = await start();
    await post(`/v1/sessions/${sessionId}/messages`, { text: 'socks' }, bearer(token));
    const response = await fetch(`${base}/v1/sessions/${sessionId}`, { headers: bearer(token) });
    const body = (await response.json()) as Json;
    expect(body.locale).toBe('zh-TW');
    expect(body.messages.map((m: Json) => m.role)).toEqual(['assistant', 'shopper', 'assistant']);
    expect(body.messages.every((m: Json) => !('trace' in m))).toBe(true);
    expect(body.state.status).toBe('assistant');
  });

  it('streams a person joining to the shopper, keeps the stream alive, and stops listening when it closes', async () => {
    const { sessionId, token } = await start();
    const other = await start();
    const listenersBefore = assistant.listenerCount;
    const controller = new AbortController();
    // EventSource cannot send headers: the token may come as a query parameter.
    const response = await fetch(`${base}/v1/sessions/${sessionId}/events?token=${token}`, {
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const stream = readEventStream(response);

    await assistant.staffReply(other.sessionId, 'Mei', 'not for you');
    await assistant.staffReply(sessionId, 'Mei', 'Hello, Mei here');
    const status = await nextEvent(stream);
    expect(status).toEqual({ event: 'status', data: { type: 'status', sessionId, status: 'staff' } });
    const message = await nextEvent(stream);
    expect((message.data as Json).message).toMatchObject({
      role: 'staff',
      text: 'Hello, Mei here',
      author: 'Mei',
    });

    await assistant.send(sessionId, 'thanks');
    const echoed = await nextEvent(stream, (e) => (e.data as Json).message?.role === 'assistant');
    expect('trace' in (echoed.data as Json).message).toBe(false);

    let comment = await stream.next();
    while (!comment.done && !('comment' in comment.value)) comment = await stream.next();
    expect(comment.value).toEqual({ comment: 'keep-alive' });

    controller.abort();
    await stream.return(undefined).catch(() => undefined);
    await expect.poll(() => assistant.listenerCount).toBe(listenersBefore);
  });
});

describe('session routes on a closing server', () => {
  it('ends the open event streams, so a listening widget cannot hold the shutdown', async () => {
    const assistant = createScriptedAssistant();
    const { app, base } = await listen(assistant, undefined);
    const { sessionId, token } = await assistant.startSession();
    const response = await fetch(`${base}/v1/sessions/${sessionId}/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const reading = response.text();
    await app.close();
    await expect(reading).resolves.toEqual(expect.any(String));
    expect(assistant.listenerCount).toBe(0);
  });
});

describe('session routes with a store key', () => {
  it('starts sessions only for a caller presenting AISLE_WIDGET_KEY', async () => {
    const { app, base } = await listen(createScriptedAssistant(), STORE_KEY);
    try {
      const start = (headers: Record<string, string>) =>
        fetch(`${base}/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: '{}',
        });
      const missing = await start({});
      expect(missing.status).toBe(401);
      expect(((await missing.json()) as Json).error.code).toBe('invalid_store_key');
      expect((await start({ 'x-aisle-store-key': 'wrong' })).status).toBe(401);
      expect((await start({ 'x-aisle-store-key': STORE_KEY })).status).toBe(201);
    } finally {
      await app.close();
    }
  });
});
