import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ManualClock } from '../../core/index.js';
import type { OrderStatus } from '../../orders/index.js';
import { type AppServices, createServices } from '../../server/index.js';
import { seedDemo } from '../seed.js';
import { DEMO_CUSTOMERS, DEMO_ORDERS, type DemoCommerceSummary, seedDemoCommerce } from './index.js';

const EVERY_STATUS: readonly OrderStatus[] = [
  'pending',
  'processed',
  'shipped',
  'delivered',
  'cancelled',
  'return_requested',
  'returned',
  'exchange_requested',
  'exchanged',
];

/** Items of the processed, cancelled, returned and exchanged orders, and the exchange's replacement. */
const STOCK_WATCH: readonly (readonly [string, readonly string[]])[] = [
  ['hollowpine-family-dome-4p-tent', []],
  ['hollowpine-moonlight-camp-chair', ['Black']],
  ['velox-pacer-tee-men', ['Blue', 'L']],
  ['basalt-edge-climbing-shoe', ['25']],
  ['basalt-edge-climbing-shoe', ['25.5']],
  ['velox-tempo-glide-women', ['White', '24']],
];

const key = (handle: string, options: readonly string[]) => [handle, ...options].join('/');

describe('demo store commerce', () => {
  let services: AppServices;
  let first: DemoCommerceSummary;
  let before: Map<string, number>;

  const customer = async (email: string) => {
    const found = await services.customers.findByEmail(email);
    if (found === null) throw new Error(`no demo customer ${email}`);
    return found;
  };

  const variantOf = async (handle: string, options: readonly string[]) => {
    const product = await services.catalog.findProductByHandle(handle);
    const variant = product?.variants.find((v) => v.optionValues.join('/') === options.join('/'));
    if (variant === undefined) throw new Error(`no demo variant ${handle} ${options.join('/')}`);
    return variant;
  };

  const cartFor = async (email: string, lines: readonly [string, readonly string[], number][]) => {
    const { cartId } = await services.cart.createCart({ customerId: (await customer(email)).id, email });
    for (const [handle, options, quantity] of lines) {
      await services.cart.addLine(cartId, { variantId: (await variantOf(handle, options)).id, quantity });
    }
    return cartId;
  };

  /** Units on hand over every location, by item. */
  const stockOf = async (items: typeof STOCK_WATCH) => {
    const totals = new Map<string, number>();
    for (const [handle, options] of items) {
      const levels = await services.inventory.levels([(await variantOf(handle, options)).id]);
      totals.set(
        key(handle, options),
        levels.reduce((sum, level) => sum + level.onHand, 0),
      );
    }
    return totals;
  };

  beforeAll(async () => {
    services = await createServices(
      { ...loadConfig({}), db: 'sqlite::memory:' },
      { clock: new ManualClock(Date.UTC(2026, 10, 20, 2)) },
    );
    await seedDemo(services);
    before = await stockOf(STOCK_WATCH);
    first = await seedDemoCommerce(services);
  }, 60_000);

  afterAll(() => services.close());

  it('seeds the sample promotions and policies for the demo catalog', async () => {
    expect(first.promotions.policies).toBe('created');
    expect([...first.promotions.created].sort()).toEqual([
      'clearance-sale',
      'members-discount',
      'pickup-shipping-free',
      'socks-buy-2-get-1',
      'spend-and-save',
      'welcome-10',
    ]);
    const { policies } = await services.promotions.current();
    expect(policies.returns?.defaultDays).toBe(30);
    expect(policies.shipping?.options.map((option) => option.id)).toEqual(['home-delivery', 'cvs-pickup']);
    expect(policies.tax?.[0]).toMatchObject({ rate: 5, inclusive: true });
  });

  it('leaves an order in every state, each as the order service reads it', async () => {
    expect(Object.keys(first.orders.byStatus).sort()).toEqual([...EVERY_STATUS].sort());
    expect(first.orders.created).toBe(DEMO_ORDERS.length);
    for (const summary of first.orders.list) {
      const order = await services.orders.findByNumber(summary.number);
      expect(order?.status).toBe(summary.status);
      expect(order?.checkoutId).not.toBeNull();
    }
  });

  it('ships with a carrier and a tracking number', async () => {
    const shipped = first.orders.list.find((order) => order.status === 'shipped');
    const tracking = await services.orders.tracking(
      (await services.orders.findByNumber(shipped?.number ?? ''))?.id ?? '',
    );
    expect(tracking.carrier).toContain('T-Cat');
    expect(tracking.trackingNumber).toMatch(/^\d{12}$/);
  });

  it('prices the orders through the rules engine: WELCOME10 on a first order', async () => {
    const welcome = first.orders.list.find((order) => order.key === 'demo-order-07');
    const order = await services.orders.findByNumber(welcome?.number ?? '');
    expect(order?.promotions.map((promotion) => promotion.promotionId)).toContain('welcome-10');
    expect(order?.totals.discount.amount).toBeGreaterThan(0);
  });

  it('moves stock as the orders went: sold, given back on cancel and return, swapped on exchange', async () => {
    const after = await stockOf(STOCK_WATCH);
    expect(
      STOCK_WATCH.map(
        ([handle, options]) =>
          (after.get(key(handle, options)) ?? 0) - (before.get(key(handle, options)) ?? 0),
      ),
    ).toEqual([-1, 0, 0, 0, -1, -1]);
  });

  it('creates nothing on a second run', async () => {
    const ordersBefore = await Promise.all(
      DEMO_CUSTOMERS.map(
        async (demo) =>
          (await services.orders.listByCustomer((await customer(demo.input.email)).id)).items.length,
      ),
    );
    const second = await seedDemoCommerce(services);
    expect(second.changes).toBe(0);
    expect(second.customers.created).toBe(0);
    expect(second.orders.created).toBe(0);
    expect(second.orders.steps).toBe(0);
    expect(second.promotions).toMatchObject({ created: [], policies: 'kept' });
    expect(second.orders.list.map((order) => order.number)).toEqual(
      first.orders.list.map((order) => order.number),
    );
    expect(second.giftCards).toEqual(first.giftCards);
    expect(second.storeCredit).toEqual(first.storeCredit);
    const ordersAfter = await Promise.all(
      DEMO_CUSTOMERS.map(
        async (demo) =>
          (await services.orders.listByCustomer((await customer(demo.input.email)).id)).items.length,
      ),
    );
    expect(ordersAfter).toEqual(ordersBefore);
  });

  it('applies WELCOME10 to a new customer’s first cart', async () => {
    const cartId = await cartFor('chiaying.wu@example.com', [['formosa-trail-day-hike-22', ['Navy'], 1]]);
    const view = await services.cart.applyCoupon(cartId, 'WELCOME10');
    expect(view.quote.coupons).toEqual([{ code: 'WELCOME10', applied: true }]);
    expect(view.quote.applied.map((promotion) => promotion.promotionId)).toContain('welcome-10');
  });

  it('refuses WELCOME10 to a customer who has ordered before', async () => {
    const cartId = await cartFor('yichun.lin@example.com', [['formosa-trail-day-hike-22', ['Navy'], 1]]);
    const view = await services.cart.applyCoupon(cartId, 'WELCOME10');
    expect(view.quote.coupons).toEqual([{ code: 'WELCOME10', applied: false }]);
    expect(view.quote.messages.map((message) => message.code)).toContain('coupon_rejected');
  });

  it('gives a member the members’ discount', async () => {
    const cartId = await cartFor('chihming.chen@example.com', [['formosa-trail-day-hike-22', ['Navy'], 1]]);
    const { quote } = await services.cart.getCart(cartId);
    const members = quote.applied.find((promotion) => promotion.promotionId === 'members-discount');
    // 5% of NT$1,880.
    expect(members?.amount).toEqual({ amount: 9400, currency: 'TWD' });
  });

  it('gives socks bought three at a time one free', async () => {
    const cartId = await cartFor('chiaying.wu@example.com', [
      ['velox-run-no-show-socks', ['M', '1 pair'], 3],
    ]);
    const { quote } = await services.cart.getCart(cartId);
    expect(quote.applied.find((promotion) => promotion.promotionId === 'socks-buy-2-get-1')?.amount).toEqual({
      amount: 29000,
      currency: 'TWD',
    });
  });

  it('finds every demo customer by email and by name and postal code', async () => {
    for (const demo of DEMO_CUSTOMERS) {
      const byEmail = await services.customers.findByEmail(demo.input.email);
      const postalCode = demo.input.addresses?.[0]?.postalCode ?? '';
      const byName = await services.customers.findByNameAndPostalCode(demo.name, postalCode);
      expect(byEmail?.name).toBe(demo.name);
      expect(byName?.id).toBe(byEmail?.id);
      expect(postalCode).toMatch(/^\d{6}$/);
    }
  });

  it('saves the test cards as labelled tokens, and keeps a gift card and store credit', async () => {
    const lin = await customer('yichun.lin@example.com');
    expect(lin.paymentMethods.map((method) => [method.token, method.label])).toEqual([
      ['pm_card_visa', 'Visa •••• 4242 (12/30)'],
      ['pm_wallet_paypal', 'PayPal'],
    ]);
    const chen = await customer('chihming.chen@example.com');
    expect(chen.paymentMethods[0]?.label).toBe('Mastercard •••• 4444 (12/30)');
    const chang = await customer('chiahao.chang@example.com');
    expect((await services.customers.giftCards(chang.id)).map((card) => card.balance)).toEqual([
      { amount: 200000, currency: 'TWD' },
    ]);
    expect(first.giftCards).toEqual([
      {
        email: 'chiahao.chang@example.com',
        code: 'STDEMOGIFT2000',
        balance: { amount: 200000, currency: 'TWD' },
      },
    ]);
    const wang = await customer('meiling.wang@example.com');
    expect(await services.customers.storeCreditBalance(wang.id, 'TWD')).toEqual({
      amount: 50000,
      currency: 'TWD',
    });
  });
});
