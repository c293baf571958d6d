/**
 * A shopper's whole journey through the real server on each engine: cart, coupons, shipping,
 * checkout with every sandbox outcome (approve, decline, 3-D Secure, wallet, split tender, a
 * double submit), then the order's life: cancel, fulfil, return and exchange. Amounts are exact
 * minor units, and the sandbox's own payment rows prove nothing was charged twice.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/catalog/index.js';
import { loadConfig, ManualClock } from '../../src/core/index.js';
import type { Order, OrderChangePlan } from '../../src/orders/index.js';
import type { SandboxProvider } from '../../src/payments/index.js';
import { sampleRuleSetDocument } from '../../src/rules/index.js';
import { type AppServices, buildServer, createServices } from '../../src/server/index.js';
import { describeEachEngine } from '../support/engines.js';

const ADMIN_KEY = 'journey-admin-key-123';
const TWD = (amount: number) => ({ amount, currency: 'TWD' });
/** NT$1 is 100 minor units. */
const NT = (dollars: number) => dollars * 100;

const JACKET_M = NT(4000);
const JACKET_L = NT(4500);
const TEA = NT(500);
const HOME_DELIVERY = NT(100);
const SPEND_THRESHOLD = NT(3000);
const SPEND_SAVING = NT(300);

const address = {
  name: 'Lin Mei',
  line1: 'No. 7, Section 1, Zhongshan Road',
  city: 'Taipei',
  postalCode: '100',
  country: 'tw',
};

type Body = Record<string, any>;

describeEachEngine('shopper journey', (harness) => {
  let services: AppServices;
  let app: FastifyInstance;
  let base: string;
  let jacket: Product;
  let tea: Product;
  let sandbox: SandboxProvider;
  const admin = { authorization: `Bearer ${ADMIN_KEY}` };
  const orders: Record<string, Order> = {};

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Body };
  };

  /** A shopper's cart, spoken to over HTTP with its token. */
  async function openCart(lines: readonly { variantId: string; quantity: number }[]) {
    const created = await call('POST', '/v1/carts', { email: 'mei@example.com' });
    expect(created.status).toBe(201);
    const cartId = created.body.cartId as string;
    const auth = { 'x-cart-token': created.body.token as string };
    const cart = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      call(method, `/v1/carts/${cartId}${path}`, body, { ...auth, ...headers });
    for (const line of lines) expect((await cart('POST', '/lines', line)).status).toBe(200);
    const shipped = await cart('PUT', '/shipping', { address, optionId: 'home-delivery' });
    expect(shipped.status).toBe(200);
    return { cartId, cart };
  }

  async function checkout(cart: Awaited<ReturnType<typeof openCart>>['cart']) {
    const started = await cart('POST', '/checkout');
    expect(started.status).toBe(201);
    return started.body;
  }

  const complete = (
    cart: Awaited<ReturnType<typeof openCart>>['cart'],
    key: string,
    body: Record<string, unknown>,
  ) => cart('POST', '/checkout/complete', body, { 'idempotency-key': key });

  /** The sandbox's own rows for a checkout's payments, by token (one clock instant holds them all). */
  async function sandboxPayments(checkoutId: string) {
    const rows = await services.store.db.selectFrom('payments').selectAll().orderBy('created_at').execute();
    return rows
      .filter((row) => (JSON.parse(row.metadata) as Record<string, string>).checkout_id === checkoutId)
      .map((row) => ({
        id: row.id,
        status: row.status,
        method: row.payment_method,
        amount: Number(row.amount),
        captured: Number(row.captured_amount),
        refunded: Number(row.refunded_amount),
      }))
      .sort((a, b) => a.method.localeCompare(b.method));
  }

  async function captureEvents(paymentId: string): Promise<number> {
    const rows = await services.store.db
      .selectFrom('payment_events')
      .select('id')
      .where('payment_id', '=', paymentId)
      .where('type', '=', 'payment.captured')
      .execute();
    return rows.length;
  }

  /** The tenders that paid; captures share their instant, so the history's order between them is not fixed. */
  const tenders = (order: Order) => order.transactions.filter((t) => t.type === 'payment');

  const available = async (variantId: string) =>
    (await services.inventory.availability([variantId])).get(variantId)?.available ?? 0;

  const variant = (product: Product, sku: string) => {
    const found = product.variants.find((v) => v.sku === sku);
    if (found === undefined) throw new Error(`no variant ${sku}`);
    return found;
  };

  beforeAll(async () => {
    const store = await harness.open();
    const config = { ...loadConfig({}), adminKey: ADMIN_KEY, rateLimitPerMinute: 10_000 };
    services = await createServices(config, { store, clock: new ManualClock(Date.UTC(2026, 10, 2, 2)) });
    sandbox = services.payments.provider as SandboxProvider;
    [jacket, tea] = (
      await services.catalog.upsertProducts([
        {
          handle: 'harbour-jacket',
          title: { en: 'Harbour Rain Jacket' },
          categoryPath: ['Clothing', 'Jackets'],
          options: [{ name: 'Size', values: ['M', 'L'] }],
          variants: [
            { sku: 'HJ-M', optionValues: ['M'], price: TWD(JACKET_M) },
            { sku: 'HJ-L', optionValues: ['L'], price: TWD(JACKET_L) },
          ],
        },
        {
          handle: 'alishan-oolong',
          title: { en: 'Alishan Oolong Tea' },
          categoryPath: ['Tea'],
          variants: [{ sku: 'TEA-AL', optionValues: [], price: TWD(TEA) }],
        },
      ])
    ).map((result) => result.product) as [Product, Product];
    const location = await services.inventory.defaultLocation();
    for (const [v, quantity] of [
      [variant(jacket, 'HJ-M'), 10],
      [variant(jacket, 'HJ-L'), 10],
      [variant(tea, 'TEA-AL'), 50],
    ] as const) {
      await services.inventory.adjust({
        variantId: v.id,
        locationId: location.id,
        kind: 'receive',
        quantity,
        actor: 'journey',
      });
    }
    // Free shipping starts far above these carts, so the home-delivery fee shows in every total.
    const sample = sampleRuleSetDocument({
      socks: { categories: ['Socks'] },
      clearance: { tags: ['clearance'] },
      freeShippingOver: NT(100_000),
    });
    await services.promotions.replacePolicies(sample.policies);
    await services.promotions.create({
      id: 'welcome-10',
      name: 'WELCOME10 first-order discount',
      status: 'active',
      priority: 50,
      codes: ['WELCOME10'],
      conditions: { field: 'customer.firstOrder', op: 'eq', value: true },
      actions: [{ type: 'order_percent', percent: 10 }],
      limits: { perCustomerUses: 1 },
    });
    await services.promotions.create({
      id: 'spend-and-save',
      name: 'Spend NT$3000, save NT$300',
      status: 'active',
      priority: 100,
      actions: [{ type: 'tiered', tiers: [{ minSubtotal: SPEND_THRESHOLD, amount: SPEND_SAVING }] }],
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

  describe('checkout over HTTP', () => {
    it('prices a first order with WELCOME10 and the spend threshold, refuses a bad code, and pays by Visa', async () => {
      const customer = await call(
        'POST',
        '/v1/customers',
        { name: 'Lin Mei', email: 'mei@example.com' },
        admin,
      );
      expect(customer.status).toBe(201);
      const jacketM = variant(jacket, 'HJ-M');
      const teaItem = variant(tea, 'TEA-AL');
      const { cartId, cart } = await openCart([
        { variantId: jacketM.id, quantity: 1 },
        { variantId: teaItem.id, quantity: 2 },
      ]);
      // Signing in has no shopper route yet; the service attaches the customer.
      await services.cart.attachCustomer(cartId, customer.body.id);

      const applied = await cart('POST', '/coupons', { code: 'welcome10' });
      expect(applied.status).toBe(200);
      const quote = applied.body.quote;
      // 10% of NT$5000, then NT$300 off over NT$3000, each spread over the lines by what they cost.
      expect(quote.subtotal).toEqual(TWD(JACKET_M + 2 * TEA));
      expect(quote.discount).toEqual(TWD(NT(500) + SPEND_SAVING));
      const discounts = (lineVariant: string) =>
        quote.lines
          .find((line: Body) => line.variantId === lineVariant)
          .discounts.map((d: Body) => [d.name, d.amount.amount]);
      expect(discounts(jacketM.id)).toEqual([
        ['WELCOME10 first-order discount', NT(400)],
        ['Spend NT$3000, save NT$300', NT(240)],
      ]);
      expect(discounts(teaItem.id)).toEqual([
        ['WELCOME10 first-order discount', NT(100)],
        ['Spend NT$3000, save NT$300', NT(60)],
      ]);
      expect(quote.coupons).toEqual([{ code: 'WELCOME10', applied: true }]);

      const bogus = await cart('POST', '/coupons', { code: 'FREESTUFF' });
      expect(bogus.status).toBe(200);
      expect(bogus.body.quote.messages).toContainEqual(
        expect.objectContaining({ code: 'coupon_rejected', coupon: 'FREESTUFF', reason: 'unknown_code' }),
      );
      expect(bogus.body.quote.discount).toEqual(quote.discount);
      expect((await cart('DELETE', '/coupons/FREESTUFF')).status).toBe(200);

      const options = await cart('GET', '/shipping-options');
      expect(options.body.items.map((o: Body) => [o.id, o.fee.amount])).toEqual([
        ['home-delivery', HOME_DELIVERY],
        ['cvs-pickup', NT(60)],
      ]);
      const total = JACKET_M + 2 * TEA - NT(500) - SPEND_SAVING + HOME_DELIVERY;
      const started = await checkout(cart);
      expect(started.quote.total).toEqual(TWD(total));

      const done = await complete(cart, 'visa-1', { paymentToken: 'pm_card_visa' });
      expect(done.status).toBe(201);
      expect(done.body).toMatchObject({ status: 'completed', total: TWD(total) });
      const order = await services.orders.get(done.body.order.id);
      expect(order.totals.total).toEqual(TWD(total));
      expect(order.customerId).toBe(customer.body.id);
      expect(tenders(order)).toMatchObject([
        {
          method: 'card',
          status: 'captured',
          amount: TWD(total),
          label: expect.stringContaining('4242'),
        },
      ]);
      expect(order.timeline.map((e) => e.type)).toEqual(['order-placed', 'payment-captured']);
      expect(await sandboxPayments(started.id)).toEqual([
        expect.objectContaining({
          method: 'pm_card_visa',
          status: 'captured',
          amount: total,
          captured: total,
        }),
      ]);
      orders.visa = order;

      // The customer has ordered now: WELCOME10 is for first orders only.
      const second = await openCart([{ variantId: teaItem.id, quantity: 1 }]);
      await services.cart.attachCustomer(second.cartId, customer.body.id);
      const again = await second.cart('POST', '/coupons', { code: 'WELCOME10' });
      expect(again.body.quote.discount).toEqual(TWD(0));
      expect(again.body.quote.messages).toContainEqual(
        expect.objectContaining({ code: 'coupon_rejected', coupon: 'WELCOME10' }),
      );
    });

    it('pays by Mastercard', async () => {
      const { cart } = await openCart([{ variantId: variant(tea, 'TEA-AL').id, quantity: 1 }]);
      const started = await checkout(cart);
      const done = await complete(cart, 'mc-1', { paymentToken: 'pm_card_mastercard' });
      expect(done.status).toBe(201);
      expect(done.body.total).toEqual(TWD(TEA + HOME_DELIVERY));
      const order = await services.orders.get(done.body.order.id);
      expect(tenders(order)[0]).toMatchObject({
        label: expect.stringContaining('4444'),
        status: 'captured',
      });
      expect((await sandboxPayments(started.id)).map((p) => [p.status, p.captured])).toEqual([
        ['captured', TEA + HOME_DELIVERY],
      ]);
      orders.mastercard = order;
    });

    it('answers 402 with the reason for a declined card and for missing funds, then takes another card', async () => {
      const { cart } = await openCart([{ variantId: variant(tea, 'TEA-AL').id, quantity: 1 }]);
      const started = await checkout(cart);
      const declined = await complete(cart, 'try-1', { paymentToken: 'pm_card_chargeDeclined' });
      expect(declined.status).toBe(402);
      expect(declined.body.error).toMatchObject({
        code: 'payment_declined',
        details: { reason: 'card_declined' },
      });
      const poor = await complete(cart, 'try-2', { paymentToken: 'pm_card_insufficientFunds' });
      expect(poor.status).toBe(402);
      expect(poor.body.error.details.reason).toBe('insufficient_funds');
      // Asking again with a used key gives the same answer, and charges nothing new.
      expect((await complete(cart, 'try-1', { paymentToken: 'pm_card_chargeDeclined' })).status).toBe(402);
      const paid = await complete(cart, 'try-3', { paymentToken: 'pm_card_visa' });
      expect(paid.status).toBe(201);
      expect((await sandboxPayments(started.id)).map((p) => [p.method, p.status, p.captured])).toEqual([
        ['pm_card_chargeDeclined', 'declined', 0],
        ['pm_card_insufficientFunds', 'declined', 0],
        ['pm_card_visa', 'captured', TEA + HOME_DELIVERY],
      ]);
    });

    it('stops at a 3-D Secure challenge and places the order once the shopper passed it', async () => {
      const { cart } = await openCart([{ variantId: variant(tea, 'TEA-AL').id, quantity: 1 }]);
      const started = await checkout(cart);
      const challenged = await complete(cart, '3ds-1', { paymentToken: 'pm_card_authenticationRequired' });
      expect(challenged.status).toBe(200);
      expect(challenged.body).toMatchObject({ status: 'requires_action', checkoutId: started.id });
      const challengeId = challenged.body.challenge.challengeId as string;
      expect(challenged.body.challenge.url).toContain(challengeId);
      // Not passed yet: the same answer again, no order.
      expect((await complete(cart, '3ds-1', { paymentToken: 'pm_card_authenticationRequired' })).status).toBe(
        200,
      );
      await sandbox.completeChallenge(challengeId, 'approve');
      const done = await complete(cart, '3ds-1', { paymentToken: 'pm_card_authenticationRequired' });
      expect(done.status).toBe(201);
      expect(await sandboxPayments(started.id)).toEqual([
        expect.objectContaining({ status: 'captured', captured: TEA + HOME_DELIVERY }),
      ]);
    });

    it('pays with a PayPal wallet', async () => {
      const { cart } = await openCart([{ variantId: variant(tea, 'TEA-AL').id, quantity: 1 }]);
      await checkout(cart);
      const done = await complete(cart, 'wallet-1', {
        tenders: [{ type: 'card', token: 'pm_wallet_paypal' }],
      });
      expect(done.status).toBe(201);
      const order = await services.orders.get(done.body.order.id);
      expect(tenders(order)[0]).toMatchObject({
        method: 'wallet',
        status: 'captured',
        amount: TWD(TEA + HOME_DELIVERY),
      });
    });

    it('splits the total between a gift card and a card, the gift card first', async () => {
      const giftCard = await services.payments.giftCards.issue({ initialBalance: TWD(NT(1000)) });
      const { cart } = await openCart([{ variantId: variant(jacket, 'HJ-M').id, quantity: 1 }]);
      const started = await checkout(cart);
      const total = JACKET_M - SPEND_SAVING + HOME_DELIVERY;
      expect(started.quote.total).toEqual(TWD(total));
      const done = await complete(cart, 'split-1', {
        tenders: [
          { type: 'gift_card', code: giftCard.code },
          { type: 'card', token: 'pm_card_visa' },
        ],
      });
      expect(done.status).toBe(201);
      const order = await services.orders.get(done.body.order.id);
      const paidWith = Object.fromEntries(tenders(order).map((t) => [t.method, [t.amount.amount, t.status]]));
      expect(paidWith).toEqual({
        gift_card: [NT(1000), 'captured'],
        card: [total - NT(1000), 'captured'],
      });
      expect((await services.payments.giftCards.balance(giftCard.code)).balance).toEqual(TWD(0));
      expect((await sandboxPayments(started.id)).map((p) => p.captured)).toEqual([total - NT(1000)]);
    });

    it('a double submit with one Idempotency-Key makes one order and one charge', async () => {
      const teaItem = variant(tea, 'TEA-AL');
      const { cart } = await openCart([{ variantId: teaItem.id, quantity: 1 }]);
      const started = await checkout(cart);
      const [first, second] = await Promise.all([
        complete(cart, 'double-1', { paymentToken: 'pm_card_visa' }),
        complete(cart, 'double-1', { paymentToken: 'pm_card_visa' }),
      ]);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.body.order).toEqual(first.body.order);
      const payments = await sandboxPayments(started.id);
      expect(payments.map((p) => [p.status, p.captured])).toEqual([['captured', TEA + HOME_DELIVERY]]);
      expect(await captureEvents(payments[0]!.id)).toBe(1);
      const placed = await services.store.db
        .selectFrom('orders')
        .select('id')
        .where('checkout_id', '=', started.id)
        .execute();
      expect(placed).toHaveLength(1);
    });
  });

  describe('after the order', () => {
    /** The plan without the ids and times that differ between a preview and its confirm. */
    const shape = (plan: OrderChangePlan) => ({
      charges: plan.charges.map(({ transactionId: _id, ...rest }) => rest),
      refunds: plan.refunds.map(({ transactionId: _id, tenderId: _tender, ...rest }) => rest),
      chargeTotal: plan.chargeTotal,
      refundTotal: plan.refundTotal,
      status: plan.order.status,
      lines: plan.order.lines.map((line) => ({ variantId: line.variantId, quantities: line.quantities })),
    });

    it('cancels a pending order as previewed: stock back, the captured card refunded', async () => {
      const order = orders.mastercard!;
      const teaId = variant(tea, 'TEA-AL').id;
      const stock = await available(teaId);
      const preview = await services.orders.cancel.preview(order.id, {});
      const result = await services.orders.cancel.confirm(order.id, {});
      expect(shape(result.plan)).toEqual(shape(preview));
      expect(result.plan.refunds.map((r) => [r.kind, r.amount.amount])).toEqual([
        ['refund', TEA + HOME_DELIVERY],
      ]);
      expect(result.order.status).toBe('cancelled');
      expect(await available(teaId)).toBe(stock + 1);
      const card = tenders(order)[0]!;
      expect(await sandbox.get(card.reference!)).toMatchObject({
        status: 'refunded',
        capturedAmount: TWD(TEA + HOME_DELIVERY),
        refundedAmount: TWD(TEA + HOME_DELIVERY),
      });
    });

    it('fulfils an order to delivered without capturing it again', async () => {
      const order = orders.visa!;
      await services.orders.markProcessed(order.id);
      await services.orders.markShipped(order.id, { carrier: 'T-Cat', trackingNumber: 'TC-1001' });
      const delivered = await services.orders.markDelivered(order.id);
      expect(delivered.status).toBe('delivered');
      const card = tenders(delivered)[0]!;
      expect(delivered.transactions.filter((t) => t.type === 'capture')).toHaveLength(1);
      expect(await captureEvents(card.reference!)).toBe(1);
      expect((await sandbox.get(card.reference!)).capturedAmount).toEqual(order.totals.total);
      orders.visa = delivered;
    });

    it('returns one tea and refunds its share on receipt', async () => {
      const order = orders.visa!;
      const teaLine = order.lines.find((line) => line.variantId === variant(tea, 'TEA-AL').id)!;
      // Two teas cost NT$1000 less NT$100 and NT$60 of discounts: one unit is worth NT$420.
      expect(teaLine.total).toEqual(TWD(2 * TEA - NT(160)));
      const input = { lines: [{ lineId: teaLine.id, quantity: 1 }], reason: 'changed_mind' };
      const preview = await services.orders.requestReturn.preview(order.id, input);
      const requested = await services.orders.requestReturn.confirm(order.id, input);
      expect(shape(requested.plan)).toEqual(shape(preview));
      expect(requested.plan.refundTotal).toEqual(TWD(0));
      const received = await services.orders.receiveReturn(order.id, requested.plan.requestId!);
      expect(received.plan.refundTotal).toEqual(TWD(NT(420)));
      const card = tenders(order)[0]!;
      expect((await sandbox.get(card.reference!)).refundedAmount).toEqual(TWD(NT(420)));
      orders.visa = received.order;
    });

    it('exchanges the jacket for a dearer size, charging the difference once', async () => {
      const order = orders.visa!;
      const jacketLine = order.lines.find((line) => line.variantId === variant(jacket, 'HJ-M').id)!;
      const larger = variant(jacket, 'HJ-L').id;
      const stock = await available(larger);
      const input = {
        lines: [{ lineId: jacketLine.id, quantity: 1, variantId: larger }],
        reason: 'wrong_size',
        payWith: { type: 'card' as const, token: 'pm_card_visa' },
      };
      const preview = await services.orders.requestExchange.preview(order.id, input);
      expect(preview.chargeTotal).toEqual(TWD(JACKET_L - JACKET_M));
      const requested = await services.orders.requestExchange.confirm(order.id, input);
      expect(shape(requested.plan)).toEqual(shape(preview));
      const processed = await services.orders.processExchange(order.id, requested.plan.requestId!);
      expect(processed.order.status).toBe('exchanged');
      expect(processed.order.lines.at(-1)).toMatchObject({ variantId: larger, replaces: jacketLine.id });
      expect(await available(larger)).toBe(stock - 1);
      const charges = processed.order.transactions.filter(
        (t) => t.type === 'payment' && t.operationId === requested.plan.operationId,
      );
      expect(charges.map((t) => t.amount.amount)).toEqual([JACKET_L - JACKET_M]);
      const differencePayment = await sandbox.get(charges[0]!.reference!);
      // An exchange collects the difference at the request: captured once, there and then.
      expect(differencePayment).toMatchObject({
        status: 'captured',
        capturedAmount: TWD(JACKET_L - JACKET_M),
      });
      expect(charges[0]!.status).toBe('captured');
      expect(await captureEvents(differencePayment.id)).toBe(1);
    });
  });
});
