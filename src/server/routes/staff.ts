/**
 * The staff console's side of the assistant: sign in with the admin key (exchanged for a cookie),
 * watch conversations live, read transcripts with what each reply was built from, take a
 * conversation over, write to the shopper, and hand it back. Needs the @fastify/cookie plugin
 * registered on the app.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Assistant } from '../../assistant/index.js';
import type { CartService } from '../../cart/index.js';
import { STAFF_SIGN_IN_HOURS, type StaffAuth } from '../admin-auth.js';
import type { App } from '../app.js';
import {
  messageTextSchema,
  routingStatsSchema,
  sessionStatusSchema,
  sessionSummarySchema,
  shopperStateSchema,
  staffMessageSchema,
} from '../conversation-schemas.js';
import { eventStreams } from '../event-stream.js';
import { errorResponses } from '../schemas.js';

export interface StaffRouteOptions {
  readonly assistant: Pick<
    Assistant,
    | 'list'
    | 'queue'
    | 'transcript'
    | 'takeOver'
    | 'staffReply'
    | 'handBack'
    | 'close'
    | 'subscribe'
    | 'routingStats'
  >;
  readonly auth: StaffAuth;
  /** The shopper's cart, shown beside the transcript. */
  readonly cart: Pick<CartService, 'getCart'>;
  /** Milliseconds between keep-alive comments on the events stream. */
  readonly heartbeatMs?: number;
}

const HEARTBEAT_MS = 15_000;
// Sign-in attempts per client and minute: enough for people, too few to guess a key.
const LOGIN_ATTEMPTS_PER_MINUTE = 10;

const sessionParams = z.object({ id: z.string().min(1).max(100) });
const memberView = z.object({
  name: z.string(),
  via: z.enum(['key', 'cookie']),
  expiresAt: z.number().nullable().describe('epoch milliseconds; null for the bearer key'),
});
const sessionList = z.object({ sessions: z.array(sessionSummarySchema).readonly() });
const sessionView = z.object({ session: sessionSummarySchema });
const staffTranscript = z.object({
  session: sessionSummarySchema,
  messages: z.array(staffMessageSchema).readonly(),
  state: shopperStateSchema,
  cart: z
    .object({ cart: z.record(z.string(), z.unknown()), quote: z.record(z.string(), z.unknown()) })
    .nullable()
    .describe('the shopper’s cart and its quote, as GET /v1/carts/:id shows it'),
});

function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function registerStaffRoutes(app: App, options: StaffRouteOptions): void {
  const { assistant, auth } = options;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const tags = ['staff'];
  const openEventStream = eventStreams(app);
  const security = [{ admin: [] }, { staffCookie: [] }];
  const staffOnly = { onRequest: auth.guard };

  app.post(
    '/v1/staff/login',
    {
      config: { rateLimit: { max: LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: `Sign in to the staff console: the admin key is exchanged for a cookie valid ${STAFF_SIGN_IN_HOURS} h`,
        description:
          'Sets the httpOnly, SameSite=Strict cookie `aisle_staff`. Requests that change something with this cookie must carry `X-Aisle-Staff: 1`.',
        body: z.object({
          key: z.string().min(1).max(500).describe('AISLE_ADMIN_KEY'),
          name: z.string().trim().min(1).max(60).describe('shown to shoppers on staff messages'),
        }),
        response: { 200: memberView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { member, cookie } = auth.signIn(request.body.key, request.body.name, {
        secure: isHttps(request),
      });
      reply.setCookie(cookie.name, cookie.value, cookie.options);
      return member;
    },
  );

  app.post(
    '/v1/staff/logout',
    {
      schema: {
        tags,
        summary: 'Sign out of the staff console (removes the cookie)',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const cookie = auth.signOutCookie({ secure: isHttps(request) });
      reply.setCookie(cookie.name, cookie.value, cookie.options);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/staff/me',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Who is signed in',
        security,
        response: { 200: memberView, ...errorResponses },
      },
    },
    async (request) => auth.identify(request),
  );

  app.get(
    '/v1/staff/sessions',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Conversations, most recent first',
        security,
        querystring: z.object({ status: sessionStatusSchema.optional() }),
        response: { 200: sessionList, ...errorResponses },
      },
    },
    async (request) => {
      const { status } = request.query;
      return { sessions: await assistant.list(status === undefined ? {} : { status }) };
    },
  );

  app.get(
    '/v1/staff/queue',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Conversations waiting for a person, with the reason, oldest first',
        security,
        response: { 200: sessionList, ...errorResponses },
      },
    },
    async () => ({ sessions: await assistant.queue() }),
  );

  app.get(
    '/v1/staff/sessions/:id',
    {
      ...staffOnly,
      schema: {
        tags,
        summary:
          'A transcript with, per assistant reply, the tools called, the facts returned and the guard’s interventions',
        security,
        params: sessionParams,
        response: { 200: staffTranscript, ...errorResponses },
      },
    },
    async (request) => {
      const { session, messages, state } = await assistant.transcript(request.params.id);
      const cart =
        session.cartId === null
          ? null
          : ((await options.cart.getCart(session.cartId)) as unknown as z.infer<
              typeof staffTranscript
            >['cart']);
      return { session, messages, state, cart };
    },
  );

  app.post(
    '/v1/staff/sessions/:id/takeover',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Take the conversation over: the assistant stops answering until it is handed back',
        security,
        params: sessionParams,
        response: { 200: sessionView, ...errorResponses },
      },
    },
    async (request) => ({
      session: await assistant.takeOver(request.params.id, auth.identify(request).name),
    }),
  );

  app.post(
    '/v1/staff/sessions/:id/messages',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Write to the shopper (reaches their events stream at once)',
        security,
        params: sessionParams,
        body: messageTextSchema,
        response: { 200: z.object({ message: staffMessageSchema }), ...errorResponses },
      },
    },
    async (request) => ({
      message: await assistant.staffReply(request.params.id, auth.identify(request).name, request.body.text),
    }),
  );

  app.post(
    '/v1/staff/sessions/:id/handback',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Hand the conversation back to the assistant',
        security,
        params: sessionParams,
        response: { 200: sessionView, ...errorResponses },
      },
    },
    async (request) => ({
      session: await assistant.handBack(request.params.id, auth.identify(request).name),
    }),
  );

  app.post(
    '/v1/staff/sessions/:id/close',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Close the conversation',
        security,
        params: sessionParams,
        response: { 200: sessionView, ...errorResponses },
      },
    },
    async (request) => ({ session: await assistant.close(request.params.id) }),
  );

  app.get(
    '/v1/staff/events',
    {
      ...staffOnly,
      schema: {
        tags,
        summary:
          'A live stream (SSE) of every conversation’s events: messages (with traces) and status changes',
        description:
          'Events `message` and `status`, as on /v1/sessions/:id/events, plus a keep-alive comment every 15 s.',
        security,
        response: errorResponses,
      },
    },
    async (_request, reply) => {
      const stream = openEventStream(reply, { heartbeatMs });
      stream.onClose(assistant.subscribe('*', (event) => stream.send(event.type, event)));
      return reply;
    },
  );

  app.get(
    '/v1/staff/stats',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Which brain served the turns: the rules brain’s share and the tokens saved',
        security,
        response: { 200: routingStatsSchema, ...errorResponses },
      },
    },
    async () => assistant.routingStats(),
  );
}
