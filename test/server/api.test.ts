import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductInput } from '../../src/catalog/index.js';
import { loadConfig, ManualClock } from '../../src/core/index.js';
import { type AppServices, buildServer, createServices } from '../../src/server/index.js';
import { describeEachEngine } from '../support/engines.js';

const ADMIN_KEY = 'test-admin-key-123';

const twd = (major: number) => ({ amount: major * 100, currency: 'TWD' });

const products: ProductInput[] = [
  {
    handle: 'storm-shell',
    title: { en: 'Storm Shell Waterproof Jacket', 'zh-TW': '風暴防水外套' },
    description: { en: 'Three-layer waterproof shell.', 'zh-TW': '三層防水外套。' },
    brand: 'Northwind',
    categoryPath: ['Clothing', 'Jackets'],
    tags: ['waterproof'],
    options: [
      { name: 'Size', values: ['M', 'L'] },
      { name: 'Color', values: ['Black', 'Navy'] },
    ],
    variants: [
      { sku: 'SS-M-BLK', optionValues: ['M', 'Black'], price: twd(4200), cost: twd(2000) },
      { sku: 'SS-L-BLK', optionValues: ['L', 'Black'], price: twd(4200), cost: twd(2000) },
      { sku: 'SS-M-NVY', optionValues: ['M', 'Navy'], price: twd(3900), compareAtPrice: twd(4200) },
    ],
  },
  {
    handle: 'oolong-tea',
    title: { en: 'High Mountain Oolong Tea', 'zh-TW': '高山烏龍茶' },
    description: { en: 'Loose leaf tea, 150 g.' },
    brand: 'Leaf & Cup',
    categoryPath: ['Tea', 'Oolong'],
    variants: [{ sku: 'TEA-OOL-150', optionValues: [], price: twd(680) }],
  },
];

describeEachEngine('HTTP API', (harness) => {
  let services: AppServices;
  let app: FastifyInstance;
  let base: string;
  const admin = { authorization: `Bearer ${ADMIN_KEY}` };
  const variantIds: Record<string, string> = {};
  let storeId = '';

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
  };

  beforeAll(async () => {
    const store = await harness.open();
    const config = { ...loadConfig({}), adminKey: ADMIN_KEY, rateLimitPerMinute: 10_000 };
    services = await createServices(config, { store, clock: new ManualClock(Date.UTC(2026, 10, 1)) });
    const results = await services.catalog.upsertProducts(products);
    for (const { product } of results) for (const v of product.variants) variantIds[v.sku ?? v.id] = v.id;
    const warehouse = await services.inventory.upsertLocation({
      code: 'wh',
      name: { en: 'Warehouse' },
      kind: 'warehouse',
      priority: 1,
      channels: ['online'],
    });
    const shop = await services.inventory.upsertLocation({
      code: 'taipei',
      name: { en: 'Taipei store' },
      kind: 'store',
      priority: 2,
      channels: ['online', 'pos'],
      pickup: true,
    });
    storeId = shop.id;
    await services.inventory.adjust({
      variantId: variantIds['SS-M-BLK']!,
      locationId: warehouse.id,
      kind: 'receive',
      quantity: 3,
      actor: 't',
    });
    await services.inventory.adjust({
      variantId: variantIds['SS-M-BLK']!,
      locationId: shop.id,
      kind: 'receive',
      quantity: 2,
      actor: 't',
    });
    await services.inventory.adjust({
      variantId: variantIds['TEA-OOL-150']!,
      locationId: shop.id,
      kind: 'receive',
      quantity: 40,
      actor: 't',
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

  it('serves a product by id and by handle, localized, without cost', async () => {
    const byHandle = await call('GET', '/v1/products/storm-shell?locale=zh-TW');
    expect(byHandle.status).toBe(200);
    expect(byHandle.body.title).toBe('風暴防水外套');
    expect(byHandle.body.priceRange).toEqual({ min: twd(3900), max: twd(4200) });
    expect(JSON.stringify(byHandle.body)).not.toContain('cost');
    const byId = await call('GET', `/v1/products/${byHandle.body.id}`);
    expect(byId.body.handle).toBe('storm-shell');
  });

  it('answers 404 with a stable code for an unknown product', async () => {
    const response = await call('GET', '/v1/products/nope');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });

  it('pages through every active product exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Record<string, any> } = await call(
        'GET',
        `/v1/products?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((p: { handle: string }) => p.handle));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['oolong-tea', 'storm-shell']);
  });

  it('searches in English and Chinese with facets and an in-stock filter', async () => {
    const english = await call('GET', '/v1/search?q=waterproof%20jacket&facets=brand,option:color');
    expect(english.status).toBe(200);
    expect(english.body.hits[0].title).toBe('Storm Shell Waterproof Jacket');
    expect(english.body.facets.brand).toEqual([{ value: 'Northwind', count: 1 }]);
    const chinese = await call('GET', `/v1/search?q=${encodeURIComponent('烏龍茶')}&locale=zh-TW`);
    expect(chinese.body.hits.map((h: { title: string }) => h.title)).toEqual(['高山烏龍茶']);
    const navyInStock = await call('GET', '/v1/search?q=jacket&option.color=Navy&inStock=true');
    expect(navyInStock.body.total).toBe(0);
    const blackInStock = await call('GET', '/v1/search?q=jacket&option.color=Black&inStock=true');
    expect(blackInStock.body.hits[0].matchedVariantIds).toEqual([variantIds['SS-M-BLK']]);
  });

  it('rejects a bad search parameter with 400 invalid_input', async () => {
    const response = await call('GET', '/v1/search?q=x&limit=0');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_input');
    const inverted = await call('GET', '/v1/search?priceMin=500&priceMax=100');
    expect(inverted.status).toBe(400);
  });

  it('reports availability per location with a low-stock flag', async () => {
    const response = await call(
      'GET',
      `/v1/inventory/availability?variantIds=${variantIds['SS-M-BLK']},${variantIds['SS-M-NVY']}`,
    );
    expect(response.status).toBe(200);
    const [black, navy] = response.body.items;
    expect(black.available).toBe(5);
    expect(black.locations.find((l: { locationCode: string }) => l.locationCode === 'taipei').available).toBe(
      2,
    );
    expect(navy.inStock).toBe(false);
  });

  it('keeps admin routes behind the admin key', async () => {
    const body = { variantId: variantIds['SS-L-BLK'], locationId: storeId, kind: 'receive', quantity: 1 };
    expect((await call('POST', '/v1/inventory/adjustments', body)).status).toBe(401);
    expect(
      (await call('POST', '/v1/inventory/adjustments', body, { authorization: 'Bearer wrong-key-000' }))
        .status,
    ).toBe(401);
    const ok = await call('POST', '/v1/inventory/adjustments', body, admin);
    expect(ok.status).toBe(201);
    expect(ok.body.onHand).toBe(1);
  });

  it('holds the last units all or nothing, 409 naming the short line', async () => {
    const tea = variantIds['TEA-OOL-150']!;
    const jacket = variantIds['SS-M-BLK']!;
    const short = await call(
      'POST',
      '/v1/inventory/reservations',
      {
        referenceType: 'cart',
        referenceId: 'c1',
        lines: [
          { variantId: tea, quantity: 1 },
          { variantId: jacket, quantity: 6 },
        ],
      },
      admin,
    );
    expect(short.status).toBe(409);
    expect(short.body.error.code).toBe('insufficient_stock');
    expect(short.body.error.details.lines).toEqual([
      expect.objectContaining({ variantId: jacket, requested: 6, available: 5 }),
    ]);
    const teaAfter = await call('GET', `/v1/inventory/availability?variantIds=${tea}`);
    expect(teaAfter.body.items[0].available).toBe(40);

    const held = await call(
      'POST',
      '/v1/inventory/reservations',
      { referenceType: 'cart', referenceId: 'c2', lines: [{ variantId: jacket, quantity: 5 }] },
      admin,
    );
    expect(held.status).toBe(201);
    const none = await call('GET', `/v1/inventory/availability?variantIds=${jacket}`);
    expect(none.body.items[0].available).toBe(0);
    const committed = await call(
      'POST',
      `/v1/inventory/reservations/${held.body.id}/commit`,
      undefined,
      admin,
    );
    expect(committed.body.status).toBe('committed');
    const released = await call('DELETE', `/v1/inventory/reservations/${held.body.id}`, undefined, admin);
    expect(released.status).toBe(409);
  });

  it('imports a Shopify CSV sent as the body and makes it searchable', async () => {
    const csv = [
      'Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price',
      'ceramic-mug,Ceramic Mug,<p>Stoneware mug</p>,Kiln Co,Mugs,kitchen,TRUE,Title,Default Title,MUG-1,12,450.00',
    ].join('\n');
    const response = await fetch(`${base}/v1/import?format=shopify&currency=TWD`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(response.status).toBe(200);
    const summary = (await response.json()) as Record<string, number>;
    expect(summary.created).toBe(1);
    const found = await call('GET', '/v1/search?q=mug&inStock=true');
    expect(found.body.hits[0].title).toBe('Ceramic Mug');
  });

  it('refuses an import without the admin key, and a body that is not a feed', async () => {
    const anonymous = await fetch(`${base}/v1/import?format=shopify`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'x',
    });
    expect(anonymous.status).toBe(401);
    const json = await call('POST', '/v1/import?format=shopify', { not: 'a feed' }, admin);
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('unsupported_body');
  });

  it('publishes an OpenAPI document that lists the routes', async () => {
    const response = await call('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/v1/products', '/v1/search', '/v1/inventory/reservations', '/v1/import']),
    );
  });
});

describe('HTTP API without an admin key', () => {
  it('closes admin routes with 403 admin_disabled', async () => {
    const services = await createServices({ ...loadConfig({}), db: 'sqlite::memory:', adminKey: undefined });
    const app = await buildServer({ services });
    const response = await app.inject({ method: 'POST', url: '/v1/inventory/adjustments', payload: {} });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('admin_disabled');
    await app.close();
    await services.close();
  });
});

describe('demo pages', () => {
  it('serves the home page and the placeholder images the demo catalog points at', async () => {
    const { demoImageSlugs } = await import('../../src/demo/index.js');
    const services = await createServices({ ...loadConfig({}), db: 'sqlite::memory:' });
    const app = await buildServer({ services });
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    const slug = demoImageSlugs()[0];
    const image = await app.inject({ method: 'GET', url: `/demo/images/${slug}.svg` });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toContain('image/svg+xml');
    expect(image.body).toContain('<svg');
    const missing = await app.inject({ method: 'GET', url: '/demo/images/no-such-thing.svg' });
    expect(missing.statusCode).toBe(404);
    await app.close();
    await services.close();
  });
});

describe('signing a customer into a cart', () => {
  it('needs the admin key and the cart token, and refuses an unknown customer', async () => {
    const services = await createServices({ ...loadConfig({}), db: 'sqlite::memory:', adminKey: ADMIN_KEY });
    const app = await buildServer({ services });
    const customer = await services.customers.create({ name: 'Amy Chen', email: 'amy@example.com' });
    const created = (await app.inject({ method: 'POST', url: '/v1/carts', payload: {} })).json();
    const url = `/v1/carts/${created.cartId}/customer`;
    const cartToken = { 'x-cart-token': created.token };
    const adminHeader = { authorization: `Bearer ${ADMIN_KEY}` };

    const noAdmin = await app.inject({
      method: 'PUT',
      url,
      headers: cartToken,
      payload: { customerId: customer.id },
    });
    expect(noAdmin.statusCode).toBe(401);
    const noToken = await app.inject({
      method: 'PUT',
      url,
      headers: adminHeader,
      payload: { customerId: customer.id },
    });
    expect(noToken.statusCode).toBe(401);
    const unknown = await app.inject({
      method: 'PUT',
      url,
      headers: { ...cartToken, ...adminHeader },
      payload: { customerId: 'cus_nope' },
    });
    expect(unknown.statusCode).toBe(404);
    const signedIn = await app.inject({
      method: 'PUT',
      url,
      headers: { ...cartToken, ...adminHeader },
      payload: { customerId: customer.id },
    });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().cart.customerId).toBe(customer.id);
    await app.close();
    await services.close();
  });
});
