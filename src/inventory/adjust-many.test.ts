import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/engines.js';
import { AisleError, ManualClock } from '../core/index.js';
import type { Store } from '../store/index.js';
import { createInventoryService, type InventoryService, type Location } from './index.js';
import { createVariants } from './test-fixtures.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (AisleError.isInstance(error)) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describeEachEngine('inventory adjustMany', (harness) => {
  let store: Store;
  let clock: ManualClock;
  let inventory: InventoryService;
  let warehouse: Location;
  let shop: Location;

  beforeAll(async () => {
    store = await harness.open();
    clock = new ManualClock();
    inventory = createInventoryService({ store, clock });
    warehouse = await inventory.upsertLocation({ code: 'wh', name: { en: 'Warehouse' }, kind: 'warehouse' });
    shop = await inventory.upsertLocation({ code: 'shop', name: { en: 'Shop' }, kind: 'store' });
  });
  afterAll(() => harness.closeAll());

  /** Sum of ledger quantities per level, which must equal on hand. */
  async function ledgerTotals(variantIds: string[]): Promise<Map<string, number>> {
    const rows = await store.db
      .selectFrom('inventory_ledger')
      .select(['variant_id', 'location_id', sql<number>`sum(quantity)`.as('units')])
      .where('variant_id', 'in', variantIds)
      .groupBy(['variant_id', 'location_id'])
      .execute();
    return new Map(rows.map((row) => [`${row.variant_id}@${row.location_id}`, Number(row.units)]));
  }

  it('applies many adjustments in order, one ledger entry each, and tells listeners once', async () => {
    const variants = await createVariants(store, 450);
    const heard: string[][] = [];
    const unsubscribe = inventory.onChange((variantIds) => heard.push(variantIds));
    const levels = await inventory.adjustMany([
      ...variants.map((variantId, index) => ({
        variantId,
        locationId: index % 2 === 0 ? warehouse.id : shop.id,
        kind: 'count' as const,
        quantity: index % 7,
        actor: 'seed',
        safetyStock: index % 3,
      })),
      { variantId: variants[0]!, locationId: warehouse.id, kind: 'receive', quantity: 5, actor: 'po' },
      { variantId: variants[0]!, locationId: warehouse.id, kind: 'damage', quantity: 2, actor: 'staff' },
    ]);
    unsubscribe();

    expect(levels).toHaveLength(450);
    expect(heard).toHaveLength(1);
    expect(new Set(heard[0])).toEqual(new Set(variants));
    expect(levels.find((level) => level.variantId === variants[0])).toMatchObject({
      onHand: 3,
      safetyStock: 0,
      available: 3,
    });
    expect(levels.find((level) => level.variantId === variants[5])).toMatchObject({
      locationId: shop.id,
      onHand: 5,
      safetyStock: 2,
      available: 3,
    });
    const ledger = await inventory.ledger(variants[0]!);
    expect(ledger.map((entry) => [entry.kind, entry.quantity, entry.onHandAfter])).toEqual([
      ['count', 0, 0],
      ['receive', 5, 5],
      ['damage', -2, 3],
    ]);
    const totals = await ledgerTotals(variants);
    for (const level of levels) {
      expect(totals.get(`${level.variantId}@${level.locationId}`) ?? 0).toBe(level.onHand);
    }
  });

  it('gives back lapsed holds before refusing a removal, like adjust', async () => {
    const [id] = await createVariants(store, 1);
    await inventory.adjust({
      variantId: id!,
      locationId: warehouse.id,
      kind: 'receive',
      quantity: 5,
      actor: 't',
    });
    await inventory.reserve({
      referenceType: 'cart',
      referenceId: 'lapsing',
      lines: [{ variantId: id!, quantity: 4 }],
      ttlSeconds: 60,
    });
    clock.advance(61_000);
    const [level] = await inventory.adjustMany([
      { variantId: id!, locationId: warehouse.id, kind: 'count', quantity: 1, actor: 'stocktake' },
    ]);
    expect(level).toMatchObject({ onHand: 1, reserved: 0 });
    expect((await ledgerTotals([id!])).get(`${id}@${warehouse.id}`)).toBe(1);
  });

  it('writes all or nothing: one refused adjustment leaves every level as it was', async () => {
    const [held, other] = await createVariants(store, 2);
    await inventory.adjust({
      variantId: held!,
      locationId: warehouse.id,
      kind: 'receive',
      quantity: 5,
      actor: 't',
    });
    await inventory.reserve({
      referenceType: 'cart',
      referenceId: 'kept',
      lines: [{ variantId: held!, quantity: 4 }],
      ttlSeconds: 600,
    });
    const batch = [
      { variantId: other!, locationId: shop.id, kind: 'receive' as const, quantity: 9, actor: 't' },
      { variantId: held!, locationId: warehouse.id, kind: 'damage' as const, quantity: 2, actor: 't' },
    ];
    expect(await codeOf(inventory.adjustMany(batch))).toBe('would_break_reservations');
    expect(
      await codeOf(
        inventory.adjustMany([
          batch[0]!,
          { variantId: 'var_missing', locationId: shop.id, kind: 'receive', quantity: 1, actor: 't' },
        ]),
      ),
    ).toBe('not_found');
    expect(await inventory.levels([other!])).toEqual([]);
    expect(await inventory.levels([held!])).toMatchObject([{ onHand: 5, reserved: 4 }]);
    expect(await inventory.ledger(other!)).toEqual([]);
  });

  it('writes inside the caller transaction, safety stock too, and leaves nothing when it rolls back', async () => {
    const [id] = await createVariants(store, 1);
    await inventory.adjust({ variantId: id!, locationId: shop.id, kind: 'receive', quantity: 4, actor: 't' });
    const heard: string[][] = [];
    const unsubscribe = inventory.onChange((variantIds) => heard.push(variantIds));
    await expect(
      store.transaction(async (trx) => {
        await inventory.adjustMany(
          [{ variantId: id!, locationId: warehouse.id, kind: 'receive', quantity: 3, actor: 'import' }],
          trx,
        );
        await inventory.setSafetyStock(id!, shop.id, 2, trx);
        throw new Error('import failed');
      }),
    ).rejects.toThrow('import failed');
    unsubscribe();
    expect(heard).toEqual([]);
    expect(await inventory.levels([id!])).toMatchObject([{ locationId: shop.id, onHand: 4, safetyStock: 0 }]);
    expect(await inventory.ledger(id!, warehouse.id)).toEqual([]);
  });

  it('refuses a safety stock that is not a whole number before writing anything', async () => {
    const [id] = await createVariants(store, 1);
    const write = inventory.adjustMany([
      { variantId: id!, locationId: shop.id, kind: 'receive', quantity: 1, actor: 't', safetyStock: -1 },
    ]);
    expect(await codeOf(write)).toBe('invalid_input');
    expect(await inventory.levels([id!])).toEqual([]);
  });
});
