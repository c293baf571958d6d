/**
 * The browser side: each built web app in web/dist/<name>/ is served at /<name>/ (the chat widget
 * at /widget/aisle.js, the staff console at /admin/), and the shopper-facing API answers other
 * origins, because the widget runs on the merchant's own site and calls this server from there.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app.js';

/**
 * Routes a page on another origin may call. They authenticate with bearer tokens (session token,
 * cart token) or need none, never with cookies, so answering any origin leaks nothing a script
 * could not already ask for directly. Admin routes are left out.
 */
const CROSS_ORIGIN_PREFIXES = [
  '/v1/sessions',
  '/v1/carts',
  '/v1/products',
  '/v1/search',
  '/v1/locations',
  '/v1/policies',
];
const ALLOWED_HEADERS =
  'authorization, content-type, accept, last-event-id, x-cart-token, idempotency-key, x-session-token, x-aisle-store-key';
// Built files keep their names between releases, so caches must check back soon.
const ASSET_MAX_AGE_SECONDS = 300;

/** web/dist, found from this file whether it runs from src/ (tsx) or from a compiled dist/. */
export function webDistDirectory(from = dirname(fileURLToPath(import.meta.url))): string | null {
  let at = from;
  for (;;) {
    if (existsSync(join(at, 'package.json'))) return join(at, 'web', 'dist');
    const parent = dirname(at);
    if (parent === at) return null;
    at = parent;
  }
}

function isCrossOriginRoute(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  return CROSS_ORIGIN_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function allowOrigin(request: FastifyRequest, reply: FastifyReply): void {
  if (request.headers.origin === undefined || !isCrossOriginRoute(request.url)) return;
  // On the raw response, so streamed answers (SSE written straight to the socket) carry them too.
  reply.raw.setHeader('access-control-allow-origin', '*');
  reply.raw.setHeader('access-control-expose-headers', 'content-type, retry-after');
}

export function registerWebRoutes(app: App, distDirectory = webDistDirectory()): void {
  app.addHook('onRequest', async (request, reply) => allowOrigin(request, reply));
  app.options('/v1/*', { schema: { hide: true } }, async (request, reply) => {
    if (!isCrossOriginRoute(request.url)) return reply.code(404).send();
    return reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE')
      .header('access-control-allow-headers', ALLOWED_HEADERS)
      .header('access-control-max-age', '600')
      .send();
  });

  if (distDirectory === null || !existsSync(distDirectory)) return;
  for (const name of readdirSync(distDirectory)) {
    const root = join(distDirectory, name);
    // Dot entries are the build's own bookkeeping (its lock), not apps.
    if (name.startsWith('.') || !statSync(root).isDirectory()) continue;
    app.register(fastifyStatic, {
      root,
      prefix: `/${name}/`,
      decorateReply: false,
      redirect: true,
      setHeaders: (reply) => {
        reply.header('cache-control', `public, max-age=${ASSET_MAX_AGE_SECONDS}`);
        // The widget's script is loaded by pages on any origin.
        reply.header('access-control-allow-origin', '*');
      },
    });
  }
}
