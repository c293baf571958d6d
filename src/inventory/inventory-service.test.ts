import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/engines.js';
import { AisleError, ManualClock } from '../core/index.js';
import type { Store } from '../store/index.js';
import {
  createInventoryService,
  InsufficientStockError,
  type InventoryService,
  type Location,
} from './index.js';
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

describeEachEngine('inventory', (harness) => {
  let store: Store;
  let clock: ManualClock;
  let inventory: InventoryService;
  let warehouse: Location;
  let shop: Location;

  beforeAll(async () => {
    store = await harness.open({ poolSize: 10 });
    clock = new ManualClock();
    inventory = createInventoryService({ store, clock });
    warehouse = await inventory.upsertLocation({
      code: 'wh',
      name: { en: 'Warehouse' },
      kind: 'warehouse',
      priority: 10,
    });
    shop = await inventory.upsertLocation({
      code: 'shop',
      name: { en: 'Main St', 'zh-TW': '本店' },
      kind: 'store',
      priority: 20,
      address: '1 Main St',
    });
  });
  afterAll(() => harness.closeAll());

  async function stocked(units: Partial<Record<'wh' | 'shop', number>>, variants = 1): Promise<string[]> {
    const ids = await createVariants(store, variants);
    for (const id of ids) {
      for (const [code, quantity] of Object.entries(units)) {
        const location = code === 'wh' ? warehouse : shop;
        await inventory.adjust({
          variantId: id,
          locationId: location.id,
          kind: 'receive',
          quantity,
          actor: 'test',
        });
      }
    }
    return ids;
  }

  async function available(variantId: string, channel?: string): Promise<number> {
    const result = await inventory.availability([variantId], channel === undefined ? {} : { channel });
    return result.get(variantId)?.available ?? -1;
  }

  describe('locations', () => {
    it('updates the location with the same code and keeps fields the update leaves out', async () => {
      const updated = await inventory.upsertLocation({
        code: 'shop',
        name: { en: 'Main Street' },
        kind: 'store',
      });
      expect(updated).toMatchObject({
        id: shop.id,
        name: { en: 'Main Street' },
        priority: 20,
        address: '1 Main St',
        channels: ['online', 'pos'],
        pickup: true,
        active: true,
      });
      expect(warehouse).toMatchObject({ channels: ['online'], pickup: false });
    });

    it('lists locations lowest priority number first and names the first active one the default', async () => {
      expect((await inventory.listLocations()).map((location) => location.code)).toEqual(['wh', 'shop']);
      expect((await inventory.defaultLocation()).id).toBe(warehouse.id);
    });

    it('creates a default warehouse in an empty store', async () => {
      const empty = createInventoryService({ store: await harness.open(), clock });
      const created = await empty.defaultLocation();
      expect(created).toMatchObject({ code: 'default', kind: 'warehouse', active: true });
      expect((await empty.defaultLocation()).id).toBe(created.id);
    });

    it('refuses a location without a name', async () => {
      expect(await codeOf(inventory.upsertLocation({ code: 'x', name: {}, kind: 'store' }))).toBe(
        'invalid_input',
      );
    });
  });

  describe('adjustments', () => {
    it('creates the level on first receive and records each change in the ledger', async () => {
      const [variant] = await createVariants(store, 1);
      const id = variant!;
      await inventory.adjust({
        variantId: id,
        locationId: warehouse.id,
        kind: 'receive',
        quantity: 10,
        actor: 'po-1',
      });
      await inventory.adjust({
        variantId: id,
        locationId: warehouse.id,
        kind: 'damage',
        quantity: 2,
        actor: 'staff',
        reason: 'crushed',
      });
      await inventory.adjust({
        variantId: id,
        locationId: warehouse.id,
        kind: 'count',
        quantity: 5,
        actor: 'staff',
      });
      const level = await inventory.adjust({
        variantId: id,
        locationId: warehouse.id,
        kind: 'correction',
        quantity: -1,
        actor: 'staff',
      });
      expect(level).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
      const ledger = await inventory.ledger(id);
      expect(ledger.map((entry) => [entry.kind, entry.quantity, entry.onHandAfter])).toEqual([
        ['receive', 10, 10],
        ['damage', -2, 8],
        ['count', -3, 5],
        ['correction', -1, 4],
      ]);
      expect(ledger[1]).toMatchObject({ reason: 'crushed', actor: 'staff' });
    });

    it('refuses damage that would leave fewer units than are reserved', async () => {
      const [id] = await stocked({ wh: 5 });
      await inventory.reserve({
        referenceType: 'cart',
        referenceId: 'c1',
        lines: [{ variantId: id!, quantity: 4 }],
        ttlSeconds: 600,
      });
      const damage = inventory.adjust({
        variantId: id!,
        locationId: warehouse.id,
        kind: 'damage',
        quantity: 2,
        actor: 'staff',
      });
      expect(await codeOf(damage)).toBe('would_break_reservations');
      expect((await inventory.levels([id!]))[0]).toMatchObject({ onHand: 5, reserved: 4 });
    });

    it('refuses unknown ids and quantities that are not positive integers', async () => {
      const [id] = await createVariants(store, 1);
      const base = { variantId: id!, locationId: warehouse.id, kind: 'receive' as const, actor: 'test' };
      expect(await codeOf(inventory.adjust({ ...base, variantId: 'var_missing', quantity: 1 }))).toBe(
        'not_found',
      );
      expect(await codeOf(inventory.adjust({ ...base, locationId: 'loc_missing', quantity: 1 }))).toBe(
        'not_found',
      );
      expect(await codeOf(inventory.adjust({ ...base, quantity: 0 }))).toBe('invalid_input');
      expect(await codeOf(inventory.adjust({ ...base, quantity: 1.5 }))).toBe('invalid_input');
      expect(await codeOf(inventory.adjust({ ...base, kind: 'count', quantity: -1 }))).toBe('invalid_input');
      expect(await inventory.levels([id!])).toEqual([]);
    });

    it('writes inside the caller transaction and leaves nothing when it rolls back', async () => {
      const [id] = await createVariants(store, 1);
      await expect(
        store.transaction(async (trx) => {
          await inventory.adjust(
            { variantId: id!, locationId: warehouse.id, kind: 'receive', quantity: 3, actor: 'import' },
            trx,
          );
          throw new Error('import failed');
        }),
      ).rejects.toThrow('import failed');
      expect(await inventory.levels([id!])).toEqual([]);
      expect(await inventory.ledger(id!)).toEqual([]);
    });
  });

  describe('availability', () => {
    it('sums the active locations serving the channel, less reservations and safety stock', async () => {
      const [id] = await stocked({ wh: 4, shop: 6 });
      await inventory.setSafetyStock(id!, shop.id, 2);
      expect(await available(id!, 'online')).toBe(8);
      expect(await available(id!, 'pos')).toBe(4);
      const result = (await inventory.availability([id!], { channel: 'online' })).get(id!);
      expect(result?.locations).toEqual([
        { locationId: warehouse.id, locationCode: 'wh', available: 4, pickup: false },
        { locationId: shop.id, locationCode: 'shop', available: 4, pickup: true },
      ]);
    });

    it('flags low stock between zero and the threshold, and out of stock at zero', async () => {
      const [low, out] = await stocked({ wh: 3 }, 2);
      await inventory.adjust({
        variantId: out!,
        locationId: warehouse.id,
        kind: 'damage',
        quantity: 3,
        actor: 'test',
      });
      const result = await inventory.availability([low!, out!, 'var_unknown'], { locationId: warehouse.id });
      expect(result.get(low!)).toMatchObject({ available: 3, lowStock: true, inStock: true });
      expect(result.get(out!)).toMatchObject({ available: 0, lowStock: false, inStock: false });
      expect(result.get('var_unknown')).toMatchObject({ available: 0, inStock: false });
    });

    it('leaves out inactive locations', async () => {
      const closed = await inventory.upsertLocation({
        code: 'closed',
        name: { en: 'Closed' },
        kind: 'store',
        active: false,
      });
      const [id] = await createVariants(store, 1);
      await inventory.adjust({
        variantId: id!,
        locationId: closed.id,
        kind: 'receive',
        quantity: 9,
        actor: 'test',
      });
      expect(await available(id!)).toBe(0);
      const reserve = inventory.reserve({
        referenceType: 'cart',
        referenceId: 'c',
        lines: [{ variantId: id!, quantity: 1, locationId: closed.id }],
        ttlSeconds: 60,
      });
      expect(await codeOf(reserve)).toBe('location_unavailable');
    });
  });

  describe('reservations', () => {
    it('holds all lines or none, naming the short ones', async () => {
      const [a, b] = await stocked({ wh: 3 }, 2);
      const error = await inventory
        .reserve({
          referenceType: 'cart',
          referenceId: 'c1',
          lines: [
            { variantId: a!, quantity: 2 },
            { variantId: b!, quantity: 2 },
            { variantId: b!, quantity: 2 },
          ],
          ttlSeconds: 600,
        })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InsufficientStockError);
      expect((error as InsufficientStockError).status).toBe(409);
      expect((error as InsufficientStockError).details).toEqual({
        lines: [{ variantId: b!, requested: 4, available: 3 }],
      });
      expect((await inventory.levels([a!, b!])).map((level) => level.reserved)).toEqual([0, 0]);
    });

    it('fills from the first location that can take the whole line, else splits by priority', async () => {
      const [whole, split] = await stocked({ wh: 2, shop: 5 }, 2);
      const one = await inventory.reserve({
        referenceType: 'cart',
        referenceId: 'c',
        lines: [{ variantId: whole!, quantity: 4 }],
        ttlSeconds: 60,
      });
      expect(one.lines).toEqual([{ variantId: whole!, locationId: shop.id, quantity: 4 }]);
      const two = await inventory.reserve({
        referenceType: 'cart',
        referenceId: 'c',
        lines: [{ variantId: split!, quantity: 6 }],
        ttlSeconds: 60,
      });
      expect(two.lines.map((line) => [line.locationId, line.quantity]).sort()).toEqual(
        [
          [warehouse.id, 2],
          [shop.id, 4],
        ].sort(),
      );
    });

    it('reserves only from locations serving the channel', async () => {
      const [id] = await stocked({ wh: 5, shop: 5 });
      const held = await inventory.reserve({
        referenceType: 'cart',
        referenceId: 'pos',
        lines: [{ variantId: id!, quantity: 5 }],
        ttlSeconds: 60,
        channel: 'pos',
      });
      expect(held.lines).toEqual([{ variantId: id!, locationId: shop.id, quantity: 5 }]);
      expect(
        await codeOf(
          inventory.reserve({
            referenceType: 'cart',
            referenceId: 'pos',
            lines: [{ variantId: id!, quantity: 1 }],
            ttlSeconds: 60,
            channel: 'pos',
          }),
        ),
      ).toBe('insufficient_stock');
    });

    it('stops counting an expired hold at once, without the sweeper', async () => {
      const [id] = await stocked({ wh: 5 });
      const first = await inventory.reserve({
        referenceType: 'cart',
        referenceId: 'a',
        lines: [{ variantId: id!, quantity: 5 }],
        ttlSeconds: 60,
      });
      expect(await available(id!)).toBe(0);
      clock.advance(60_000);
      expect(await available(id!)).toBe(5);
      expect((await inventory.getReservation(first.id)).status).toBe('expired');
      const second = await inventory.reserve({
        referenceType: 'cart',
        referenceId: 'b',
        lines: [{ variantId: id!, quantity: 5 }],
        ttlSeconds: 60,
      });
      expect(second.status).toBe('active');
      expect(await codeOf(inventory.commit(first.id))).toBe('reservation_expired');
      expect((await inventory.levels([id!]))[0]).toMatchObject({ onHand: 5, reserved: 5 });
    });

    it('extends a hold once only', async () => {
      const [id] = await stocked({ wh: 1 });
      const held = await inventory.reserve({
        referenceType: 'checkout',
        referenceId: 'k',
        lines: [{ variantId: id!, quantity: 1 }],
        ttlSeconds: 60,
      });
      const extended = await inventory.extend(held.id, 120);
      expect(extended).toMatchObject({ extended: true, expiresAt: held.expiresAt + 120_000 });
      expect(await codeOf(inventory.extend(held.id, 120))).toBe('already_extended');
      clock.advance(90_000);
      expect(await available(id!)).toBe(0);
      expect((await inventory.commit(held.id)).status).toBe('committed');
    });

    it('releases a hold and answers a repeated release with the same result', async () => {
      const [id] = await stocked({ wh: 2 });
      const held = await inventory.reserve({
        referenceType: 'cart',
        referenceId: 'r',
        lines: [{ variantId: id!, quantity: 2 }],
        ttlSeconds: 60,
      });
      expect((await inventory.release(held.id)).status).toBe('released');
      expect((await inventory.release(held.id)).status).toBe('released');
      expect(await available(id!)).toBe(2);
      expect(await codeOf(inventory.commit(held.id))).toBe('reservation_released');
    });

    it('commits by taking units off on hand, writing sale entries and telling listeners', async () => {
      const [id] = await stocked({ wh: 3, shop: 3 });
      const heard: string[][] = [];
      const stop = inventory.onChange((variantIds) => heard.push(variantIds));
      const held = await inventory.reserve({
        referenceType: 'order',
        referenceId: 'o1',
        lines: [{ variantId: id!, quantity: 4 }],
        ttlSeconds: 60,
      });
      const committed = await inventory.commit(held.id);
      stop();
      expect(committed.status).toBe('committed');
      expect((await inventory.commit(held.id)).status).toBe('committed');
      const levels = await inventory.levels([id!]);
      expect(levels.reduce((sum, level) => sum + level.onHand, 0)).toBe(2);
      expect(levels.every((level) => level.reserved === 0)).toBe(true);
      const sales = (await inventory.ledger(id!)).filter((entry) => entry.kind === 'sale');
      expect(sales.reduce((sum, entry) => sum + entry.quantity, 0)).toBe(-4);
      expect(sales[0]).toMatchObject({ referenceType: 'order', referenceId: 'o1' });
      expect(heard).toEqual([[id!], [id!]]);
      expect(await codeOf(inventory.release(held.id))).toBe('reservation_committed');
    });

    it('sweeps lapsed holds: marks them expired and returns their units to the level row', async () => {
      const [id] = await stocked({ wh: 4 });
      await inventory.reserve({
        referenceType: 'cart',
        referenceId: 's',
        lines: [{ variantId: id!, quantity: 3 }],
        ttlSeconds: 30,
      });
      clock.advance(31_000);
      await inventory.sweepExpired();
      const row = await store.db
        .selectFrom('stock_levels')
        .select('reserved')
        .where('variant_id', '=', id!)
        .executeTakeFirstOrThrow();
      expect(row.reserved).toBe(0);
      expect(await inventory.sweepExpired()).toBe(0);
    });

    it('refuses bad reservation input', async () => {
      const [id] = await stocked({ wh: 1 });
      const base = { referenceType: 'cart', referenceId: 'v', ttlSeconds: 60 };
      expect(await codeOf(inventory.reserve({ ...base, lines: [] }))).toBe('invalid_input');
      expect(await codeOf(inventory.reserve({ ...base, lines: [{ variantId: id!, quantity: 0 }] }))).toBe(
        'invalid_input',
      );
      expect(
        await codeOf(inventory.reserve({ ...base, lines: [{ variantId: 'var_missing', quantity: 1 }] })),
      ).toBe('not_found');
      expect(
        await codeOf(
          inventory.reserve({ ...base, lines: [{ variantId: id!, quantity: 1, locationId: 'loc_missing' }] }),
        ),
      ).toBe('not_found');
      expect(await codeOf(inventory.getReservation('res_missing'))).toBe('not_found');
    });

    it('holds all lines or none when concurrent reservations of two lines run short on one', async () => {
      // Holds are written in id order: the scarce line comes second, after the other is held.
      const [plenty, scarce] = (await stocked({ wh: 40 }, 2)).sort();
      await inventory.adjust({
        variantId: scarce!,
        locationId: warehouse.id,
        kind: 'damage',
        quantity: 37,
        actor: 'test',
      });
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, index) =>
          inventory.reserve({
            referenceType: 'cart',
            referenceId: `pair-${index}`,
            lines: [
              { variantId: plenty!, quantity: 2 },
              { variantId: scarce!, quantity: 1 },
            ],
            ttlSeconds: 60,
          }),
        ),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
      const levels = await inventory.levels([plenty!, scarce!]);
      expect(levels.find((level) => level.variantId === plenty)).toMatchObject({ onHand: 40, reserved: 6 });
      expect(levels.find((level) => level.variantId === scarce)).toMatchObject({ onHand: 3, reserved: 3 });
    });

    it('lets exactly 5 of 50 concurrent reservations take the last 5 units', async () => {
      const [id] = await stocked({ wh: 5 });
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, index) =>
          inventory.reserve({
            referenceType: 'cart',
            referenceId: `race-${index}`,
            lines: [{ variantId: id!, quantity: 1 }],
            ttlSeconds: 60,
          }),
        ),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(5);
      const failures = results.filter((result) => result.status === 'rejected');
      expect(failures.every((failure) => failure.reason instanceof InsufficientStockError)).toBe(true);
      expect((await inventory.levels([id!]))[0]).toMatchObject({ onHand: 5, reserved: 5, available: 0 });
    });
  });
});
