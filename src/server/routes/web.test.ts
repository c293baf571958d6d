import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { registerWebRoutes, webDistDirectory } from './web.js';

function builtApps(): string {
  const dist = mkdtempSync(join(tmpdir(), 'aisle-web-'));
  mkdirSync(join(dist, 'widget'));
  writeFileSync(join(dist, 'widget', 'aisle.js'), 'console.log("widget")');
  mkdirSync(join(dist, 'admin'));
  writeFileSync(join(dist, 'admin', 'index.html'), '<!doctype html><title>console</title>');
  mkdirSync(join(dist, '.build-lock'));
  return dist;
}

describe('web routes', () => {
  let app: FastifyInstance;

  afterEach(() => app.close());

  async function serve(dist: string | null): Promise<FastifyInstance> {
    app = Fastify();
    registerWebRoutes(app.withTypeProvider<ZodTypeProvider>(), dist);
    app.get('/v1/products', async () => ({ items: [] }));
    app.get('/v1/customers', async () => ({ items: [] }));
    await app.ready();
    return app;
  }

  it('serves each built app under its own name, with a short cache and open to any origin', async () => {
    await serve(builtApps());
    const script = await app.inject({ method: 'GET', url: '/widget/aisle.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain('widget');
    expect(script.headers['cache-control']).toBe('public, max-age=300');
    expect(script.headers['access-control-allow-origin']).toBe('*');
    const staffConsole = await app.inject({ method: 'GET', url: '/admin/' });
    expect(staffConsole.statusCode).toBe(200);
    expect(staffConsole.body).toContain('<title>console</title>');
    expect((await app.inject({ method: 'GET', url: '/.build-lock/' })).statusCode).toBe(404);
  });

  it('starts without built apps', async () => {
    await serve(join(tmpdir(), 'aisle-no-such-dist'));
    expect((await app.inject({ method: 'GET', url: '/widget/aisle.js' })).statusCode).toBe(404);
  });

  it('answers other origins on shopper routes only', async () => {
    await serve(null);
    const origin = { origin: 'https://shop.example' };
    const products = await app.inject({ method: 'GET', url: '/v1/products', headers: origin });
    expect(products.headers['access-control-allow-origin']).toBe('*');
    const customers = await app.inject({ method: 'GET', url: '/v1/customers', headers: origin });
    expect(customers.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a preflight for the headers the widget sends, and refuses one for admin routes', async () => {
    await serve(null);
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/v1/carts/cart_1/checkout/complete',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    const allowed = String(preflight.headers['access-control-allow-headers']);
    for (const header of ['authorization', 'x-cart-token', 'idempotency-key', 'x-aisle-store-key']) {
      expect(allowed).toContain(header);
    }
    const admin = await app.inject({
      method: 'OPTIONS',
      url: '/v1/customers',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' },
    });
    expect(admin.statusCode).toBe(404);
    expect(admin.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('finds web/dist beside the package, from source or from a build', () => {
    expect(webDistDirectory()).toMatch(/web[/\\]dist$/);
  });
});
