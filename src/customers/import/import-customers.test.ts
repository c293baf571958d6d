import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/engines.js';
import { createCatalogService } from '../../catalog/index.js';
import { ManualClock, ValidationError } from '../../core/index.js';
import type { NewOrder } from '../../orders/types.js';
import {
  createGiftCards,
  createStoreCredit,
  type GiftCards,
  type StoreCredit,
} from '../../payments/index.js';
import type { Executor, Store } from '../../store/index.js';
import { type CustomerService, createCustomerService, type OrderImporterPort } from '../index.js';

const fixture = (name: string) => new URL(`../../../test/fixtures/customers/${name}`, import.meta.url);

/** Keeps created orders in memory; an order numbered in `failOn` throws, like a refused write. */
function fakeOrderImporter(failOn: ReadonlySet<string> = new Set()) {
  const orders = new Map<string, NewOrder>();
  const executors: Executor[] = [];
  const importer: OrderImporterPort = {
    async create(input, executor) {
      if (executor !== undefined) executors.push(executor);
      if (failOn.has(input.number ?? '')) throw new ValidationError(`order ${input.number} refused`);
      orders.set(input.number ?? '', input);
      return { id: `ord_${orders.size}` };
    },
  };
  return { importer, orders, executors };
}

describeEachEngine('customer import', (harness) => {
  let store: Store;
  let clock: ManualClock;
  let giftCards: GiftCards;
  let storeCredit: StoreCredit;
  let fake: ReturnType<typeof fakeOrderImporter>;
  let customers: CustomerService;
  const variantIds: Record<string, string> = {};

  afterAll(() => harness.closeAll());

  beforeEach(async () => {
    store = await harness.open();
    clock = new ManualClock(Date.UTC(2026, 2, 1));
    giftCards = createGiftCards({ store, clock });
    storeCredit = createStoreCredit({ store, clock });
    const catalog = createCatalogService({ store, clock });
    const results = await catalog.upsertProducts([
      {
        handle: 'oolong',
        title: { en: 'High Mountain Oolong', 'zh-TW': '高山烏龍茶' },
        categoryPath: ['Tea', 'Oolong'],
        variants: [{ sku: 'TEA-OOL-150', optionValues: [], price: { amount: 68000, currency: 'TWD' } }],
      },
      {
        handle: 'green',
        title: { en: 'Green Tea' },
        categoryPath: ['Tea', 'Green'],
        variants: [{ sku: 'TEA-GRN-100', optionValues: [], price: { amount: 45000, currency: 'TWD' } }],
      },
    ]);
    for (const { product } of results) for (const v of product.variants) variantIds[v.sku!] = v.id;
    fake = fakeOrderImporter();
    customers = createCustomerService({
      store,
      clock,
      payments: { giftCards, storeCredit },
      catalog,
      orderImporter: fake.importer,
    });
  });

  it('imports customers with saved methods, gift cards, store credit and past orders in any state', async () => {
    const summary = await customers.importCustomers(createReadStream(fixture('tea-shop-customers.ndjson')));
    expect(summary).toMatchObject({
      records: 3,
      created: 3,
      updated: 0,
      skipped: 0,
      orders: { created: 3, unchanged: 0 },
      giftCards: { issued: 2, linked: 0 },
      errorCount: 0,
      rejected: false,
    });
    const mei = (await customers.findByExternalId('C-1001'))!;
    expect(mei).toMatchObject({
      email: 'Mei.Lin@example.com',
      tier: 'vip',
      locale: 'zh-TW',
      marketingConsent: true,
    });
    expect(mei.paymentMethods.map((m) => [m.token, m.label, m.isDefault])).toEqual([
      ['pm_card_visa', 'Visa •••• 4242 (12/28)', true],
      ['pm_wallet_paypal', 'PayPal', false],
    ]);
    expect(await customers.giftCards(mei.id)).toMatchObject([
      { label: '•••• 0001', balance: { amount: 50000 } },
    ]);
    expect((await giftCards.balance('TEA-GIFT-0001')).balance.amount).toBe(50000);
    expect(await customers.storeCreditBalance(mei.id, 'TWD')).toEqual({ amount: 12000, currency: 'TWD' });

    const delivered = fake.orders.get('#1001')!;
    expect(delivered).toMatchObject({
      customerId: mei.id,
      email: 'Mei.Lin@example.com',
      status: 'delivered',
      placedAt: Date.parse('2025-11-02T09:30:00Z'),
      totals: {
        subtotal: { amount: 136000 },
        discount: { amount: 6800 },
        shipping: { amount: 0 },
        total: { amount: 129200 },
      },
      lines: [
        {
          sku: 'TEA-OOL-150',
          variantId: variantIds['TEA-OOL-150'],
          title: '高山烏龍茶',
          categoryPath: ['Tea', 'Oolong'],
        },
      ],
    });
    expect(fake.orders.get('#1017')).toMatchObject({ status: 'cancelled', placedAt: 1764000000000 });
    expect(fake.executors).toHaveLength(3);
    expect(await customers.customerFacts(mei.id)).toMatchObject({
      firstOrder: false,
      country: 'TW',
      tier: 'vip',
    });
    expect(await customers.customerFacts((await customers.findByExternalId('C-1002'))!.id)).toMatchObject({
      firstOrder: true,
    });
  });

  it('re-imports without duplicating, and moves only the difference of a changed balance', async () => {
    const text = await readFile(fixture('tea-shop-customers.ndjson'), 'utf8');
    await customers.importCustomers(text);
    const mei = (await customers.findByExternalId('C-1001'))!;
    await giftCards.debit({
      code: 'TEA-GIFT-0001',
      amount: { amount: 5000, currency: 'TWD' },
      idempotencyKey: 'spend-1',
      reference: 'ord_x',
    });

    clock.advance(60_000);
    const again = await customers.importCustomers(text);
    expect(again).toMatchObject({
      created: 0,
      updated: 3,
      orders: { created: 0, unchanged: 3 },
      giftCards: { issued: 0, linked: 2 },
    });
    expect(fake.orders.size).toBe(3);
    expect((await customers.findByExternalId('C-1001'))!.id).toBe(mei.id);
    expect((await customers.get(mei.id)).addresses).toHaveLength(2);
    expect((await customers.get(mei.id)).paymentMethods).toHaveLength(2);
    // Spent in Aisle after the first import: stays spent.
    expect((await giftCards.balance('TEA-GIFT-0001')).balance.amount).toBe(45000);
    expect(await customers.storeCreditBalance(mei.id, 'TWD')).toEqual({ amount: 12000, currency: 'TWD' });

    const raised = text.replace('"storeCredit":[{"amount":12000', '"storeCredit":[{"amount":15000');
    await customers.importCustomers(raised.replace('"amount":50000', '"amount":40000'));
    expect(await customers.storeCreditBalance(mei.id, 'TWD')).toEqual({ amount: 15000, currency: 'TWD' });
    expect((await giftCards.balance('TEA-GIFT-0001')).balance.amount).toBe(35000);
  });

  it('reports bad records with their line and reason and imports the rest', async () => {
    const summary = await customers.importCustomers(createReadStream(fixture('bad-records.ndjson')));
    expect(summary.errors.map((issue) => [issue.line, issue.code])).toEqual([
      [2, 'invalid_json'],
      [3, 'raw_card_number_rejected'],
      [4, 'unknown_sku'],
      [5, 'invalid_record'],
      [6, 'email_taken'],
    ]);
    expect(summary).toMatchObject({ records: 7, created: 2, skipped: 5, errorCount: 5, rejected: false });
    expect(JSON.stringify(summary)).not.toContain('4242 4242');
    expect(summary.errors[2]).toMatchObject({
      externalId: 'B-4',
      reason: expect.stringContaining('NO-SUCH-SKU'),
    });
    expect(await customers.findByExternalId('B-7')).not.toBeNull();
    expect(await customers.findByExternalId('B-4')).toBeNull();
  });

  it('imports nothing in strict mode when any record is bad', async () => {
    const summary = await customers.importCustomers(createReadStream(fixture('bad-records.ndjson')), {
      strict: true,
    });
    expect(summary).toMatchObject({ rejected: true, created: 0, skipped: 7, errorCount: 5 });
    expect(await customers.findByExternalId('B-1')).toBeNull();
    const clean = await customers.importCustomers(createReadStream(fixture('tea-shop-customers.ndjson')), {
      strict: true,
    });
    expect(clean).toMatchObject({ rejected: false, created: 3, errorCount: 0 });
  });

  it('never half-writes a customer whose order is refused', async () => {
    const refusing = fakeOrderImporter(new Set(['#1017']));
    const service = createCustomerService({
      store,
      clock,
      payments: { giftCards, storeCredit },
      catalog: createCatalogService({ store, clock }),
      orderImporter: refusing.importer,
    });
    const summary = await service.importCustomers(createReadStream(fixture('tea-shop-customers.ndjson')));
    expect(summary.errors).toMatchObject([
      { line: 1, externalId: 'C-1001', reason: expect.stringContaining('#1017') },
    ]);
    expect(await service.findByExternalId('C-1001')).toBeNull();
    expect(await service.findByNameAndPostalCode('Mei Lin', '106')).toBeNull();
    expect(await service.findByExternalId('C-1003')).not.toBeNull();
  });

  it('finds imported customers by the merchant id, email, and name with postal code', async () => {
    await customers.importCustomers(createReadStream(fixture('tea-shop-customers.ndjson')));
    const david = await customers.find('C-1002');
    expect(david?.name).toBe('David Chen');
    expect((await customers.find('DAVID.CHEN@example.com'))?.id).toBe(david?.id);
    expect((await customers.findByNameAndPostalCode('david chen', '403'))?.id).toBe(david?.id);
  });

  it('refuses records with orders when no order importer is configured', async () => {
    const withoutOrders = createCustomerService({ store, clock, payments: { giftCards, storeCredit } });
    const summary = await withoutOrders.importCustomers(
      createReadStream(fixture('tea-shop-customers.ndjson')),
    );
    expect(summary.errors.map((issue) => [issue.line, issue.code])).toEqual([
      [1, 'orders_unavailable'],
      [4, 'orders_unavailable'],
    ]);
    expect(summary.created).toBe(1);
  });
});
