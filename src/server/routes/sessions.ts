/**
 * The shopper's side of the assistant: start a session, send messages (JSON, or a stream of the
 * turn's events over SSE), read the transcript, and listen for what happens in the session
 * (a person joining, their messages). Only the holder of the session's token may read or act; a
 * wrong token and an unknown session answer the same 404.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Assistant, SessionEvent, TranscriptMessage, TurnEvent } from '../../assistant/index.js';
import { AisleError, UnauthorizedError } from '../../core/index.js';
import type { App } from '../app.js';
import {
  messageTextSchema,
  replySchema,
  sessionStatusSchema,
  shopperMessageSchema,
  shopperStateSchema,
  turnReplySchema,
} from '../conversation-schemas.js';
import { eventStreams, isEventStreamRequest } from '../event-stream.js';
import { errorResponses } from '../schemas.js';

export interface SessionRouteOptions {
  readonly assistant: Pick<
    Assistant,
    'startSession' | 'authenticate' | 'turn' | 'send' | 'transcript' | 'subscribe'
  >;
  /** AISLE_WIDGET_KEY: when set, starting a session needs it in X-Aisle-Store-Key. */
  readonly widgetKey: string | undefined;
  /** Milliseconds between keep-alive comments on the events stream. */
  readonly heartbeatMs?: number;
}

const HEARTBEAT_MS = 15_000;

const sessionParams = z.object({ id: z.string().min(1).max(100) });
const tokenHeaders = z.object({
  authorization: z.string().max(300).optional().describe('Bearer <session token>'),
  'x-session-token': z.string().max(300).optional().describe('the session token, instead of Authorization'),
});

const startBody = z.object({
  locale: z
    .enum(['en', 'zh-TW'])
    .optional()
    .describe('the shopper’s language; the assistant follows the shopper after that'),
  channel: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'channel is 1 to 40 lower-case letters, digits, - or _')
    .optional()
    .describe(
      'the sales channel stock and promotions are kept for (default online); one your locations sell on',
    ),
  customerToken: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .describe('a signed customer token from the host site, for a shopper already signed in there'),
});

const transcriptView = z.object({
  sessionId: z.string(),
  status: sessionStatusSchema,
  locale: z.string(),
  messages: z.array(shopperMessageSchema),
  state: shopperStateSchema,
});

type TokenRequest = FastifyRequest<{
  Params: { id: string };
  Headers: { authorization?: string | undefined; 'x-session-token'?: string | undefined };
  Querystring: { token?: string | undefined };
}>;

function sessionToken(request: TokenRequest): string | null {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
  return bearer || request.headers['x-session-token'] || request.query?.token || null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What a shopper may see of a message: never the turn's trace. */
function forShopper(message: TranscriptMessage): z.infer<typeof shopperMessageSchema> {
  const { trace: _trace, ...visible } = message;
  return visible;
}

function eventData(event: TurnEvent): unknown {
  switch (event.type) {
    case 'text-delta':
      return { text: event.text };
    case 'tool':
      return { name: event.name };
    case 'reply':
      return { messageId: event.messageId, reply: event.reply, state: event.state };
  }
}

function sessionEventData(event: SessionEvent): unknown {
  return event.type === 'message' ? { ...event, message: forShopper(event.message) } : event;
}

export function registerSessionRoutes(app: App, options: SessionRouteOptions): void {
  const { assistant, widgetKey } = options;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const tags = ['sessions'];
  const openEventStream = eventStreams(app);
  const security = [{ session: [] }];

  const holder = async (request: FastifyRequest) => {
    const typed = request as TokenRequest;
    const token = sessionToken(typed);
    if (token === null) {
      throw new UnauthorizedError(
        'session routes need Authorization: Bearer <session token> (or X-Session-Token)',
      );
    }
    await assistant.authenticate(typed.params.id, token);
  };

  app.post(
    '/v1/sessions',
    {
      schema: {
        tags,
        summary: 'Start a conversation; keep the token, every other session route needs it',
        description:
          'Answers the assistant’s greeting (which says it is an AI). When the store sets AISLE_WIDGET_KEY, the request needs it in X-Aisle-Store-Key.',
        headers: z.object({ 'x-aisle-store-key': z.string().max(300).optional() }),
        body: startBody.nullish(),
        response: {
          201: z.object({
            sessionId: z.string(),
            token: z.string(),
            greeting: replySchema,
            state: shopperStateSchema,
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      if (widgetKey !== undefined) {
        const given = request.headers['x-aisle-store-key'];
        if (given === undefined || !sameSecret(given, widgetKey)) {
          throw new AisleError(
            'invalid_store_key',
            'starting a session needs the store key in X-Aisle-Store-Key',
            {
              status: 401,
            },
          );
        }
      }
      const { locale, channel, customerToken } = request.body ?? {};
      const started = await assistant.startSession({
        ...(locale !== undefined && { locale }),
        ...(channel !== undefined && { channel }),
        ...(customerToken !== undefined && { customerToken }),
      });
      reply.code(201);
      return started;
    },
  );

  app.post(
    '/v1/sessions/:id/messages',
    {
      preHandler: holder,
      schema: {
        tags,
        summary: 'Send the shopper’s message; answers the reply, or streams the turn over SSE',
        description:
          'With `Accept: text/event-stream` the answer is a stream: `text-delta` events ({ text }) as the verified words come, `tool` events ({ name }) as tools run, then one `reply` event with the body described here, and the stream ends. A failure mid-turn arrives as `event: error` with { code, message }.',
        security,
        params: sessionParams,
        headers: tokenHeaders,
        body: messageTextSchema,
        response: { 200: turnReplySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { text } = request.body;
      if (!isEventStreamRequest(request.headers.accept)) {
        const { messageId, reply: answer, state } = await assistant.send(id, text);
        return { messageId, reply: answer, state };
      }
      // The turn's first step runs before the stream opens, so a refusal at the start (a closed
      // session, a turn already running) is an ordinary JSON error with its status.
      const events = assistant.turn(id, text)[Symbol.asyncIterator]();
      let next = await events.next();
      const stream = openEventStream(reply);
      try {
        // A shopper who goes away mid-turn still gets the turn finished and stored; only the
        // writing stops (send ignores a closed stream).
        for (; !next.done; next = await events.next()) stream.send(next.value.type, eventData(next.value));
      } catch (error) {
        stream.fail(error);
      } finally {
        stream.close();
      }
      return reply;
    },
  );

  app.get(
    '/v1/sessions/:id',
    {
      preHandler: holder,
      schema: {
        tags,
        summary: 'The conversation so far, and the shopper’s state (cart, who they are)',
        security,
        params: sessionParams,
        headers: tokenHeaders,
        response: { 200: transcriptView, ...errorResponses },
      },
    },
    async (request) => {
      const { session, messages, state } = await assistant.transcript(request.params.id);
      return {
        sessionId: session.id,
        status: session.status,
        locale: session.locale,
        messages: messages.map(forShopper),
        state,
      };
    },
  );

  app.get(
    '/v1/sessions/:id/events',
    {
      preHandler: holder,
      schema: {
        tags,
        summary: 'A live stream (SSE) of what happens in the session: staff messages, status changes',
        description:
          'Events: `message` ({ sessionId, message }) and `status` ({ sessionId, status, reason? }), plus a keep-alive comment every 15 s. A browser EventSource cannot set headers, so this route also takes the token as `?token=`.',
        security,
        params: sessionParams,
        headers: tokenHeaders,
        querystring: z.object({ token: z.string().max(300).optional() }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const stream = openEventStream(reply, { heartbeatMs });
      stream.onClose(
        assistant.subscribe(request.params.id, (event) => stream.send(event.type, sessionEventData(event))),
      );
      return reply;
    },
  );
}
