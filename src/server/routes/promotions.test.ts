import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineHarnesses } from '../../../test/support/engines.js';
import { ManualClock } from '../../core/index.js';
import { createPromotionService } from '../../promotions/index.js';
import { adminGuard } from '../admin-auth.js';
import { installErrorHandler } from '../error-handler.js';
import { registerPromotionRoutes } from './promotions.js';

const harness = engineHarnesses()[0]!;
const key = 'test-admin-key';
const auth = { authorization: `Bearer ${key}` };
let app: FastifyInstance;

beforeAll(async () => {
  const store = await harness.open();
  const clock = new ManualClock(Date.UTC(2026, 2, 10, 2));
  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  registerPromotionRoutes(
    app.withTypeProvider<ZodTypeProvider>(),
    { promotions: createPromotionService({ store, clock }), clock },
    adminGuard(key),
  );
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await harness.closeAll();
});

const promotion = {
  name: 'Spring',
  status: 'active',
  codes: ['spring'],
  actions: [{ type: 'order_percent', percent: 10 }],
};

describe('promotion routes', () => {
  it('keeps the admin routes behind the admin key', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/promotions' });
    expect(response.statusCode).toBe(401);
  });

  it('creates, versions, reads old versions and archives', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/v1/promotions',
      headers: auth,
      payload: { ...promotion, id: 'spring' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'spring', version: 1, status: 'active' });

    const updated = await app.inject({
      method: 'PUT',
      url: '/v1/promotions/spring',
      headers: auth,
      payload: { ...promotion, name: 'Spring sale', version: 1 },
    });
    expect(updated.json()).toMatchObject({ version: 2, name: 'Spring sale' });
    const stale = await app.inject({
      method: 'PUT',
      url: '/v1/promotions/spring',
      headers: auth,
      payload: { ...promotion, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');

    const old = await app.inject({ method: 'GET', url: '/v1/promotions/spring?version=1', headers: auth });
    expect(old.json()).toMatchObject({ version: 1, latestVersion: 2, name: 'Spring' });

    const taken = await app.inject({
      method: 'POST',
      url: '/v1/promotions',
      headers: auth,
      payload: { ...promotion, codes: ['SPRING'] },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('code_taken');

    const archived = await app.inject({ method: 'DELETE', url: '/v1/promotions/spring', headers: auth });
    expect(archived.json()).toMatchObject({ version: 3, status: 'archived' });
    const active = await app.inject({ method: 'GET', url: '/v1/promotions?status=active', headers: auth });
    expect(active.json().items).toEqual([]);
  });

  it('answers a bad document with 400 and the engine issues', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/promotions',
      headers: auth,
      payload: { ...promotion, codes: undefined, actions: [{ type: 'order_percent', percent: 150 }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_rules');
    expect(response.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(
      '$.actions[0].percent',
    );
  });

  it('dry-runs a cart under draft promotions with the reasons', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/promotions/dry-run',
      headers: auth,
      payload: {
        cart: {
          lines: [{ id: 'l1', productId: 'p1', variantId: 'v1', quantity: 2, unitPrice: 50000 }],
          coupons: ['BOGUS'],
        },
        draft: [
          {
            id: 'draft-20',
            version: 1,
            name: 'Twenty',
            status: 'active',
            actions: [{ type: 'order_percent', percent: 20 }],
          },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.applied).toEqual([expect.objectContaining({ promotionId: 'draft-20', amount: 20000 })]);
    expect(result.rejected).toEqual([expect.objectContaining({ promotionId: null })]);
  });

  it('shows shoppers a policy summary without internal fields, and admins the document', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/v1/policies',
      headers: auth,
      payload: {
        returns: {
          defaultDays: 30,
          rules: [{ id: 'internal-rule', priority: 5, match: { tags: ['clearance'] }, days: 0 }],
        },
        transitions: [{ action: 'cancel', states: ['pending'] }],
        shipping: {
          options: [
            {
              id: 'home',
              name: { en: 'Home delivery', 'zh-TW': '宅配' },
              regions: [{ country: 'tw', postalPrefixes: ['1'] }],
              fee: 10000,
              businessDays: { min: 1, max: 2 },
            },
          ],
        },
        tax: [{ id: 'vat', name: { en: 'VAT', 'zh-TW': '營業稅' }, country: 'TW', rate: 5, inclusive: true }],
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().version).toBe(1);

    const summary = await app.inject({ method: 'GET', url: '/v1/policies' });
    expect(summary.statusCode).toBe(200);
    const body = summary.json();
    expect(body).toMatchObject({
      version: 1,
      currency: 'TWD',
      returns: { defaultDays: 30, refundMethods: ['original'], exceptions: [{ days: 0, finalSale: true }] },
      shipping: { options: [{ id: 'home', countries: ['TW'], fee: 10000 }] },
      tax: { mode: 'inclusive' },
    });
    const text = summary.body;
    for (const internal of ['internal-rule', 'transitions', 'postalPrefixes', 'priority', 'pending'])
      expect(text).not.toContain(internal);

    expect((await app.inject({ method: 'GET', url: '/v1/policies/document' })).statusCode).toBe(401);
    const document = await app.inject({ method: 'GET', url: '/v1/policies/document', headers: auth });
    expect(document.json().document.transitions).toEqual([{ action: 'cancel', states: ['pending'] }]);

    const bad = await app.inject({
      method: 'PUT',
      url: '/v1/policies',
      headers: auth,
      payload: { returns: { defaultDays: -1 } },
    });
    expect(bad.statusCode).toBe(400);
  });
});
