import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../core/index.js';
import type { OrderFact } from '../facts/index.js';
import { createToolbox, type Toolbox, type ToolContext } from './index.js';
import { CHEN, createToolFixture, LIN, sessionContext, type ToolFixture } from './test-fixtures.js';

describe('order tools', () => {
  let fixture: ToolFixture;
  let toolbox: Toolbox;

  const numberOf = (key: string) => {
    const number = fixture.orders.get(key);
    if (number === undefined) throw new Error(`no demo order ${key}`);
    return number;
  };

  const verifiedAs = async (person: { name: string; postalCode: string }): Promise<ToolContext> => {
    const context = sessionContext();
    await toolbox.runTool('identify_shopper', { name: person.name, postalCode: person.postalCode }, context);
    expect(context.shopper.verified).toBe(true);
    return context;
  };

  beforeAll(async () => {
    fixture = await createToolFixture();
    toolbox = createToolbox(fixture.services);
  }, 60_000);
  afterAll(() => fixture.services.close());

  it('order_status shows the verified shopper their order with its totals as a fact', async () => {
    const context = await verifiedAs(LIN);
    const result = await toolbox.runTool('order_status', { order: numberOf('demo-order-01') }, context);
    const order = await fixture.services.orders.findByNumber(numberOf('demo-order-01'));
    const fact = result.facts.find((f): f is OrderFact => f.kind === 'order');
    expect(fact?.total).toEqual(order?.totals.total);
    expect(result.output).toMatchObject({ number: numberOf('demo-order-01'), status: 'delivered' });
  });

  it('order_status without an order lists only the shopper’s own orders', async () => {
    const context = await verifiedAs(LIN);
    const result = await toolbox.runTool('order_status', {}, context);
    const numbers = (result.output as { orders: { number: string }[] }).orders.map((o) => o.number).sort();
    expect(numbers).toEqual([numberOf('demo-order-01'), numberOf('demo-order-02')].sort());
  });

  it('an unverified shopper cannot see an order, even their own after giving their email', async () => {
    const context = sessionContext();
    await toolbox.runTool('identify_shopper', { email: LIN.email }, context);
    expect(context.shopper).toMatchObject({ verified: false });
    await expect(
      toolbox.runTool('order_status', { order: numberOf('demo-order-01') }, context),
    ).rejects.toMatchObject({ code: 'shopper_not_verified' });
    await expect(
      toolbox.runTool('cancel_order', { order: numberOf('demo-order-02') }, sessionContext()),
    ).rejects.toMatchObject({ code: 'shopper_not_identified' });
  });

  it('another customer’s order reads exactly like a missing one', async () => {
    const context = await verifiedAs(CHEN);
    const foreign = await toolbox
      .runTool('order_status', { order: numberOf('demo-order-01') }, context)
      .catch((error: unknown) => error);
    const missing = await toolbox
      .runTool('order_status', { order: 'NO-SUCH-ORDER' }, context)
      .catch((error: unknown) => error);
    expect(foreign).toMatchObject({ code: 'order_not_found', status: 409 });
    expect((missing as Error).constructor).toBe((foreign as Error).constructor);
    expect((missing as { code: string }).code).toBe((foreign as { code: string }).code);
    await expect(
      toolbox.runTool('cancel_order', { order: numberOf('demo-order-02') }, context),
    ).rejects.toMatchObject({ code: 'order_not_found' });
  });

  it('cancel_order previews the refund, runs only on confirm, and refunds what it previewed', async () => {
    const context = await verifiedAs(LIN);
    const number = numberOf('demo-order-02');
    const preview = await toolbox.runTool(
      'cancel_order',
      { order: number, reason: 'changed my mind' },
      context,
    );
    const output = preview.output as { confirmationId: string; needsConfirmation: boolean };
    expect(output.needsConfirmation).toBe(true);
    expect(preview.cards?.[0]).toMatchObject({ type: 'confirmation', confirmationId: output.confirmationId });
    const before = await fixture.services.orders.findByNumber(number);
    expect(before?.status).toBe('pending');
    const planned = await fixture.services.orders.cancel.preview(before?.id ?? '', {
      reason: 'changed my mind',
    });

    const done = await toolbox.runTool(
      'cancel_order',
      { order: number, reason: 'changed my mind', confirm: output.confirmationId },
      context,
    );
    const after = await fixture.services.orders.findByNumber(number);
    expect(after?.status).toBe('cancelled');
    expect(done.output).toMatchObject({ done: true, status: 'cancelled' });
    const moved = (after?.transactions ?? [])
      .filter((t) => t.type !== 'payment' && t.type !== 'capture' && t.operationId === output.confirmationId)
      .reduce((sum, t) => sum + t.amount.amount, 0);
    expect(moved).toBe(planned.refundTotal.amount);
    expect(planned.refundTotal.amount).toBeGreaterThan(0);
    expect((preview.output as { refund: string }).refund).toBe(
      formatMoney({ amount: moved, currency: 'TWD' }, 'en'),
    );

    await expect(
      toolbox.runTool(
        'cancel_order',
        { order: number, reason: 'changed my mind', confirm: output.confirmationId },
        context,
      ),
    ).rejects.toMatchObject({ code: 'not_cancellable' });
    const again = await fixture.services.orders.findByNumber(number);
    expect(again?.transactions).toHaveLength(after?.transactions.length ?? 0);
  });

  it('return_items refuses a confirmation used with other arguments or by another session', async () => {
    const context = await verifiedAs(LIN);
    const number = numberOf('demo-order-01');
    const order = await fixture.services.orders.findByNumber(number);
    const socks = order?.lines.find((l) => l.quantities.ordered === 3);
    if (socks === undefined) throw new Error('demo order 01 has no line of three socks');
    const input = { order: number, lines: [{ lineId: socks.id, quantity: 1 }] };
    const preview = await toolbox.runTool('return_items', input, context);
    const { confirmationId, refundOnReceipt } = preview.output as {
      confirmationId: string;
      refundOnReceipt: string;
    };

    await expect(
      toolbox.runTool(
        'return_items',
        { ...input, lines: [{ lineId: socks.id, quantity: 2 }], confirm: confirmationId },
        context,
      ),
    ).rejects.toMatchObject({ code: 'confirmation_invalid' });
    const stranger = await verifiedAs(LIN);
    await expect(
      toolbox.runTool('return_items', { ...input, confirm: confirmationId }, stranger),
    ).rejects.toMatchObject({ code: 'confirmation_invalid' });
    expect((await fixture.services.orders.findByNumber(number))?.status).toBe('delivered');

    const planned = await fixture.services.orders.requestReturn.preview(order?.id ?? '', {
      lines: [{ lineId: socks.id, quantity: 1 }],
    });
    const done = await toolbox.runTool('return_items', { ...input, confirm: confirmationId }, context);
    expect(done.output).toMatchObject({ done: true, status: 'return_requested' });
    const after = await fixture.services.orders.findByNumber(number);
    const request = after?.requests.at(-1);
    const plannedRequest = planned.order.requests.find((r) => r.id === planned.requestId);
    expect(request?.refund).toEqual(plannedRequest?.refund);
    expect(request?.refund.amount).toBeGreaterThan(0);
    expect(refundOnReceipt).toBe(formatMoney(request?.refund ?? { amount: -1, currency: 'TWD' }, 'en'));
  });

  it('exchange_items holds the replacement and charges or refunds exactly the previewed difference', async () => {
    const context = await verifiedAs({ name: 'Emily Carter', postalCode: '110208' });
    const number = numberOf('demo-order-10');
    const order = await fixture.services.orders.findByNumber(number);
    const shoe = order?.lines.find((l) => l.optionValues.join('/') === 'Sand/24');
    if (shoe === undefined) throw new Error('demo order 10 has no Sand/24 hiker');
    const product = await fixture.services.catalog.getProduct(shoe.productId);
    const stock = await fixture.services.inventory.availability(product.variants.map((v) => v.id));
    const replacement = product.variants.find(
      (v) => v.id !== shoe.variantId && (stock.get(v.id)?.available ?? 0) > 0,
    );
    if (replacement === undefined) throw new Error('no other hiker in stock');
    const input = {
      order: number,
      reason: 'wrong_size',
      lines: [{ lineId: shoe.id, quantity: 1, variantId: replacement.id }],
    };
    const preview = await toolbox.runTool('exchange_items', input, context);
    const { confirmationId } = preview.output as { confirmationId: string };
    const planned = await fixture.services.orders.requestExchange.preview(order?.id ?? '', {
      lines: input.lines,
      reason: 'wrong_size',
    });
    await toolbox.runTool('exchange_items', { ...input, confirm: confirmationId }, context);
    const after = await fixture.services.orders.findByNumber(number);
    expect(after?.status).toBe('exchange_requested');
    const request = after?.requests.find((r) => r.kind === 'exchange');
    const plannedRequest = planned.order.requests.find((r) => r.id === planned.requestId);
    expect(request?.charge).toEqual(plannedRequest?.charge);
    expect(request?.refund).toEqual(plannedRequest?.refund);
    expect(request?.reservationId).not.toBeNull();
  });

  it('passes the order engine’s refusal through with its code', async () => {
    const context = await verifiedAs(CHEN);
    const number = numberOf('demo-order-03');
    const order = await fixture.services.orders.findByNumber(number);
    expect(order?.status).toBe('shipped');
    // A shipped order cannot be cancelled: the engine's refusal comes back with its own code.
    await expect(toolbox.runTool('cancel_order', { order: number }, context)).rejects.toMatchObject({
      code: expect.stringMatching(/not_cancellable|action_not_allowed|transition/),
    });
  });

  it('modify_order previews an address change and applies it after confirmation', async () => {
    const context = await verifiedAs(LIN);
    const mug = await fixture.services.catalog.getProduct(fixture.injectedProductId);
    await toolbox.runTool('cart_add', { variantId: mug.variants[0]?.id, quantity: 1 }, context);
    const pay = await toolbox.runTool('pay_with_saved_method', {}, context);
    const paid = await toolbox.runTool(
      'pay_with_saved_method',
      { confirm: (pay.output as { confirmationId: string }).confirmationId },
      context,
    );
    const number = (paid.output as { orderNumber: string }).orderNumber;
    const shippingAddress = {
      name: '林怡君',
      line1: '中山二路 2 號',
      city: '高雄市',
      postalCode: '106410',
      country: 'tw',
    };
    const preview = await toolbox.runTool('modify_order', { order: number, shippingAddress }, context);
    const { confirmationId } = preview.output as { confirmationId: string };
    expect((await fixture.services.orders.findByNumber(number))?.shippingAddress?.line1).not.toBe(
      '中山二路 2 號',
    );
    await toolbox.runTool(
      'modify_order',
      { order: number, shippingAddress, confirm: confirmationId },
      context,
    );
    const after = await fixture.services.orders.findByNumber(number);
    expect(after?.shippingAddress).toMatchObject({ line1: '中山二路 2 號', country: 'TW' });
  });

  it('modify_order needs something to change', async () => {
    const context = await verifiedAs(LIN);
    await expect(
      toolbox.runTool('modify_order', { order: numberOf('demo-order-01') }, context),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
