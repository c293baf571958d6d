import { readFile } from 'node:fs/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/engines.js';
import { ManualClock } from '../../core/index.js';
import { createCustomerService } from '../../customers/index.js';
import { createGiftCards, createStoreCredit } from '../../payments/index.js';
import { adminGuard } from '../admin-auth.js';
import { installErrorHandler } from '../error-handler.js';
import { registerCustomerRoutes } from './customers.js';

const ADMIN_KEY = 'customers-admin-key';
const admin = { authorization: `Bearer ${ADMIN_KEY}` };

describeEachEngine('customer routes', (harness) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const store = await harness.open();
    const clock = new ManualClock(Date.UTC(2026, 2, 1));
    const customers = createCustomerService({
      store,
      clock,
      payments: {
        giftCards: createGiftCards({ store, clock }),
        storeCredit: createStoreCredit({ store, clock }),
      },
    });
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandler(app);
    registerCustomerRoutes(app.withTypeProvider<ZodTypeProvider>(), { customers }, adminGuard(ADMIN_KEY));
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await harness.closeAll();
  });

  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = admin,
  ) => app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as string }) });

  it('creates, reads by id, email or merchant id, and changes a customer', async () => {
    const created = await call('POST', '/v1/customers', {
      name: 'Mei Lin',
      email: 'mei@example.com',
      externalId: 'C-1',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    for (const reference of [id, 'C-1', 'MEI@example.com']) {
      expect((await call('GET', `/v1/customers/${encodeURIComponent(reference)}`)).json().id).toBe(id);
    }
    const patched = await call('PATCH', '/v1/customers/C-1', { tier: 'vip' });
    expect(patched.json()).toMatchObject({ tier: 'vip', name: 'Mei Lin' });
    expect((await call('GET', '/v1/customers/C-404')).statusCode).toBe(404);
  });

  it('answers 409 email_taken, 400 on bad input, and 401 without the admin key', async () => {
    await call('POST', '/v1/customers', { name: 'A', email: 'taken@example.com' });
    const taken = await call('POST', '/v1/customers', { name: 'B', email: 'Taken@Example.com' });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'email_taken']);
    expect((await call('POST', '/v1/customers', { email: 'no-name@example.com' })).statusCode).toBe(400);
    expect((await call('GET', '/v1/customers?name=A')).statusCode).toBe(400);
    expect((await call('GET', '/v1/customers/C-1', undefined, {})).statusCode).toBe(401);
  });

  it('adds addresses and payment tokens, refuses card numbers, and finds by name and postal code', async () => {
    await call('POST', '/v1/customers', { name: 'David Chen', externalId: 'C-2' });
    const withAddress = await call('POST', '/v1/customers/C-2/addresses', {
      name: 'David Chen',
      line1: '3 Minquan Road',
      city: 'Taichung',
      postalCode: '403',
      country: 'TW',
    });
    expect(withAddress.statusCode).toBe(201);
    const found = await call('GET', '/v1/customers?name=DAVID%20chen&postalCode=403');
    expect(found.json().items.map((c: { externalId: string }) => c.externalId)).toEqual(['C-2']);
    const saved = await call('POST', '/v1/customers/C-2/payment-methods', {
      token: 'pm_card_mastercard',
      kind: 'card',
      brand: 'mastercard',
      last4: '4444',
    });
    expect(saved.json()).toMatchObject({ label: 'Mastercard •••• 4444', isDefault: true });
    const pan = await call('POST', '/v1/customers/C-2/payment-methods', {
      token: '5555555555554444',
      kind: 'card',
      brand: 'mastercard',
      last4: '4444',
    });
    expect([pan.statusCode, pan.json().error.code]).toEqual([400, 'raw_card_number_rejected']);
    expect(pan.body).not.toContain('5555555555554444');
  });

  it('imports an NDJSON body and rejects a bad file in strict mode with 422', async () => {
    const bad = await readFile(
      new URL('../../../test/fixtures/customers/bad-records.ndjson', import.meta.url),
      'utf8',
    );
    const ndjson = { ...admin, 'content-type': 'application/x-ndjson' };
    const strict = await app.inject({
      method: 'POST',
      url: '/v1/customers/import?strict=true',
      headers: ndjson,
      payload: bad,
    });
    expect([strict.statusCode, strict.json().error.code]).toEqual([422, 'import_rejected']);
    const lenient = await app.inject({
      method: 'POST',
      url: '/v1/customers/import',
      headers: ndjson,
      payload: bad,
    });
    expect(lenient.json()).toMatchObject({ created: 2, errorCount: 5 });
    const array = await call('POST', '/v1/customers/import', [{ id: 'J-1', name: 'From JSON' }]);
    expect(array.json()).toMatchObject({ created: 1, errorCount: 0 });
  });
});
