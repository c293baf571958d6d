import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/engines.js';
import { AisleError, ManualClock } from '../core/index.js';
import type { Store, Tx } from '../store/index.js';
import { type CatalogChange, createCatalogService, type ProductInput, type VariantInput } from './index.js';

function twd(amount: number) {
  return { amount, currency: 'TWD' };
}

function shoe(handle: string, variants?: VariantInput[], extra: Partial<ProductInput> = {}): ProductInput {
  return {
    handle,
    title: { en: `Trail shoe ${handle}`, 'zh-TW': '越野跑鞋' },
    description: { en: 'Grippy and light.' },
    brand: 'Ridge',
    categoryPath: ['Footwear', 'Trail running'],
    tags: ['trail', 'running'],
    attributes: { waterproof: 'yes', material: ['mesh', 'rubber'] },
    options: [{ name: 'Size', values: ['26', '27'] }],
    images: [{ url: `https://img.example/${handle}.jpg`, alt: 'side view' }],
    variants: variants ?? [
      { sku: `${handle}-26`, optionValues: ['26'], price: twd(329_000) },
      { sku: `${handle}-27`, optionValues: ['27'], price: twd(329_000), compareAtPrice: twd(359_000) },
    ],
    ...extra,
  };
}

async function expectAisleError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(AisleError.isInstance(error), `expected ${code}, got ${String(error)}`).toBe(true);
  expect((error as AisleError).code).toBe(code);
  return error as AisleError;
}

/** Waits until some session is blocked by the transaction `trx` holds open. */
async function waitForWriterBlockedBy(trx: Tx, store: Store): Promise<void> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  const holder = rows[0]?.pid;
  for (let attempt = 0; attempt < 500; attempt++) {
    const blocked = await sql<{ waiting: number }>`
      select count(*)::int as waiting from pg_stat_activity where ${holder}::int = any(pg_blocking_pids(pid))`.execute(
      store.db,
    );
    if ((blocked.rows[0]?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the second writer never waited for the first');
}

describeEachEngine('catalog service', (harness) => {
  afterAll(() => harness.closeAll());

  async function setup(): Promise<{
    store: Store;
    clock: ManualClock;
    catalog: ReturnType<typeof createCatalogService>;
  }> {
    const store = await harness.open();
    const clock = new ManualClock();
    return { store, clock, catalog: createCatalogService({ store, clock }) };
  }

  describe('creating', () => {
    it('stores a new product with its variants and finds it by id, handle, SKU and variant id', async () => {
      const { catalog, clock } = await setup();
      const [result] = await catalog.upsertProducts([shoe('ridge-1')]);
      expect(result?.outcome).toBe('created');
      const product = result!.product;
      expect(product.id).toMatch(/^prod_/);
      expect(product.status).toBe('active');
      expect(product.createdAt).toBe(clock.now());
      expect(product.variants.map((v) => [v.sku, v.optionValues, v.position])).toEqual([
        ['ridge-1-26', ['26'], 0],
        ['ridge-1-27', ['27'], 1],
      ]);
      expect(await catalog.getProduct(product.id)).toEqual(product);
      expect(await catalog.findProductByHandle('ridge-1')).toEqual(product);
      const bySku = await catalog.findVariantBySku('ridge-1-27');
      expect(bySku?.variant.compareAtPrice).toEqual(twd(359_000));
      expect(bySku?.product.id).toBe(product.id);
      const variantId = product.variants[1]!.id;
      expect((await catalog.findVariants([variantId, 'var_missing'])).get(variantId)?.variant.sku).toBe(
        'ridge-1-27',
      );
      expect(await catalog.count()).toEqual({ products: 1, variants: 2 });
    });

    it('stores the normal form: trimmed text, canonical locales, one spelling per option value', async () => {
      const { catalog } = await setup();
      const [result] = await catalog.upsertProducts([
        shoe(
          '  messy ',
          [
            { sku: ' m-1 ', optionValues: [' black '], price: twd(100) },
            { sku: 'm-2', optionValues: ['White'], price: twd(100) },
          ],
          {
            title: { EN: ' Messy shoe ', 'zh-tw': '鞋' },
            options: [{ name: ' Colour ', values: ['Black'] }],
          },
        ),
      ]);
      const product = result!.product;
      expect(product.handle).toBe('messy');
      expect(product.title).toEqual({ en: 'Messy shoe', 'zh-TW': '鞋' });
      expect(product.options).toEqual([{ name: 'Colour', values: ['Black', 'White'] }]);
      expect(product.variants.map((v) => [v.sku, v.optionValues])).toEqual([
        ['m-1', ['Black']],
        ['m-2', ['White']],
      ]);
      expect(await catalog.getProduct(product.id)).toEqual(product);
    });
  });

  describe('updating', () => {
    it('keeps the id of a variant matched by SKU even when its options and price change', async () => {
      const { catalog, clock } = await setup();
      const [first] = await catalog.upsertProducts([shoe('ridge-2')]);
      const before = first!.product;
      clock.advance(60_000);
      const [second] = await catalog.upsertProducts([
        shoe('ridge-2', [
          { sku: 'ridge-2-27', optionValues: ['27.5'], price: twd(299_000) },
          { sku: 'ridge-2-26', optionValues: ['26'], price: twd(329_000) },
        ]),
      ]);
      expect(second?.outcome).toBe('updated');
      const after = second!.product;
      expect(after.id).toBe(before.id);
      expect(after.createdAt).toBe(before.createdAt);
      expect(after.updatedAt).toBe(clock.now());
      const id27 = before.variants.find((v) => v.sku === 'ridge-2-27')!.id;
      expect(after.variants[0]).toMatchObject({
        id: id27,
        optionValues: ['27.5'],
        price: twd(299_000),
        position: 0,
      });
      expect(await catalog.getProduct(before.id)).toEqual(after);
    });

    it('keeps the id of a variant without SKU matched by its option values', async () => {
      const { catalog } = await setup();
      const variants = (price: number): VariantInput[] => [
        { optionValues: ['26'], price: twd(price) },
        { optionValues: ['27'], price: twd(price) },
      ];
      const [first] = await catalog.upsertProducts([shoe('no-sku', variants(100))]);
      const [second] = await catalog.upsertProducts([shoe('no-sku', variants(120))]);
      expect(second?.outcome).toBe('updated');
      expect(second!.product.variants.map((v) => v.id)).toEqual(first!.product.variants.map((v) => v.id));
      expect(second!.product.variants.map((v) => v.price.amount)).toEqual([120, 120]);
    });

    it('reports unchanged for the same content, writes nothing and keeps updatedAt', async () => {
      const { catalog, clock } = await setup();
      const changes: CatalogChange[] = [];
      catalog.onChange((change) => changes.push(change));
      const [first] = await catalog.upsertProducts([shoe('same')]);
      clock.advance(3_600_000);
      const [again] = await catalog.upsertProducts([
        shoe('same', undefined, {
          title: { en: ' Trail shoe same ', 'zh-TW': '越野跑鞋' },
          tags: ['trail', 'Trail', 'running'],
        }),
      ]);
      expect(again?.outcome).toBe('unchanged');
      expect(again?.product).toEqual(first?.product);
      expect((await catalog.getProduct(first!.product.id)).updatedAt).toBe(first!.product.updatedAt);
      expect(changes).toEqual([{ type: 'product-upserted', productId: first!.product.id }]);
    });

    it('keeps a status set by the merchant when the input does not say one', async () => {
      const { catalog } = await setup();
      const [created] = await catalog.upsertProducts([shoe('archived-one')]);
      await catalog.setStatus(created!.product.id, 'archived');
      const [again] = await catalog.upsertProducts([shoe('archived-one')]);
      expect(again?.outcome).toBe('unchanged');
      expect(again?.product.status).toBe('archived');
      const [reactivated] = await catalog.upsertProducts([
        shoe('archived-one', undefined, { status: 'active' }),
      ]);
      expect(reactivated?.outcome).toBe('updated');
      expect(reactivated?.product.status).toBe('active');
    });

    it('removes variants missing from the input', async () => {
      const { catalog } = await setup();
      const [first] = await catalog.upsertProducts([shoe('shrink')]);
      const gone = first!.product.variants[1]!;
      const [second] = await catalog.upsertProducts([
        shoe('shrink', [{ sku: 'shrink-26', optionValues: ['26'], price: twd(329_000) }]),
      ]);
      expect(second?.outcome).toBe('updated');
      expect(second!.product.variants.map((v) => v.sku)).toEqual(['shrink-26']);
      expect(await catalog.findVariantBySku('shrink-27')).toBeNull();
      expect((await catalog.findVariants([gone.id])).size).toBe(0);
      expect(await catalog.count()).toEqual({ products: 1, variants: 1 });
    });

    it('lets a SKU move to another variant of the same product', async () => {
      const { catalog } = await setup();
      await catalog.upsertProducts([shoe('swap')]);
      const [moved] = await catalog.upsertProducts([
        shoe('swap', [
          { sku: 'swap-27', optionValues: ['26'], price: twd(1) },
          { sku: 'swap-26', optionValues: ['27'], price: twd(2) },
        ]),
      ]);
      expect(moved!.product.variants.map((v) => [v.sku, v.optionValues])).toEqual([
        ['swap-27', ['26']],
        ['swap-26', ['27']],
      ]);
    });
  });

  describe('conflicts and rollback', () => {
    it('refuses a SKU owned by another product and writes nothing of the batch', async () => {
      const { catalog } = await setup();
      await catalog.upsertProducts([shoe('owner')]);
      const error = await expectAisleError(
        catalog.upsertProducts([
          shoe('innocent'),
          shoe('thief', [{ sku: 'owner-26', optionValues: ['26'], price: twd(1) }]),
        ]),
        'sku_taken',
      );
      expect(error.status).toBe(409);
      expect(error.details).toMatchObject({ sku: 'owner-26', handle: 'owner' });
      expect(await catalog.findProductByHandle('innocent')).toBeNull();
      expect(await catalog.count()).toEqual({ products: 1, variants: 2 });
    });

    it('moves a SKU to another product when the batch also takes it off its old product, in any order', async () => {
      const { catalog } = await setup();
      const [split] = await catalog.upsertProducts([shoe('split')]);
      const moved = shoe('split-wide', [{ sku: 'split-27', optionValues: ['27W'], price: twd(339_000) }]);
      const shrunk = shoe('split', [{ sku: 'split-26', optionValues: ['26'], price: twd(329_000) }]);
      const [wide, kept] = await catalog.upsertProducts([moved, shrunk]);
      expect(wide?.outcome).toBe('created');
      expect(kept?.outcome).toBe('updated');
      expect(kept?.product.id).toBe(split?.product.id);
      expect(kept?.product.variants.map((variant) => variant.sku)).toEqual(['split-26']);
      expect((await catalog.findVariantBySku('split-27'))?.product.handle).toBe('split-wide');
      expect(await catalog.count()).toEqual({ products: 2, variants: 2 });
    });

    it('refuses the same SKU on two new products of one batch', async () => {
      const { catalog } = await setup();
      await expectAisleError(
        catalog.upsertProducts([
          shoe('first', [{ sku: 'shared', optionValues: ['26'], price: twd(1) }]),
          shoe('second', [{ sku: 'shared', optionValues: ['26'], price: twd(1) }]),
        ]),
        'sku_taken',
      );
      expect(await catalog.count()).toEqual({ products: 0, variants: 0 });
    });

    it('rolls everything back when afterEach throws, and announces nothing', async () => {
      const { catalog } = await setup();
      const changes: CatalogChange[] = [];
      catalog.onChange((change) => changes.push(change));
      await catalog.upsertProducts([shoe('kept')]);
      changes.length = 0;
      const seen: string[] = [];
      await expect(
        catalog.upsertProducts(
          [shoe('kept', [{ sku: 'kept-26', optionValues: ['26'], price: twd(1) }]), shoe('new-one')],
          {
            afterEach: async (trx, result) => {
              const row = await trx
                .selectFrom('products')
                .select('handle')
                .where('id', '=', result.product.id)
                .executeTakeFirst();
              seen.push(`${row?.handle}:${result.outcome}`);
              if (result.product.handle === 'new-one') throw new Error('stock feed broken');
            },
          },
        ),
      ).rejects.toThrow('stock feed broken');
      expect(seen).toEqual(['kept:updated', 'new-one:created']);
      expect(changes).toEqual([]);
      expect(await catalog.findProductByHandle('new-one')).toBeNull();
      expect((await catalog.findProductByHandle('kept'))?.variants).toHaveLength(2);
    });

    it('changes nothing when one input of the batch is invalid', async () => {
      const { catalog } = await setup();
      const error = await expectAisleError(
        catalog.upsertProducts([shoe('fine'), shoe('bad', [{ sku: 'x', optionValues: [], price: twd(-5) }])]),
        'invalid_product',
      );
      expect(error.status).toBe(400);
      expect(error.details).toMatchObject({ handle: 'bad' });
      expect(await catalog.count()).toEqual({ products: 0, variants: 0 });
    });

    // Only PostgreSQL runs two writers at once; SQLite has one connection and serializes them.
    it.runIf(harness.engine === 'postgres')(
      'settles a concurrent creation of the same handle into one product',
      async () => {
        const { store, catalog } = await setup();
        let second: Promise<unknown> | undefined;
        const [first] = await catalog.upsertProducts([shoe('race')], {
          afterEach: async (trx) => {
            // The second writer starts while the first has not committed, then waits on its row.
            second = catalog.upsertProducts([shoe('race')]);
            await waitForWriterBlockedBy(trx, store);
          },
        });
        const [late] = (await second) as Awaited<ReturnType<typeof catalog.upsertProducts>>;
        expect(first?.outcome).toBe('created');
        expect(late?.outcome).toBe('unchanged');
        expect(late?.product.id).toBe(first?.product.id);
        expect(await catalog.count()).toEqual({ products: 1, variants: 2 });
      },
    );
  });

  describe('reading', () => {
    it('throws NotFoundError for an unknown id and skips unknown ids in a list, keeping the order', async () => {
      const { catalog } = await setup();
      const results = await catalog.upsertProducts([shoe('a'), shoe('b'), shoe('c')]);
      const [a, b, c] = results.map((result) => result.product.id);
      const error = await expectAisleError(catalog.getProduct('prod_nope'), 'not_found');
      expect(error.status).toBe(404);
      const listed = await catalog.getProducts([c!, 'prod_nope', a!, b!]);
      expect(listed.map((product) => product.handle)).toEqual(['c', 'a', 'b']);
    });

    it('pages through every product exactly once, for any page size', async () => {
      const { catalog } = await setup();
      const inputs = Array.from({ length: 23 }, (_, i) =>
        shoe(`p-${i}`, undefined, { status: i % 3 === 0 ? 'draft' : 'active' }),
      );
      const all = (await catalog.upsertProducts(inputs)).map((result) => result.product);
      const allIds = all.map((product) => product.id).sort();
      const draftIds = all
        .filter((product) => product.status === 'draft')
        .map((product) => product.id)
        .sort();
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 30 }), fc.boolean(), async (limit, draftsOnly) => {
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const page: Awaited<ReturnType<typeof catalog.listProducts>> = await catalog.listProducts({
              limit,
              cursor,
              ...(draftsOnly ? { status: 'draft' as const } : {}),
            });
            expect(page.items.length).toBeLessThanOrEqual(limit);
            expect(page.items.every((product) => product.variants.length === 2)).toBe(true);
            seen.push(...page.items.map((product) => product.id));
            cursor = page.nextCursor;
          } while (cursor !== null);
          expect(seen).toEqual(draftsOnly ? draftIds : allIds);
        }),
        { numRuns: 15 },
      );
      const streamed: string[] = [];
      for await (const product of catalog.allProducts(4)) streamed.push(product.id);
      expect(streamed).toEqual(allIds);
    });

    it('reads and writes batches larger than one database round trip holds', async () => {
      const { catalog } = await setup();
      const inputs = Array.from({ length: 600 }, (_, i) => shoe(`bulk-${i}`));
      const created = await catalog.upsertProducts(inputs);
      expect(await catalog.count()).toEqual({ products: 600, variants: 1200 });
      const again = await catalog.upsertProducts(inputs);
      expect(again.every((result) => result.outcome === 'unchanged')).toBe(true);
      const ids = created.map((result) => result.product.id).reverse();
      const asked = ids.flatMap((id) => [id, `${id}_missing`]);
      expect((await catalog.getProducts(asked)).map((product) => product.id)).toEqual(ids);
      const variantIds = created.flatMap((result) => result.product.variants.map((variant) => variant.id));
      const found = await catalog.findVariants(variantIds);
      expect(found.size).toBe(1200);
      expect(found.get(variantIds[777]!)?.variant.sku).toBe('bulk-388-27');
      expect(found.get(variantIds[777]!)?.product.handle).toBe('bulk-388');
    });

    it('rejects a page size out of range, an unknown status and a cursor it did not issue', async () => {
      const { catalog } = await setup();
      await expectAisleError(catalog.listProducts({ limit: 0 }), 'invalid_limit');
      await expectAisleError(catalog.listProducts({ limit: 201 }), 'invalid_limit');
      await expectAisleError(catalog.listProducts({ cursor: '!!' }), 'invalid_cursor');
      await expectAisleError(catalog.listProducts({ status: 'gone' as never }), 'invalid_status');
      expect(await catalog.listProducts()).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('status, removal and change events', () => {
    it('announces upserts only after commit, once per changed product, and stops after unsubscribe', async () => {
      const { catalog } = await setup();
      const changes: CatalogChange[] = [];
      const unsubscribe = catalog.onChange((change) => changes.push(change));
      const announcedDuringTransaction: number[] = [];
      const results = await catalog.upsertProducts([shoe('e1'), shoe('e2')], {
        afterEach: async () => {
          announcedDuringTransaction.push(changes.length);
        },
      });
      expect(announcedDuringTransaction).toEqual([0, 0]);
      expect(changes).toEqual(
        results.map((result) => ({ type: 'product-upserted', productId: result.product.id })),
      );
      unsubscribe();
      await catalog.upsertProducts([shoe('e3')]);
      expect(changes).toHaveLength(2);
    });

    it('keeps announcing to other listeners when one of them throws', async () => {
      const { catalog } = await setup();
      const heard: string[] = [];
      catalog.onChange(() => {
        throw new Error('listener bug');
      });
      catalog.onChange((change) => heard.push(change.type));
      await catalog.upsertProducts([shoe('loud')]);
      expect(heard).toEqual(['product-upserted']);
    });

    it('changes status with an event, and not when the status is already the same', async () => {
      const { catalog, clock } = await setup();
      const [created] = await catalog.upsertProducts([shoe('s')]);
      const changes: CatalogChange[] = [];
      catalog.onChange((change) => changes.push(change));
      clock.advance(1000);
      const archived = await catalog.setStatus(created!.product.id, 'archived');
      expect(archived).toMatchObject({ status: 'archived', updatedAt: clock.now() });
      await catalog.setStatus(created!.product.id, 'archived');
      expect(changes).toHaveLength(1);
      await expectAisleError(catalog.setStatus('prod_nope', 'draft'), 'not_found');
      await expectAisleError(catalog.setStatus(created!.product.id, 'sold-out' as never), 'invalid_status');
    });

    it('removes a product with its variants and frees its SKUs and handle', async () => {
      const { catalog } = await setup();
      const [created] = await catalog.upsertProducts([shoe('doomed')]);
      const changes: CatalogChange[] = [];
      catalog.onChange((change) => changes.push(change));
      await catalog.removeProduct(created!.product.id);
      expect(changes).toEqual([{ type: 'product-removed', productId: created!.product.id }]);
      expect(await catalog.count()).toEqual({ products: 0, variants: 0 });
      await expectAisleError(catalog.removeProduct(created!.product.id), 'not_found');
      const [again] = await catalog.upsertProducts([shoe('doomed')]);
      expect(again?.outcome).toBe('created');
      expect(again?.product.id).not.toBe(created!.product.id);
    });
  });
});
