import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { address, buildShop, readyCart, type Shop, seedShop } from '../../test/checkout/shop.js';
import { describeEachEngine } from '../../test/support/engines.js';
import { ManualClock } from '../core/index.js';
import type { Store } from '../store/index.js';

const card = (token: string) => [{ type: 'card' as const, token }];

async function paymentsByStatus(store: Store): Promise<Record<string, number>> {
  const rows = await store.db.selectFrom('payments').select('status').execute();
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}

describeEachEngine('cart service', (harness) => {
  let store: Store;
  let clock: ManualClock;
  let shop: Shop;

  beforeEach(async () => {
    store = await harness.open();
    // 10:00 in Taipei, a Tuesday.
    clock = new ManualClock(Date.UTC(2026, 2, 3, 2));
    await seedShop(store, clock);
    shop = await buildShop(store, clock);
  });
  afterAll(() => harness.closeAll());

  describe('quotes', () => {
    it('prices lines through the rules, naming each promotion, with shipping, tax and total', async () => {
      const { cartId } = await shop.cart.createCart();
      await shop.cart.addLine(cartId, { variantId: shop.variants.socks, quantity: 3 });
      const { quote } = await shop.cart.addLine(cartId, { variantId: shop.variants.jacket, quantity: 1 });
      const socks = quote.lines.find((line) => line.variantId === shop.variants.socks);
      expect(socks?.unitPrice).toEqual({ amount: 30000, currency: 'TWD' });
      expect(socks?.discounts.map((d) => d.promotionId)).toContain('socks-buy-2-get-1');
      expect(quote.subtotal.amount).toBe(420000 + 90000);
      expect(quote.applied.map((a) => a.promotionId).sort()).toEqual(['socks-buy-2-get-1', 'spend-and-save']);
      expect(quote.total.amount).toBe(
        quote.subtotal.amount - quote.discount.amount + quote.shipping.total.amount,
      );
    });

    it('says why a coupon was refused, in English and Chinese', async () => {
      const { cartId } = await shop.cart.createCart();
      await shop.cart.addLine(cartId, { variantId: shop.variants.jacket, quantity: 1 });
      const { quote } = await shop.cart.applyCoupon(cartId, 'welcome10');
      const message = quote.messages.find((m) => m.code === 'coupon_rejected');
      expect(message?.coupon).toBe('WELCOME10');
      expect(message?.reason).toBe('customer_not_eligible');
      expect(message?.message['zh-TW']).toContain('WELCOME10');
      expect(quote.coupons).toEqual([{ code: 'WELCOME10', applied: false }]);
      const unknown = await shop.cart.applyCoupon(cartId, 'NOPE');
      expect(unknown.quote.messages.find((m) => m.coupon === 'NOPE')?.reason).toBe('unknown_code');
    });

    it('warns of low stock, missing stock and a price that changed since the item was added', async () => {
      const { cartId } = await shop.cart.createCart();
      await shop.cart.addLine(cartId, { variantId: shop.variants.clearance, quantity: 1 });
      await shop.cart.addLine(cartId, { variantId: shop.variants.jacket, quantity: 6 });
      await store.db
        .updateTable('variants')
        .set({ price: 190000 })
        .where('id', '=', shop.variants.clearance)
        .execute();
      const { quote, cart } = await shop.cart.getCart(cartId);
      const codes = (variantId: string) =>
        quote.messages
          .filter((m) => m.lineId === cart.lines.find((l) => l.variantId === variantId)?.id)
          .map((m) => m.code);
      expect(codes(shop.variants.clearance).sort()).toEqual(['low_stock', 'price_changed']);
      expect(codes(shop.variants.jacket)).toEqual(['insufficient_stock']);
    });

    it('refuses more than the line maximum and a variant that does not exist', async () => {
      const { cartId } = await shop.cart.createCart();
      await expect(
        shop.cart.addLine(cartId, { variantId: shop.variants.socks, quantity: 100 }),
      ).rejects.toMatchObject({ code: 'quantity_limit', status: 400 });
      await shop.cart.addLine(cartId, { variantId: shop.variants.socks, quantity: 60 });
      await expect(
        shop.cart.addLine(cartId, { variantId: shop.variants.socks, quantity: 40 }),
      ).rejects.toMatchObject({ code: 'quantity_limit' });
      await expect(
        shop.cart.addLine(cartId, { variantId: 'var_missing', quantity: 1 }),
      ).rejects.toMatchObject({ status: 404 });
    });

    it('only the token holder gets in', async () => {
      const { cartId, token } = await shop.cart.createCart();
      await expect(shop.cart.authenticate(cartId, token)).resolves.toBeUndefined();
      await expect(shop.cart.authenticate(cartId, `${token}x`)).rejects.toMatchObject({ status: 404 });
    });

    it('merges the earlier cart of a customer who signs in: lines summed, coupons kept', async () => {
      const earlier = await shop.cart.createCart({ customerId: 'member-1' });
      await shop.cart.addLine(earlier.cartId, { variantId: shop.variants.socks, quantity: 2 });
      await shop.cart.applyCoupon(earlier.cartId, 'WELCOME10');
      const anonymous = await shop.cart.createCart();
      await shop.cart.addLine(anonymous.cartId, { variantId: shop.variants.socks, quantity: 1 });
      await shop.cart.addLine(anonymous.cartId, { variantId: shop.variants.jacket, quantity: 1 });
      const { cart, quote } = await shop.cart.attachCustomer(anonymous.cartId, 'member-1');
      expect(cart.customerId).toBe('member-1');
      expect(cart.lines.find((l) => l.variantId === shop.variants.socks)?.quantity).toBe(3);
      expect(cart.coupons).toEqual(['WELCOME10']);
      expect(quote.customerId).toBe('member-1');
      expect((await shop.cart.getCart(earlier.cartId)).cart.status).toBe('merged');
    });
  });

  describe('checkout', () => {
    it('places one order, captures the card, sells the stock and records promotion usage', async () => {
      const { cartId } = await readyCart(shop);
      const checkout = await shop.cart.startCheckout(cartId);
      const outcome = await shop.cart.completeCheckout(cartId, {
        tenders: card('pm_card_visa'),
        idempotencyKey: 'k1',
      });
      expect(outcome.status).toBe('completed');
      expect(outcome.status === 'completed' && outcome.total).toEqual(checkout.quote.total);
      const orders = await shop.orders.all();
      expect(orders).toHaveLength(1);
      expect(orders[0]?.order.totals.total).toEqual(checkout.quote.total);
      expect(orders[0]?.order.lines.map((l) => l.quantity).sort()).toEqual([1, 2]);
      expect(await paymentsByStatus(store)).toEqual({ captured: 1 });
      expect((await shop.inventory.getReservation(checkout.reservationId)).status).toBe('committed');
      expect((await shop.promotions.usage(['spend-and-save'], null))['spend-and-save']?.uses).toBe(1);
      const again = await shop.cart.completeCheckout(cartId, {
        tenders: card('pm_card_visa'),
        idempotencyKey: 'k1',
      });
      expect(again).toEqual(outcome);
      expect(await shop.orders.all()).toHaveLength(1);
    });

    it('two concurrent completions with one key make one order and one charge', async () => {
      const { cartId } = await readyCart(shop);
      await shop.cart.startCheckout(cartId);
      const input = { tenders: card('pm_card_visa'), idempotencyKey: 'double' };
      const [a, b] = await Promise.all([
        shop.cart.completeCheckout(cartId, input),
        shop.cart.completeCheckout(cartId, input),
      ]);
      expect(a).toEqual(b);
      expect(await shop.orders.all()).toHaveLength(1);
      expect(await paymentsByStatus(store)).toEqual({ captured: 1 });
    });

    it('a declined card answers 402 with the reason and keeps the holds for another card', async () => {
      const { cartId } = await readyCart(shop);
      const checkout = await shop.cart.startCheckout(cartId);
      await expect(
        shop.cart.completeCheckout(cartId, {
          tenders: card('pm_card_chargeDeclinedInsufficientFunds'),
          idempotencyKey: 'a1',
        }),
      ).rejects.toMatchObject({
        status: 402,
        code: 'payment_declined',
        details: { reason: 'insufficient_funds' },
      });
      expect((await shop.inventory.getReservation(checkout.reservationId)).status).toBe('active');
      await expect(
        shop.cart.completeCheckout(cartId, {
          tenders: card('pm_card_chargeDeclinedInsufficientFunds'),
          idempotencyKey: 'a1',
        }),
      ).rejects.toMatchObject({ status: 402 });
      const outcome = await shop.cart.completeCheckout(cartId, {
        tenders: card('pm_card_mastercard'),
        idempotencyKey: 'a2',
      });
      expect(outcome.status).toBe('completed');
      expect(await paymentsByStatus(store)).toEqual({ declined: 1, captured: 1 });
    });

    it('stops at a 3-D Secure challenge and resumes once the shopper passed it', async () => {
      const { cartId } = await readyCart(shop);
      await shop.cart.startCheckout(cartId);
      const input = { tenders: card('pm_card_authenticationRequired'), idempotencyKey: 'tds' };
      const first = await shop.cart.completeCheckout(cartId, input);
      if (first.status !== 'requires_action') throw new Error('expected a challenge');
      expect(await shop.cart.completeCheckout(cartId, input)).toMatchObject({ status: 'requires_action' });
      await shop.provider.completeChallenge(first.challenge.challengeId, 'approve');
      expect(await shop.cart.completeCheckout(cartId, input)).toMatchObject({ status: 'completed' });
      expect(await paymentsByStatus(store)).toEqual({ captured: 1 });
    });

    it('a changed price answers 409 with the new quote; the shopper confirms its total', async () => {
      const { cartId } = await readyCart(shop);
      const checkout = await shop.cart.startCheckout(cartId);
      await store.db
        .updateTable('variants')
        .set({ price: 440000 })
        .where('id', '=', shop.variants.jacket)
        .execute();
      const refused = await shop.cart
        .completeCheckout(cartId, { tenders: card('pm_card_visa'), idempotencyKey: 'p1' })
        .catch((error: unknown) => error as { code: string; details: { total: { amount: number } } });
      expect(refused).toMatchObject({ code: 'price_changed', status: 409 });
      const newTotal = (refused as { details: { total: { amount: number } } }).details.total.amount;
      expect(newTotal).not.toBe(checkout.quote.total.amount);
      const outcome = await shop.cart.completeCheckout(cartId, {
        tenders: card('pm_card_visa'),
        idempotencyKey: 'p2',
        expectedTotal: newTotal,
      });
      expect(outcome).toMatchObject({ status: 'completed', total: { amount: newTotal } });
    });

    it('lapsed holds answer 409 hold_expired and charge nothing', async () => {
      const { cartId } = await readyCart(shop);
      await shop.cart.startCheckout(cartId);
      clock.advance(901_000);
      await expect(
        shop.cart.completeCheckout(cartId, { tenders: card('pm_card_visa'), idempotencyKey: 'late' }),
      ).rejects.toMatchObject({ code: 'hold_expired', status: 409 });
      expect(await paymentsByStatus(store)).toEqual({});
      expect(await shop.orders.all()).toHaveLength(0);
    });

    it('changing the cart gives up the open checkout and its holds', async () => {
      const { cartId } = await readyCart(shop);
      const checkout = await shop.cart.startCheckout(cartId);
      await shop.cart.addLine(cartId, { variantId: shop.variants.socks, quantity: 1 });
      expect((await shop.inventory.getReservation(checkout.reservationId)).status).toBe('released');
      await expect(
        shop.cart.completeCheckout(cartId, { tenders: card('pm_card_visa'), idempotencyKey: 'x' }),
      ).rejects.toMatchObject({ code: 'hold_expired' });
    });

    it('refuses to start without an address', async () => {
      const { cartId } = await shop.cart.createCart({ email: 'a@example.com' });
      await shop.cart.addLine(cartId, { variantId: shop.variants.socks, quantity: 1 });
      await expect(shop.cart.startCheckout(cartId)).rejects.toMatchObject({
        code: 'shipping_address_required',
      });
      await shop.cart.setShipping(cartId, { address });
      await expect(shop.cart.startCheckout(cartId)).resolves.toMatchObject({ status: 'open' });
    });
  });
});
