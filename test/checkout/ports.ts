/**
 * Small stand-ins for the ports checkout needs from modules written elsewhere: an order sink and
 * a promotion source, each keeping its rows in a table of the test database so they share the
 * checkout's transactions and survive a killed process.
 */
import { sql } from 'kysely';
import type { OrderSink, PromotionSource } from '../../src/cart/index.js';
import { ConflictError, newId } from '../../src/core/index.js';
import type { NewOrder } from '../../src/orders/types.js';
import type { RuleSet } from '../../src/rules/index.js';
import type { Executor, Store } from '../../src/store/index.js';

type TestTables = {
  test_orders: { id: string; number: string; checkout_id: string | null; body: string };
  test_promotion_usage: { order_id: string; promotion_id: string; customer_id: string | null; spent: number };
};

const tables = (executor: Executor) => executor.withTables<TestTables>();

export async function installTestTables(store: Store): Promise<void> {
  await sql`create table if not exists test_orders (id text primary key, number text not null, checkout_id text unique, body text not null)`.execute(
    store.db,
  );
  await sql`create table if not exists test_promotion_usage (order_id text not null, promotion_id text not null, customer_id text, spent bigint not null)`.execute(
    store.db,
  );
}

export function testOrderSink(
  store: Store,
): OrderSink & { all(): Promise<{ id: string; checkoutId: string | null; order: NewOrder }[]> } {
  return {
    async create(input, executor = store.db) {
      const id = newId('ord');
      const number = `A${id.slice(-6).toUpperCase()}`;
      await tables(executor)
        .insertInto('test_orders')
        .values({ id, number, checkout_id: input.checkoutId, body: JSON.stringify(input) })
        .execute();
      return { id, number };
    },
    async findByCheckout(checkoutId) {
      const row = await tables(store.db)
        .selectFrom('test_orders')
        .select(['id', 'number'])
        .where('checkout_id', '=', checkoutId)
        .executeTakeFirst();
      return row ?? null;
    },
    async all() {
      const rows = await tables(store.db).selectFrom('test_orders').selectAll().execute();
      return rows.map((row) => ({
        id: row.id,
        checkoutId: row.checkout_id,
        order: JSON.parse(row.body) as NewOrder,
      }));
    },
  };
}

export function testPromotionSource(
  store: Store,
  ruleSet: RuleSet,
): PromotionSource & { replace(next: RuleSet): void } {
  let current = ruleSet;
  return {
    replace(next) {
      current = next;
    },
    async current() {
      return { ruleSet: current, policies: current.policies };
    },
    async usage(promotionIds, customerId) {
      const counters: Record<string, { uses: number; spent: number; customerUses: number }> = {};
      const rows = await tables(store.db).selectFrom('test_promotion_usage').selectAll().execute();
      for (const id of promotionIds) {
        const mine = rows.filter((row) => row.promotion_id === id);
        counters[id] = {
          uses: mine.length,
          spent: mine.reduce((sum, row) => sum + Number(row.spent), 0),
          customerUses: mine.filter((row) => customerId !== null && row.customer_id === customerId).length,
        };
      }
      return counters;
    },
    async recordUsage(executor, delta, ref) {
      for (const entry of delta) {
        const promotion = current.promotions.find((p) => p.id === entry.promotionId);
        const rows = await tables(executor)
          .selectFrom('test_promotion_usage')
          .selectAll()
          .where('promotion_id', '=', entry.promotionId)
          .execute();
        const totalUses = promotion?.limits.totalUses;
        if (totalUses !== undefined && rows.length + 1 > totalUses) {
          throw new ConflictError('usage_limit_reached', `${entry.promotionId} is fully redeemed`);
        }
        await tables(executor)
          .insertInto('test_promotion_usage')
          .values({
            order_id: ref.orderId,
            promotion_id: entry.promotionId,
            customer_id: ref.customerId,
            spent: entry.spent,
          })
          .execute();
      }
    },
    async revertUsage(executor, orderId) {
      await tables(executor).deleteFrom('test_promotion_usage').where('order_id', '=', orderId).execute();
    },
  };
}
