import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCatalogService, type Product } from '../../src/catalog/index.js';
import { ManualClock } from '../../src/core/index.js';
import { createInventoryService, type InventoryService } from '../../src/inventory/index.js';
import { createOrderService, type Order, type OrderService } from '../../src/orders/index.js';
import {
  createGiftCards,
  createSandboxProvider,
  createStoreCredit,
  createTenderPayments,
  type GiftCards,
} from '../../src/payments/index.js';
import { loadPolicySet } from '../../src/rules/index.js';
import { adminGuard } from '../../src/server/admin-auth.js';
import { installErrorHandler } from '../../src/server/error-handler.js';
import { registerOrderRoutes } from '../../src/server/routes/orders.js';
import { describeEachEngine } from '../support/engines.js';

const ADMIN_KEY = 'orders-admin-key-123';
const admin = { authorization: `Bearer ${ADMIN_KEY}` };
const EMAIL = 'shopper@example.com';
const TWD = (amount: number) => ({ amount, currency: 'TWD' });

const policies = loadPolicySet({
  returns: { defaultDays: 30, refundMethods: ['original', 'gift_card', 'store_credit'], rules: [] },
  transitions: [
    { action: 'cancel', states: ['pending'], reasons: ['changed_mind', 'ordered_by_mistake'] },
    { action: 'modify', states: ['pending'] },
    { action: 'return', states: ['delivered'] },
    { action: 'exchange', states: ['delivered'], reasons: ['wrong_size'] },
  ],
});

type Json = Record<string, any>;

describeEachEngine('orders HTTP API', (harness) => {
  let app: FastifyInstance;
  let base: string;
  let orders: OrderService;
  let inventory: InventoryService;
  let giftCards: GiftCards;
  let shoe: Product;
  let place: (options?: { giftCard?: number; customerId?: string }) => Promise<Order>;

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      cache: response.headers.get('cache-control'),
      body: (text ? JSON.parse(text) : {}) as Json,
    };
  };
  const onHand = async (variantId: string) => (await inventory.levels([variantId]))[0]?.onHand ?? 0;
  const fulfil = async (order: Order, status: string) =>
    call(
      'POST',
      `/v1/orders/${order.id}/fulfilment`,
      { status, carrier: 'T-Cat', trackingNumber: 'TC123' },
      admin,
    );

  beforeAll(async () => {
    const store = await harness.open();
    const clock = new ManualClock(Date.UTC(2026, 2, 1));
    const catalog = createCatalogService({ store, clock });
    inventory = createInventoryService({ store, clock });
    const provider = createSandboxProvider({ store, clock, webhookSecret: 'a-test-secret-of-16+' });
    giftCards = createGiftCards({ store, clock });
    const storeCredit = createStoreCredit({ store, clock });
    const tenders = createTenderPayments({ store, provider, clock });
    const [shoeProduct, hat] = (
      await catalog.upsertProducts([
        {
          handle: 'trail-shoe',
          title: { en: 'Trail shoe' },
          categoryPath: ['Footwear'],
          options: [{ name: 'Size', values: ['26', '27', '28'] }] as never,
          variants: [
            { sku: 'S26', optionValues: ['26'], price: TWD(300000) },
            { sku: 'S27', optionValues: ['27'], price: TWD(300000) },
            { sku: 'S28', optionValues: ['28'], price: TWD(350000) },
          ],
        },
        {
          handle: 'sun-hat',
          title: { en: 'Sun hat' },
          categoryPath: ['Hats'],
          variants: [{ sku: 'H1', optionValues: [], price: TWD(80000) }],
        },
      ])
    ).map((result) => result.product) as [Product, Product];
    shoe = shoeProduct;
    const location = await inventory.defaultLocation();
    for (const variant of [...shoe.variants, ...hat.variants]) {
      await inventory.adjust({
        variantId: variant.id,
        locationId: location.id,
        kind: 'receive',
        quantity: 50,
        actor: 'test',
      });
    }
    orders = createOrderService({
      store,
      clock,
      catalog,
      inventory,
      payments: { provider, giftCards, storeCredit },
      policies: () => policies,
    });

    // Pays like checkout does (gift card first, card the rest): two shoes and a hat.
    place = async (options = {}) => {
      const checkoutId = `chk_${Math.random().toString(36).slice(2)}`;
      const total = 600000 + 80000 + 10000;
      const giftCardCode =
        options.giftCard === undefined
          ? undefined
          : (await giftCards.issue({ initialBalance: TWD(options.giftCard) })).code;
      const paid = await tenders.payWithTenders({
        tenders: [
          ...(giftCardCode === undefined ? [] : [{ type: 'gift_card' as const, code: giftCardCode }]),
          { type: 'card', token: 'pm_card_visa' },
        ],
        amount: total,
        currency: 'TWD',
        idempotencyKey: checkoutId,
      });
      return orders.create({
        customerId: options.customerId ?? 'cus_1',
        email: 'Shopper@Example.com',
        currency: 'TWD',
        lines: [
          {
            variantId: shoe.variants[0]!.id,
            productId: shoe.id,
            sku: 'S26',
            title: 'Trail shoe',
            optionValues: ['26'],
            quantity: 2,
            unitPrice: TWD(300000),
            discounts: [],
            total: TWD(600000),
            tax: TWD(0),
            categoryPath: ['Footwear'],
          },
          {
            variantId: hat.variants[0]!.id,
            productId: hat.id,
            sku: 'H1',
            title: 'Sun hat',
            optionValues: [],
            quantity: 1,
            unitPrice: TWD(80000),
            discounts: [],
            total: TWD(80000),
            tax: TWD(0),
            categoryPath: ['Hats'],
          },
        ],
        shippingAddress: { name: 'Mei', line1: '1 Road', city: 'Taipei', postalCode: '100', country: 'TW' },
        shipping: { optionId: 'home', label: 'Home delivery', fee: TWD(10000), discount: TWD(0) },
        totals: {
          subtotal: TWD(680000),
          discount: TWD(0),
          shipping: TWD(10000),
          tax: TWD(0),
          total: TWD(total),
        },
        payments: paid.allocations.map((allocation) => ({
          kind: allocation.type === 'card' ? 'card' : allocation.type,
          reference: allocation.paymentId ?? paid.reference,
          provider: allocation.type === 'card' ? 'sandbox' : 'stored_value',
          amount: allocation.amount,
          status: allocation.type === 'card' ? 'authorized' : 'captured',
          label: allocation.label,
        })),
        promotions: [],
        checkoutId,
        channel: 'online',
      });
    };

    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandler(app);
    registerOrderRoutes(app.withTypeProvider<ZodTypeProvider>(), orders, adminGuard(ADMIN_KEY));
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
    await harness.closeAll();
  });

  it('shows an order to the email it was placed with or the admin key, and hides it from anyone else', async () => {
    const order = await place();
    const anonymous = await call('GET', `/v1/orders/${order.id}`);
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'unauthorized']);
    const wrong = await call('GET', `/v1/orders/${order.id}?email=someone@example.com`);
    const missing = await call('GET', `/v1/orders/A9999?email=${EMAIL}`);
    expect(wrong.status).toBe(404);
    // A wrong email reads exactly like an order that does not exist.
    expect(wrong.body.error.code).toBe(missing.body.error.code);
    expect(
      (await call('GET', `/v1/orders/${order.id}`, undefined, { authorization: 'Bearer nope' })).status,
    ).toBe(401);

    const shopper = await call('GET', `/v1/orders/${order.number}?email=SHOPPER%40example.com`);
    expect(shopper.status).toBe(200);
    expect(shopper.cache).toBe('no-store');
    expect(shopper.body).toMatchObject({
      id: order.id,
      number: order.number,
      status: 'pending',
      totals: { total: TWD(690000) },
      shippingAddress: { city: 'Taipei' },
      tracking: { carrier: null, trackingNumber: null },
    });
    expect(shopper.body.lines[0]).toMatchObject({
      title: 'Trail shoe',
      optionValues: ['26'],
      unitPrice: TWD(300000),
      quantities: { ordered: 2, delivered: 0 },
    });
    expect(shopper.body.payments.map((p: Json) => [p.type, p.label, p.amount.amount])).toEqual([
      ['payment', order.transactions[0]!.label, 690000],
    ]);
    expect(shopper.body.payments[0].reference).toBeUndefined();
    expect(shopper.body.timeline.map((e: Json) => e.type)).toEqual(['order-placed']);

    const merchant = await call('GET', `/v1/orders/${order.id}`, undefined, admin);
    expect(merchant.status).toBe(200);
    expect(merchant.body.payments[0].reference).toBe(order.transactions[0]!.reference);
  });

  it('previews a cancel without changing anything, then confirms exactly the preview; a second cancel is 409', async () => {
    const order = await place({ giftCard: 100000 });
    const shoeStock = await onHand(shoe.variants[0]!.id);
    const before = await call('GET', `/v1/orders/${order.id}?email=${EMAIL}`);
    const body = { email: EMAIL, reason: 'changed_mind' };
    const headers = { 'idempotency-key': 'cancel-1' };

    const preview = await call('POST', `/v1/orders/${order.id}/cancel?preview=true`, body, headers);
    expect(preview.status).toBe(200);
    expect(preview.body.preview).toBe(true);
    expect(preview.body.plan.refunds.map((r: Json) => [r.method, r.kind, r.amount.amount])).toEqual([
      ['card', 'void', 590000],
      ['gift_card', 'refund', 100000],
    ]);
    expect((await call('GET', `/v1/orders/${order.id}?email=${EMAIL}`)).body).toEqual(before.body);
    expect(await onHand(shoe.variants[0]!.id)).toBe(shoeStock);

    const confirmed = await call('POST', `/v1/orders/${order.id}/cancel`, body, headers);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.preview).toBe(false);
    expect(confirmed.body.plan).toEqual(preview.body.plan);
    expect(confirmed.body.plan.operationId).toBe('cancel:cancel-1');
    const sold = (view: Json) => ({ status: view.status, lines: view.lines });
    expect(sold(confirmed.body.order)).toEqual(sold(preview.body.order));
    expect(confirmed.body.order.status).toBe('cancelled');
    expect(confirmed.body.order.timeline.at(-1)).toMatchObject({
      type: 'order-cancelled',
      reason: 'changed_mind',
    });
    expect(await onHand(shoe.variants[0]!.id)).toBe(shoeStock + 2);

    // The gift card part comes back on a new card whose code is shown once.
    const [issued] = confirmed.body.issuedGiftCards as Json[];
    expect(issued?.amount).toEqual(TWD(100000));
    expect((await giftCards.balance(issued!.code)).balance).toEqual(TWD(100000));
    const after = await call('GET', `/v1/orders/${order.id}`, undefined, admin);
    expect(JSON.stringify(after.body)).not.toContain(issued!.code);

    const again = await call('POST', `/v1/orders/${order.id}/cancel?email=${EMAIL}`);
    expect([again.status, again.body.error.code]).toEqual([409, 'not_cancellable']);
  });

  it('fulfils to delivered, then a shopper’s return received by the merchant is refunded in the payment history', async () => {
    const order = await place();
    expect((await fulfil(order, 'processed')).body.status).toBe('processed');
    const shipped = await fulfil(order, 'shipped');
    expect(shipped.body).toMatchObject({
      status: 'shipped',
      tracking: { carrier: 'T-Cat', trackingNumber: 'TC123' },
    });
    expect(shipped.body.payments.find((p: Json) => p.type === 'payment').status).toBe('captured');
    const backwards = await fulfil(order, 'processed');
    expect([backwards.status, backwards.body.error.code]).toEqual([409, 'fulfilment_out_of_order']);
    expect((await fulfil(order, 'delivered')).body.status).toBe('delivered');

    const hatLine = order.lines[1]!;
    const requested = await call('POST', `/v1/orders/${order.number}/return?email=${EMAIL}`, {
      lines: [{ lineId: hatLine.id, quantity: 1 }],
    });
    expect(requested.status).toBe(200);
    expect(requested.body.order.status).toBe('return_requested');
    expect(requested.body.plan.refunds).toEqual([]);
    const returnId = requested.body.plan.requestId as string;

    const refusedToShopper = await call('POST', `/v1/orders/${order.id}/returns/${returnId}/receive`);
    expect(refusedToShopper.status).toBe(401);
    const received = await call(
      'POST',
      `/v1/orders/${order.id}/returns/${returnId}/receive`,
      undefined,
      admin,
    );
    expect(received.status).toBe(200);
    expect(received.body.plan.refundTotal).toEqual(TWD(80000));
    const seen = await call('GET', `/v1/orders/${order.id}?email=${EMAIL}`);
    expect(seen.body.payments.filter((p: Json) => p.type === 'refund')).toMatchObject([
      {
        method: 'card',
        amount: TWD(80000),
        status: 'succeeded',
      },
    ]);
    expect(seen.body.payments.find((p: Json) => p.type === 'payment').refunded).toEqual(TWD(80000));
    expect(seen.body.lines[1].quantities).toMatchObject({ delivered: 1, returned: 1, requested: 0 });
    expect(seen.body.requests).toMatchObject([{ id: returnId, kind: 'return', status: 'completed' }]);
    const twice = await call('POST', `/v1/orders/${order.id}/returns/${returnId}/receive`, undefined, admin);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'request_not_open']);
  });

  it('exchanges a size for a dearer one, paid at the request and settled when the merchant processes it', async () => {
    const order = await place();
    const delivered = await fulfil(order, 'delivered');
    expect(delivered.body.timeline.map((e: Json) => e.type)).toEqual([
      'order-placed',
      'order-processed',
      'order-shipped',
      'order-delivered',
    ]);
    const bigger = shoe.variants[2]!.id;
    const body = {
      email: EMAIL,
      reason: 'wrong_size',
      lines: [{ lineId: order.lines[0]!.id, quantity: 1, variantId: bigger }],
    };
    const unpaid = await call('POST', `/v1/orders/${order.id}/exchange?preview=true`, body);
    expect([unpaid.status, unpaid.body.error.code]).toEqual([400, 'payment_method_required']);
    const paid = { ...body, payWith: { type: 'card', token: 'pm_card_visa' } };
    const preview = await call('POST', `/v1/orders/${order.id}/exchange?preview=true`, paid);
    expect(preview.body.plan.chargeTotal).toEqual(TWD(50000));
    expect(preview.body.plan.stock).toEqual([{ type: 'hold', variantId: bigger, quantity: 1 }]);
    const requested = await call('POST', `/v1/orders/${order.id}/exchange`, paid);
    expect(requested.body.order.status).toBe('exchange_requested');
    const exchangeId = requested.body.plan.requestId as string;

    const processed = await call(
      'POST',
      `/v1/orders/${order.id}/exchanges/${exchangeId}/process`,
      undefined,
      admin,
    );
    expect(processed.status).toBe(200);
    expect(processed.body.order.status).toBe('exchanged');
    expect(processed.body.order.lines.at(-1)).toMatchObject({
      variantId: bigger,
      replaces: order.lines[0]!.id,
    });
    expect(processed.body.order.lines[0].quantities.exchanged).toBe(1);
  });

  it('answers 400 invalid_input to bad bodies and changes nothing', async () => {
    const order = await place();
    const path = `/v1/orders/${order.id}`;
    const line = order.lines[0]!.id;
    const bad: [string, unknown][] = [
      ['/return', { email: EMAIL, lines: [{ lineId: line, quantity: 0 }] }],
      ['/return', { email: EMAIL, lines: [] }],
      ['/return', { email: EMAIL, lines: [{ lineId: line, quantity: 1 }], refundTo: 'cash' }],
      ['/exchange', { email: EMAIL, lines: [{ lineId: line, quantity: 1 }] }],
      ['/modify', { email: EMAIL, paymentToken: '4242 4242 4242 4242' }],
      [
        '/modify',
        {
          email: EMAIL,
          shippingAddress: {
            name: 'Mei',
            line1: '1 Road',
            city: 'Taipei',
            postalCode: '100',
            country: 'Taiwan',
          },
        },
      ],
      ['/cancel', { email: EMAIL, reason: 42 }],
    ];
    for (const [action, body] of bad) {
      const response = await call('POST', `${path}${action}`, body);
      expect([action, response.status, response.body.error.code]).toEqual([action, 400, 'invalid_input']);
    }
    const shipWithoutTracking = await call('POST', `${path}/fulfilment`, { status: 'shipped' }, admin);
    expect([shipWithoutTracking.status, shipWithoutTracking.body.error.code]).toEqual([400, 'invalid_input']);
    // Delivering a pending order ships it on the way, which needs a carrier and tracking number.
    const deliverUntracked = await call('POST', `${path}/fulfilment`, { status: 'delivered' }, admin);
    expect([deliverUntracked.status, deliverUntracked.body.error.code]).toEqual([400, 'invalid_input']);
    const badKey = await call('POST', `${path}/cancel`, { email: EMAIL }, { 'idempotency-key': 'has space' });
    expect(badKey.status).toBe(400);
    const reason = await call('POST', `${path}/cancel`, { email: EMAIL, reason: 'bored' });
    expect([reason.status, reason.body.error.code]).toEqual([400, 'reason_not_allowed']);
    expect(await orders.get(order.id)).toEqual(order);
  });

  it('changes the shipping address before shipping, checked by the email in the query', async () => {
    const order = await place();
    const address = { name: 'Mei', line1: '9 New Road', city: 'Tainan', postalCode: '700', country: 'tw' };
    const wrong = await call('POST', `/v1/orders/${order.id}/modify?email=other@example.com`, {
      shippingAddress: address,
    });
    expect(wrong.status).toBe(404);
    const changed = await call('POST', `/v1/orders/${order.id}/modify?email=${EMAIL}`, {
      shippingAddress: address,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.order.shippingAddress).toEqual({ ...address, country: 'TW' });
    expect(changed.body.order.timeline.at(-1)).toMatchObject({
      type: 'shipping-address-changed',
      actor: 'customer',
    });
    const anonymous = await call('POST', `/v1/orders/${order.id}/modify`, { shippingAddress: address });
    expect(anonymous.status).toBe(401);
    const byMerchant = await call(
      'POST',
      `/v1/orders/${order.id}/modify`,
      { shippingAddress: { ...address, line1: '10 New Road' } },
      admin,
    );
    expect(byMerchant.body.order.shippingAddress.line1).toBe('10 New Road');
    expect(byMerchant.body.order.timeline.at(-1)).toMatchObject({ actor: 'admin' });
  });

  it('lists a customer’s orders to the merchant only, newest first, a page at a time', async () => {
    const placed = [];
    for (let i = 0; i < 3; i += 1) placed.push(await place({ customerId: 'cus_list' }));
    expect((await call('GET', '/v1/orders?customerId=cus_list')).status).toBe(401);
    const first = await call('GET', '/v1/orders?customerId=cus_list&limit=2', undefined, admin);
    expect(first.status).toBe(200);
    const next = await call(
      'GET',
      `/v1/orders?customerId=cus_list&limit=2&cursor=${first.body.nextCursor}`,
      undefined,
      admin,
    );
    expect(next.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...next.body.items].map((o: Json) => o.id);
    expect(ids.sort()).toEqual(placed.map((o) => o.id).sort());
    expect([first.body.items.length, next.body.items.length]).toEqual([2, 1]);
    const garbled = await call('GET', '/v1/orders?customerId=cus_list&cursor=bm9wZQ', undefined, admin);
    expect([garbled.status, garbled.body.error.code]).toEqual([400, 'invalid_cursor']);
    expect((await call('GET', '/v1/orders?customerId=cus_list&limit=500', undefined, admin)).status).toBe(
      400,
    );
  });
});
