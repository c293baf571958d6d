/**
 * Kills a real process at every step of checkout completion, then recovers in this process and
 * checks the invariant: an order with its payment, or no order and nothing charged.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKOUT_STEPS } from '../../src/cart/index.js';
import { ManualClock } from '../../src/core/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { buildShop, readyCart, seedShop } from './shop.js';

const START = Date.UTC(2026, 2, 3, 2);
const LEASE_MS = 60_000;
const directory = mkdtempSync(join(tmpdir(), 'aisle-crash-'));
const script = join(import.meta.dirname, 'crash-checkout.ts');

afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function prepared(name: string): Promise<{ path: string; cartId: string; reservationId: string }> {
  const path = join(directory, `${name}.db`);
  const store = await openStore(`sqlite:${path}`);
  const clock = new ManualClock(START);
  await seedShop(store, clock);
  const shop = await buildShop(store, clock);
  const { cartId } = await readyCart(shop);
  const checkout = await shop.cart.startCheckout(cartId);
  await store.close();
  return { path, cartId, reservationId: checkout.reservationId };
}

function runChild(path: string, cartId: string, crashAt: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      AISLE_TEST_DB: path,
      AISLE_TEST_CART: cartId,
      AISLE_TEST_NOW: String(START),
      AISLE_TEST_CRASH_AT: crashAt,
    },
    encoding: 'utf8',
  });
}

async function payments(store: Store) {
  return store.db.selectFrom('payments').select(['status', 'amount']).execute();
}

describe('checkout recovery after a killed process', () => {
  for (const step of CHECKOUT_STEPS) {
    it(`crash right after ${step}: recovery leaves an order with its payment, and a retry returns that one order`, async () => {
      const { path, cartId, reservationId } = await prepared(step);
      const child = runChild(path, cartId, step);
      expect(child.signal).toBe('SIGKILL');

      const store = await openStore(`sqlite:${path}`);
      try {
        const clock = new ManualClock(START + LEASE_MS + 1);
        const shop = await buildShop(store, clock);
        const report = await shop.cart.recoverCheckouts();
        expect(report).toMatchObject({ resumed: 1, completed: 1, failed: 0 });

        const orders = await shop.orders.all();
        expect(orders).toHaveLength(1);
        const paid = await payments(store);
        expect(paid).toEqual([{ status: 'captured', amount: orders[0]?.order.totals.total.amount }]);
        expect((await shop.inventory.getReservation(reservationId)).status).toBe('committed');

        const retry = await shop.cart.completeCheckout(cartId, {
          tenders: [{ type: 'card', token: 'pm_card_visa' }],
          idempotencyKey: 'crash-key',
        });
        expect(retry).toMatchObject({ status: 'completed', order: { id: orders[0]?.id } });
        expect(await shop.orders.all()).toHaveLength(1);
        expect(await payments(store)).toHaveLength(1);
      } finally {
        await store.close();
      }
    });
  }

  for (const step of ['authorize', 'quote'] as const) {
    it(`crash right after ${step} with the holds lapsed since: no order, the authorization voided, the holds released`, async () => {
      const { path, cartId, reservationId } = await prepared(`${step}-lapsed`);
      expect(runChild(path, cartId, step).signal).toBe('SIGKILL');

      const store = await openStore(`sqlite:${path}`);
      try {
        const clock = new ManualClock(START + 901_000);
        const shop = await buildShop(store, clock);
        expect(await shop.cart.recoverCheckouts()).toMatchObject({ resumed: 1, completed: 0, failed: 1 });
        expect(await shop.orders.all()).toHaveLength(0);
        for (const payment of await payments(store)) expect(payment.status).toBe('voided');
        expect(['released', 'expired']).toContain(
          (await shop.inventory.getReservation(reservationId)).status,
        );
        await expect(
          shop.cart.completeCheckout(cartId, {
            tenders: [{ type: 'card', token: 'pm_card_visa' }],
            idempotencyKey: 'crash-key',
          }),
        ).rejects.toMatchObject({ code: 'hold_expired' });
      } finally {
        await store.close();
      }
    });
  }

  it('a completion that is not killed answers with its order', async () => {
    const { path, cartId } = await prepared('no-crash');
    const child = runChild(path, cartId, 'none');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toMatchObject({ status: 'completed' });
  });
});
