import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/engines.js';
import { AisleError, ManualClock } from '../core/index.js';
import type { Store } from '../store/index.js';
import { createInventoryService, type InventoryService, type Location } from './index.js';
import { createVariants } from './test-fixtures.js';

// Refusals the rules allow; any other error fails the property.
const EXPECTED_REFUSALS = new Set([
  'insufficient_stock',
  'would_break_reservations',
  'negative_on_hand',
  'reservation_expired',
  'reservation_released',
  'reservation_committed',
]);

const pick = fc.nat({ max: 1 });
const operation = fc.oneof(
  fc.record({
    op: fc.constant('receive' as const),
    variant: pick,
    location: pick,
    quantity: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    op: fc.constant('damage' as const),
    variant: pick,
    location: pick,
    quantity: fc.integer({ min: 1, max: 4 }),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('reserve' as const),
      lines: fc.array(
        fc.record({
          variant: pick,
          quantity: fc.integer({ min: 1, max: 4 }),
          location: fc.option(pick, { nil: undefined }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      ttlSeconds: fc.integer({ min: 1, max: 30 }),
    }),
  },
  fc.record({ op: fc.constant('release' as const), which: fc.nat() }),
  fc.record({ op: fc.constant('commit' as const), which: fc.nat() }),
  fc.record({ op: fc.constant('expire' as const), seconds: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('sweep' as const) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

describeEachEngine('inventory invariants', (harness) => {
  let store: Store;
  let clock: ManualClock;
  let inventory: InventoryService;
  let locations: Location[];

  beforeAll(async () => {
    store = await harness.open({ poolSize: 10 });
    clock = new ManualClock();
    inventory = createInventoryService({ store, clock });
    locations = [
      await inventory.upsertLocation({
        code: 'north',
        name: { en: 'North' },
        kind: 'warehouse',
        priority: 1,
      }),
      await inventory.upsertLocation({ code: 'south', name: { en: 'South' }, kind: 'store', priority: 2 }),
    ];
  });
  afterAll(() => harness.closeAll());

  async function checkInvariants(variantIds: string[], expectedOnHand: Map<string, number>): Promise<void> {
    const rows = await store.db
      .selectFrom('stock_levels as s')
      .select(['s.variant_id', 's.location_id', 's.on_hand', 's.reserved'])
      .select((eb) => [
        eb
          .selectFrom('reservation_lines as l')
          .select(sql<number>`coalesce(sum(l.quantity), 0)`.as('units'))
          .whereRef('l.variant_id', '=', 's.variant_id')
          .whereRef('l.location_id', '=', 's.location_id')
          .where('l.counted', '=', 1)
          .as('held'),
        eb
          .selectFrom('inventory_ledger as g')
          .select(sql<number>`coalesce(sum(g.quantity), 0)`.as('units'))
          .whereRef('g.variant_id', '=', 's.variant_id')
          .whereRef('g.location_id', '=', 's.location_id')
          .as('ledger'),
      ])
      .where('s.variant_id', 'in', variantIds)
      .execute();
    for (const row of rows) {
      const level = `${row.variant_id}@${row.location_id}`;
      expect(row.on_hand, level).toBeGreaterThanOrEqual(0);
      expect(row.reserved, level).toBeGreaterThanOrEqual(0);
      expect(row.reserved, level).toBeLessThanOrEqual(row.on_hand);
      expect(Number(row.held), level).toBe(row.reserved);
      expect(Number(row.ledger), level).toBe(row.on_hand);
      expect(row.on_hand, level).toBe(expectedOnHand.get(level) ?? 0);
    }
    for (const level of await inventory.levels(variantIds)) {
      expect(level.reserved).toBeGreaterThanOrEqual(0);
      expect(level.reserved).toBeLessThanOrEqual(level.onHand);
    }
  }

  it('keeps stock non-negative, holds within on hand and the ledger equal to on hand under any interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(operation, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 10 }),
        async (batches) => {
          const variantIds = await createVariants(store, 2);
          const reservationIds: string[] = [];
          const committed = new Set<string>();
          // On hand implied by the operations that succeeded: receipts minus damage minus sales.
          const expectedOnHand = new Map<string, number>();
          const move = (variantId: string, locationId: string, delta: number) => {
            const level = `${variantId}@${locationId}`;
            expectedOnHand.set(level, (expectedOnHand.get(level) ?? 0) + delta);
          };
          const run = async (step: Operation): Promise<void> => {
            switch (step.op) {
              case 'receive':
              case 'damage': {
                const variantId = variantIds[step.variant]!;
                const locationId = locations[step.location]!.id;
                await inventory.adjust({
                  variantId,
                  locationId,
                  kind: step.op,
                  quantity: step.quantity,
                  actor: 'property',
                });
                move(variantId, locationId, step.op === 'receive' ? step.quantity : -step.quantity);
                return;
              }
              case 'reserve': {
                const held = await inventory.reserve({
                  referenceType: 'cart',
                  referenceId: 'property',
                  ttlSeconds: step.ttlSeconds,
                  lines: step.lines.map((line) => ({
                    variantId: variantIds[line.variant]!,
                    quantity: line.quantity,
                    ...(line.location === undefined ? {} : { locationId: locations[line.location]!.id }),
                  })),
                });
                reservationIds.push(held.id);
                return;
              }
              case 'release':
              case 'commit': {
                const id = reservationIds[step.which % Math.max(1, reservationIds.length)];
                if (id === undefined) return;
                if (step.op === 'release') {
                  await inventory.release(id);
                  return;
                }
                const sold = await inventory.commit(id);
                if (committed.has(id)) return;
                committed.add(id);
                for (const line of sold.lines) move(line.variantId, line.locationId, -line.quantity);
                return;
              }
              case 'expire':
                clock.advance(step.seconds * 1000);
                return;
              case 'sweep':
                await inventory.sweepExpired();
                return;
            }
          };
          for (const batch of batches) {
            const results = await Promise.allSettled(batch.map(run));
            for (const result of results) {
              if (result.status === 'rejected') {
                const error: unknown = result.reason;
                if (!AisleError.isInstance(error) || !EXPECTED_REFUSALS.has(error.code)) throw error;
              }
            }
            await checkInvariants(variantIds, expectedOnHand);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
