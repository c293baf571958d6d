import { afterAll, describe, expect, it } from 'vitest';
import { describeEachEngine, type EngineHarness } from '../../test/support/engines.js';
import { createCatalogService, type Product } from '../catalog/index.js';
import { ManualClock } from '../core/index.js';
import { createInventoryService } from '../inventory/index.js';
import {
  createGiftCards,
  createSandboxProvider,
  createStoreCredit,
  createTenderPayments,
} from '../payments/index.js';
import { loadPolicySet } from '../rules/index.js';
import { createOrderService, type NewOrder, type Order, type OrderChangePlan } from './index.js';
import { allocateToTenders } from './refund-arithmetic.js';

const DAY = 86_400_000;
const TWD = (amount: number) => ({ amount, currency: 'TWD' });

const policies = loadPolicySet({
  returns: {
    defaultDays: 30,
    refundMethods: ['original', 'gift_card', 'store_credit'],
    rules: [{ id: 'clearance', match: { tags: ['clearance'] }, days: 7 }],
  },
  transitions: [
    { action: 'cancel', states: ['pending'], reasons: ['changed_mind', 'ordered_by_mistake'] },
    { action: 'modify', states: ['pending'] },
    { action: 'return', states: ['delivered'] },
    { action: 'exchange', states: ['delivered'], reasons: ['wrong_size'] },
  ],
});

async function setup(harness: EngineHarness) {
  const store = await harness.open();
  const clock = new ManualClock(Date.UTC(2026, 2, 1));
  const catalog = createCatalogService({ store, clock });
  const inventory = createInventoryService({ store, clock });
  const provider = createSandboxProvider({ store, clock, webhookSecret: 'a-test-secret-of-16+' });
  const giftCards = createGiftCards({ store, clock });
  const storeCredit = createStoreCredit({ store, clock });
  const tenders = createTenderPayments({ store, provider, clock });
  const [shoe, hat] = (
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
  const location = await inventory.defaultLocation();
  for (const variant of [...shoe.variants, ...hat.variants]) {
    await inventory.adjust({
      variantId: variant.id,
      locationId: location.id,
      kind: 'receive',
      quantity: 10,
      actor: 'test',
    });
  }
  const orders = createOrderService({
    store,
    clock,
    catalog,
    inventory,
    payments: { provider, giftCards, storeCredit },
    policies: () => policies,
  });

  /** Pays like checkout does (gift card first, card the rest) and creates the order. */
  async function place(
    options: { giftCard?: number; checkoutId?: string; shoes?: number } = {},
  ): Promise<Order> {
    const checkoutId = options.checkoutId ?? `chk_${Math.random().toString(36).slice(2)}`;
    const shoes = options.shoes ?? 2;
    const shoeVariant = shoe.variants[0]!;
    const hatVariant = hat.variants[0]!;
    // A 10% order discount spread over the shoes, leaving an odd total to share.
    const shoeTotal = 300000 * shoes - 30001;
    const total = shoeTotal + 80000 + 10000;
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
    const input: NewOrder = {
      customerId: 'cus_1',
      email: 'Shopper@Example.com',
      currency: 'TWD',
      lines: [
        {
          variantId: shoeVariant.id,
          productId: shoe.id,
          sku: 'S26',
          title: 'Trail shoe',
          optionValues: ['26'],
          quantity: shoes,
          unitPrice: TWD(300000),
          discounts: [{ promotionId: 'promo', promotionVersion: 1, amount: TWD(30001) }],
          total: TWD(shoeTotal),
          tax: TWD(0),
          categoryPath: ['Footwear'],
        },
        {
          variantId: hatVariant.id,
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
          tags: ['clearance'],
        },
      ],
      shippingAddress: { name: 'Mei', line1: '1 Road', city: 'Taipei', postalCode: '100', country: 'TW' },
      shipping: { optionId: 'home', label: 'Home delivery', fee: TWD(10000), discount: TWD(0) },
      totals: {
        subtotal: TWD(300000 * shoes + 80000),
        discount: TWD(30001),
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
      promotions: [{ promotionId: 'promo', version: 1, amount: TWD(30001) }],
      checkoutId,
      channel: 'online',
    };
    return orders.create(input);
  }

  async function deliver(order: Order): Promise<Order> {
    await orders.markProcessed(order.id);
    await orders.markShipped(order.id, { carrier: 'T-Cat', trackingNumber: 'TC123' });
    return orders.markDelivered(order.id);
  }

  const onHand = async (variantId: string) => (await inventory.levels([variantId]))[0]?.onHand;
  return { store, clock, orders, place, deliver, shoe, hat, giftCards, storeCredit, provider, onHand };
}

/** The plan without the ids and times that differ between a preview and its confirm. */
function shape(plan: OrderChangePlan) {
  const order = plan.order;
  return {
    charges: plan.charges.map(({ transactionId: _id, ...rest }) => rest),
    refunds: plan.refunds.map(({ transactionId: _id, tenderId: _tender, ...rest }) => rest),
    refundTotal: plan.refundTotal,
    status: order.status,
    lines: order.lines.map((line) => ({
      variantId: line.variantId,
      quantities: line.quantities,
      total: line.total,
    })),
  };
}

function orderShape(order: Order) {
  return {
    status: order.status,
    lines: order.lines.map((line) => ({
      variantId: line.variantId,
      quantities: line.quantities,
      total: line.total,
    })),
  };
}

describe('refund allocation', () => {
  it('refunds the card before stored value and never more than was paid', () => {
    const base = {
      provider: 'x',
      reference: 'r',
      label: 'l',
      refunded: TWD(0),
      status: 'captured' as const,
      tenderId: null,
      operationId: null,
      createdAt: 0,
    };
    const gift = {
      ...base,
      id: 'g',
      type: 'payment' as const,
      method: 'gift_card' as const,
      amount: TWD(500),
    };
    const card = { ...base, id: 'c', type: 'payment' as const, method: 'card' as const, amount: TWD(1000) };
    expect(allocateToTenders(1200, [gift, card]).map((p) => [p.tender.id, p.amount])).toEqual([
      ['c', 1000],
      ['g', 200],
    ]);
    expect(allocateToTenders(9999, [gift, card]).reduce((sum, p) => sum + p.amount, 0)).toBe(1500);
  });
});

describeEachEngine('orders', (harness) => {
  afterAll(() => harness.closeAll());

  it('makes one order per checkout, numbered from A1001', async () => {
    const { place } = await setup(harness);
    const first = await place({ checkoutId: 'chk_same' });
    const again = await place({ checkoutId: 'chk_same' });
    const other = await place();
    expect(again.id).toBe(first.id);
    expect(first.number).toBe('A1001');
    expect(other.number).toBe('A1002');
    expect(first.email).toBe('shopper@example.com');
    expect(first.timeline.map((event) => event.type)).toEqual(['order-placed']);
  });

  it('cancels with the previewed refunds to each method, restocks, and records the timeline', async () => {
    const { orders, place, shoe, onHand } = await setup(harness);
    const order = await place({ giftCard: 100000 });
    const before = await onHand(shoe.variants[0]!.id);
    await expect(orders.cancel.preview(order.id, { reason: 'bored' })).rejects.toMatchObject({
      code: 'reason_not_allowed',
      status: 400,
    });
    const preview = await orders.cancel.preview(order.id, { reason: 'changed_mind' });
    expect(preview.refundTotal).toEqual(order.totals.total);
    expect(preview.refunds.map((r) => [r.method, r.kind])).toEqual([
      ['card', 'void'],
      ['gift_card', 'refund'],
    ]);
    const result = await orders.cancel.confirm(order.id, { reason: 'changed_mind' });
    expect(shape(result.plan)).toEqual(shape(preview));
    expect(orderShape(result.order)).toEqual(orderShape(preview.order));
    expect(result.order.status).toBe('cancelled');
    expect(result.issuedGiftCards.map((card) => card.amount)).toEqual([TWD(100000)]);
    expect(
      result.order.transactions.filter((t) => t.type !== 'payment').every((t) => t.status === 'succeeded'),
    ).toBe(true);
    expect(await onHand(shoe.variants[0]!.id)).toBe((before ?? 0) + 2);
    expect(result.order.timeline.map((e) => [e.type, e.reason])).toEqual([
      ['order-placed', null],
      ['order-cancelled', 'changed_mind'],
    ]);
    await expect(orders.cancel.confirm(order.id, { reason: 'changed_mind' })).rejects.toMatchObject({
      code: 'not_cancellable',
      status: 409,
    });
  });

  it("keeps a line's tags as sold, so a clearance item has its own shorter return window", async () => {
    const { orders, place, deliver, clock } = await setup(harness);
    const delivered = await deliver(await place());
    clock.advance(8 * DAY);
    const [shoeLine, hatLine] = delivered.lines;
    expect(hatLine!.tags).toEqual(['clearance']);
    await expect(
      orders.requestReturn.preview(delivered.id, { lines: [{ lineId: hatLine!.id, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: 'outside_return_window' });
    const preview = await orders.requestReturn.preview(delivered.id, {
      lines: [{ lineId: shoeLine!.id, quantity: 1 }],
    });
    expect(preview.order.status).toBe('return_requested');
  });

  it('refuses a return outside the window and changes nothing', async () => {
    const { orders, place, deliver, clock } = await setup(harness);
    const delivered = await deliver(await place());
    clock.advance(31 * DAY);
    const line = delivered.lines[0]!;
    await expect(
      orders.requestReturn.confirm(delivered.id, { lines: [{ lineId: line.id, quantity: 1 }] }),
    ).rejects.toMatchObject({
      code: 'outside_return_window',
    });
    expect(await orders.get(delivered.id)).toEqual(delivered);
  });

  it('adds up partial returns to exactly what the line cost, refunded on receipt', async () => {
    const { orders, place, deliver, shoe, onHand } = await setup(harness);
    const delivered = await deliver(await place({ shoes: 3 }));
    const line = delivered.lines[0]!;
    const stock = await onHand(shoe.variants[0]!.id);
    await expect(
      orders.requestReturn.preview(delivered.id, { lines: [{ lineId: line.id, quantity: 4 }] }),
    ).rejects.toMatchObject({
      code: 'quantity_exceeds_delivered',
    });
    let refunded = 0;
    let current = delivered;
    for (const quantity of [1, 2]) {
      const preview = await orders.requestReturn.preview(current.id, {
        lines: [{ lineId: line.id, quantity }],
      });
      const requested = await orders.requestReturn.confirm(current.id, {
        lines: [{ lineId: line.id, quantity }],
      });
      expect(shape(requested.plan)).toEqual(shape(preview));
      expect(requested.order.status).toBe('return_requested');
      expect(requested.plan.refunds).toEqual([]);
      const received = await orders.receiveReturn(current.id, requested.plan.requestId!);
      refunded += received.plan.refundTotal.amount;
      current = received.order;
    }
    expect(refunded).toBe(line.total.amount);
    expect(current.lines[0]!.quantities).toMatchObject({ delivered: 3, returned: 3, requested: 0 });
    expect(current.status).toBe('delivered');
    expect(await onHand(shoe.variants[0]!.id)).toBe((stock ?? 0) + 3);
    await expect(
      orders.requestReturn.preview(current.id, { lines: [{ lineId: line.id, quantity: 1 }] }),
    ).rejects.toMatchObject({
      code: 'quantity_exceeds_delivered',
    });
  });

  it('exchanges for a dearer size: collects the difference at the request and settles on processing', async () => {
    const { orders, place, deliver, shoe, onHand } = await setup(harness);
    const delivered = await deliver(await place());
    const line = delivered.lines[0]!;
    const bigger = shoe.variants[2]!.id;
    const input = { lines: [{ lineId: line.id, quantity: 1, variantId: bigger }], reason: 'wrong_size' };
    await expect(
      orders.requestExchange.preview(delivered.id, {
        ...input,
        lines: [{ lineId: delivered.lines[1]!.id, quantity: 1, variantId: bigger }],
      }),
    ).rejects.toMatchObject({ code: 'not_same_product' });
    await expect(orders.requestExchange.preview(delivered.id, input)).rejects.toMatchObject({
      code: 'payment_method_required',
    });
    const withCard = { ...input, payWith: { type: 'card' as const, token: 'pm_card_visa' } };
    const preview = await orders.requestExchange.preview(delivered.id, withCard);
    // The unit keeps its share of the discount: the shopper pays the difference in price.
    expect(preview.chargeTotal).toEqual(TWD(350000 - 300000));
    const requested = await orders.requestExchange.confirm(delivered.id, withCard);
    expect(shape(requested.plan)).toEqual(shape(preview));
    const reservedBefore = await onHand(bigger);
    const processed = await orders.processExchange(delivered.id, requested.plan.requestId!);
    expect(processed.order.status).toBe('exchanged');
    expect(processed.order.lines[0]!.quantities.exchanged).toBe(1);
    expect(processed.order.lines.at(-1)).toMatchObject({ variantId: bigger, replaces: line.id });
    expect(await onHand(bigger)).toBe((reservedBefore ?? 0) - 1);
    expect(processed.order.timeline.map((e) => e.type).slice(-2)).toEqual([
      'exchange-requested',
      'exchange-processed',
    ]);
  });

  it('swaps a size before shipping, checking the gift card balance first', async () => {
    const { orders, place, shoe, giftCards } = await setup(harness);
    const order = await place();
    const small = await giftCards.issue({ initialBalance: TWD(1000) });
    const swap = { swaps: [{ lineId: order.lines[0]!.id, variantId: shoe.variants[2]!.id, quantity: 1 }] };
    await expect(
      orders.modify.confirm(order.id, { ...swap, payWith: { type: 'gift_card', code: small.code } }),
    ).rejects.toMatchObject({
      code: 'insufficient_gift_card_balance',
    });
    expect(await orders.get(order.id)).toEqual(order);
    const big = await giftCards.issue({ initialBalance: TWD(100000) });
    const input = { ...swap, payWith: { type: 'gift_card' as const, code: big.code } };
    const preview = await orders.modify.preview(order.id, input);
    const result = await orders.modify.confirm(order.id, input);
    expect(shape(result.plan)).toEqual(shape(preview));
    expect((await giftCards.balance(big.code)).balance.amount).toBe(100000 - preview.chargeTotal.amount);
    expect(result.order.lines[0]!.quantities.cancelled).toBe(1);
    expect(result.order.timeline.at(-1)?.type).toBe('line-swapped');
    const sameSize = await orders.modify.confirm(order.id, {
      swaps: [{ lineId: order.lines[0]!.id, variantId: shoe.variants[1]!.id, quantity: 1 }],
    });
    expect(sameSize.plan.chargeTotal.amount).toBe(0);
  });

  /** Captures the card the way checkout does, then tells the order. */
  async function captureLikeCheckout(
    context: Awaited<ReturnType<typeof setup>>,
    order: Order,
  ): Promise<{ card: Order['transactions'][number]; recorded: Order }> {
    const card = order.transactions.find((t) => t.method === 'card')!;
    const captured = await context.provider.capture({
      paymentId: card.reference!,
      idempotencyKey: `checkout:${order.checkoutId}:capture`,
    });
    const recorded = await context.orders.recordCapture(order.id, card.reference!, captured.capturedAmount);
    return { card, recorded };
  }

  it('records a capture made by checkout once, and shipping then captures nothing more', async () => {
    const context = await setup(harness);
    const { orders, place, provider, store } = context;
    const order = await place({ giftCard: 100000 });
    const { card, recorded } = await captureLikeCheckout(context, order);
    expect(recorded.transactions.find((t) => t.id === card.id)?.status).toBe('captured');
    const captures = recorded.transactions.filter((t) => t.type === 'capture');
    expect(captures.map((t) => [t.tenderId, t.amount.amount, t.status])).toEqual([
      [card.id, card.amount.amount, 'succeeded'],
    ]);
    expect(recorded.timeline.at(-1)).toMatchObject({
      type: 'payment-captured',
      actor: 'checkout',
      data: { reference: card.reference, amount: card.amount },
    });
    // A resumed checkout tells the order again: nothing changes.
    expect(await orders.recordCapture(order.id, card.reference!, card.amount)).toEqual(recorded);

    await orders.markProcessed(order.id);
    const shipped = await orders.markShipped(order.id, { carrier: 'T-Cat', trackingNumber: 'TC1' });
    expect(shipped.transactions.filter((t) => t.type === 'capture')).toHaveLength(1);
    const payment = await provider.get(card.reference!);
    expect(payment).toMatchObject({ status: 'captured', capturedAmount: card.amount });
    const events = await store.db
      .selectFrom('payment_events')
      .select('type')
      .where('payment_id', '=', card.reference!)
      .where('type', '=', 'payment.captured')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('refunds a captured card on cancel instead of voiding it', async () => {
    const context = await setup(harness);
    const { orders, place, provider } = context;
    const order = await place();
    const { card } = await captureLikeCheckout(context, order);
    const preview = await orders.cancel.preview(order.id, { reason: 'changed_mind' });
    expect(preview.refunds.map((r) => [r.method, r.kind, r.amount.amount])).toEqual([
      ['card', 'refund', card.amount.amount],
    ]);
    const result = await orders.cancel.confirm(order.id, { reason: 'changed_mind' });
    expect(result.order.transactions.filter((t) => t.type === 'void')).toEqual([]);
    expect(result.order.transactions.find((t) => t.type === 'refund')?.status).toBe('succeeded');
    expect(await provider.get(card.reference!)).toMatchObject({
      status: 'refunded',
      refundedAmount: card.amount,
    });
  });

  it('refuses to record a capture of a payment the order no longer holds or does not have', async () => {
    const { orders, place } = await setup(harness);
    const order = await place();
    const card = order.transactions.find((t) => t.method === 'card')!;
    await expect(orders.recordCapture(order.id, 'pay_unknown', card.amount)).rejects.toMatchObject({
      code: 'payment_not_found',
      status: 404,
    });
    await expect(
      orders.recordCapture(order.id, card.reference!, { ...card.amount, amount: card.amount.amount + 1 }),
    ).rejects.toMatchObject({ code: 'invalid_amount', status: 400 });
    await orders.cancel.confirm(order.id, { reason: 'changed_mind' });
    await expect(orders.recordCapture(order.id, card.reference!, card.amount)).rejects.toMatchObject({
      code: 'payment_not_capturable',
      status: 409,
    });
  });

  it('lists a customer’s orders newest first, a page at a time, and finds by number', async () => {
    const { orders, place, clock } = await setup(harness);
    const first = await place();
    clock.advance(1000);
    const second = await place();
    const page = await orders.listByCustomer('cus_1', { limit: 1 });
    expect(page.items.map((o) => o.id)).toEqual([second.id]);
    const next = await orders.listByCustomer('cus_1', { limit: 1, cursor: page.nextCursor });
    expect(next.items.map((o) => o.id)).toEqual([first.id]);
    expect((await orders.find(first.number))?.id).toBe(first.id);
  });
});
