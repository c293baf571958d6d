/**
 * Usage counters and the limits they enforce. Every check is one conditional UPDATE on the row
 * that holds both the counter and its limit, so the database serializes concurrent checkouts:
 * no count is read into JavaScript and written back.
 */
import { sql } from 'kysely';
import type { Clock } from '../core/index.js';
import type { PromotionDocument, UsageCounters, UsageDelta } from '../rules/index.js';
import type { Executor } from '../store/index.js';
import { PromotionLimitError } from './errors.js';

type Limits = NonNullable<PromotionDocument['limits']>;

/** Creates the counters of a new promotion, or moves an existing one's limits to its latest version. */
export async function writeLimits(
  executor: Executor,
  promotionId: string,
  limits: Limits | undefined,
  now: number,
) {
  const values = {
    max_uses: limits?.totalUses ?? null,
    max_customer_uses: limits?.perCustomerUses ?? null,
    budget: limits?.budget ?? null,
    updated_at: now,
  };
  await executor
    .insertInto('promotion_usage')
    .values({ promotion_id: promotionId, uses: 0, spent: 0, ...values })
    .onConflict((oc) => oc.column('promotion_id').doUpdateSet(values))
    .execute();
}

export async function readUsage(
  executor: Executor,
  promotionIds: readonly string[],
  customerId: string | null,
): Promise<Record<string, UsageCounters>> {
  if (promotionIds.length === 0) return {};
  const ids = [...new Set(promotionIds)];
  const totals = await executor
    .selectFrom('promotion_usage')
    .select(['promotion_id', 'uses', 'spent'])
    .where('promotion_id', 'in', ids)
    .execute();
  const byCustomer = new Map<string, number>();
  if (customerId !== null) {
    const rows = await executor
      .selectFrom('promotion_customer_usage')
      .select(['promotion_id', 'uses'])
      .where('customer_id', '=', customerId)
      .where('promotion_id', 'in', ids)
      .execute();
    for (const row of rows) byCustomer.set(row.promotion_id, row.uses);
  }
  const usage: Record<string, UsageCounters> = {};
  for (const row of totals) {
    usage[row.promotion_id] = {
      uses: row.uses,
      spent: row.spent,
      customerUses: byCustomer.get(row.promotion_id) ?? 0,
    };
  }
  return usage;
}

async function takeTotal(executor: Executor, delta: UsageDelta, now: number): Promise<number | null> {
  const taken = await executor
    .updateTable('promotion_usage')
    .set({
      uses: sql<number>`uses + 1`,
      spent: sql<number>`spent + ${delta.spent}`,
      updated_at: now,
    })
    .where('promotion_id', '=', delta.promotionId)
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
    .where((eb) => eb.or([eb('budget', 'is', null), eb(sql`spent + ${delta.spent}`, '<=', eb.ref('budget'))]))
    .returning('max_customer_uses')
    .executeTakeFirst();
  if (taken !== undefined) return taken.max_customer_uses;
  const row = await executor
    .selectFrom('promotion_usage')
    .select(['uses', 'max_uses'])
    .where('promotion_id', '=', delta.promotionId)
    .executeTakeFirst();
  // A promotion the store does not hold has no limits to keep: only known ones are counted.
  if (row === undefined) return null;
  throw new PromotionLimitError(
    delta.promotionId,
    row.max_uses !== null && row.uses >= row.max_uses ? 'uses' : 'budget',
  );
}

async function takeCustomerUse(
  executor: Executor,
  promotionId: string,
  customerId: string,
  limit: number | null,
): Promise<void> {
  await executor
    .insertInto('promotion_customer_usage')
    .values({ promotion_id: promotionId, customer_id: customerId, uses: 0 })
    .onConflict((oc) => oc.columns(['promotion_id', 'customer_id']).doNothing())
    .execute();
  const result = await executor
    .updateTable('promotion_customer_usage')
    .set({ uses: sql<number>`uses + 1` })
    .where('promotion_id', '=', promotionId)
    .where('customer_id', '=', customerId)
    .$if(limit !== null, (query) => query.where('uses', '<', limit!))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new PromotionLimitError(promotionId, 'customer_uses');
}

/**
 * Records an order's use of each promotion, all or nothing within `executor`'s transaction.
 * An order that already recorded a promotion is not counted again, so a retried checkout step
 * is harmless.
 */
export async function recordUsage(
  executor: Executor,
  deltas: readonly UsageDelta[],
  ref: { orderId: string; customerId: string | null },
  clock: Clock,
): Promise<void> {
  const now = clock.now();
  // One lock order for every transaction, so two orders using the same promotions cannot deadlock.
  const ordered = [...deltas].sort((a, b) =>
    a.promotionId < b.promotionId ? -1 : a.promotionId > b.promotionId ? 1 : 0,
  );
  for (const delta of ordered) {
    const customerId = ref.customerId ?? delta.customerId;
    const known = await executor
      .selectFrom('promotions')
      .select('id')
      .where('id', '=', delta.promotionId)
      .executeTakeFirst();
    if (known === undefined) continue;
    const recorded = await executor
      .insertInto('promotion_redemptions')
      .values({
        order_id: ref.orderId,
        promotion_id: delta.promotionId,
        version: delta.version,
        customer_id: customerId,
        spent: delta.spent,
        created_at: now,
        reverted_at: null,
      })
      .onConflict((oc) => oc.columns(['order_id', 'promotion_id']).doNothing())
      .executeTakeFirst();
    if (Number(recorded.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    const customerLimit = await takeTotal(executor, delta, now);
    if (customerId !== null) await takeCustomerUse(executor, delta.promotionId, customerId, customerLimit);
  }
}

/** Gives back what the order took, once: a second call finds nothing left to revert. */
export async function revertUsage(executor: Executor, orderId: string, clock: Clock): Promise<void> {
  const now = clock.now();
  const reverted = await executor
    .updateTable('promotion_redemptions')
    .set({ reverted_at: now })
    .where('order_id', '=', orderId)
    .where('reverted_at', 'is', null)
    .returning(['promotion_id', 'customer_id', 'spent'])
    .execute();
  reverted.sort((a, b) => (a.promotion_id < b.promotion_id ? -1 : a.promotion_id > b.promotion_id ? 1 : 0));
  for (const row of reverted) {
    await executor
      .updateTable('promotion_usage')
      .set({ uses: sql<number>`uses - 1`, spent: sql<number>`spent - ${row.spent}`, updated_at: now })
      .where('promotion_id', '=', row.promotion_id)
      .execute();
    if (row.customer_id !== null) {
      await executor
        .updateTable('promotion_customer_usage')
        .set({ uses: sql<number>`uses - 1` })
        .where('promotion_id', '=', row.promotion_id)
        .where('customer_id', '=', row.customer_id)
        .execute();
    }
  }
}
