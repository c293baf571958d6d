import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/engines.js';
import { ManualClock, ValidationError } from '../../core/index.js';
import { createInventoryService, type InventoryService } from '../../inventory/index.js';
import type { Store } from '../../store/index.js';
import { type CatalogService, createCatalogService } from '../index.js';
import { type ImportFeedOptions, type ImportProgress, importFeed } from './index.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/feeds/${name}`, import.meta.url));

describeEachEngine('importFeed', (harness) => {
  afterAll(() => harness.closeAll());

  async function services(): Promise<{ store: Store; catalog: CatalogService; inventory: InventoryService }> {
    const store = await harness.open();
    const clock = new ManualClock();
    return {
      store,
      catalog: createCatalogService({ store, clock }),
      inventory: createInventoryService({ store, clock }),
    };
  }

  async function onHandBySku(catalog: CatalogService, inventory: InventoryService, skus: readonly string[]) {
    const location = await inventory.defaultLocation();
    const out: Record<string, number> = {};
    for (const sku of skus) {
      const found = await catalog.findVariantBySku(sku);
      if (found === null) throw new Error(`no variant ${sku}`);
      const levels = await inventory.levels([found.variant.id]);
      // A variant without a level holds nothing, as the inventory reads it.
      out[sku] = levels.find((level) => level.locationId === location.id)?.onHand ?? 0;
    }
    return out;
  }

  const base = (
    deps: { catalog: CatalogService; inventory: InventoryService },
    rest: Partial<ImportFeedOptions> & Pick<ImportFeedOptions, 'format' | 'input'>,
  ): ImportFeedOptions => ({ ...deps, currency: 'TWD', actor: 'test', ...rest });

  it('imports a Shopify export with stock at the default location, and a second run changes nothing', async () => {
    const deps = await services();
    const progress: ImportProgress[] = [];
    const first = await importFeed(
      base(deps, {
        format: 'shopify',
        input: fixture('shopify-tea-shop.csv'),
        onProgress: (p) => progress.push(p),
      }),
    );
    expect(first).toMatchObject({
      created: 4,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      errorCount: 0,
      rows: 10,
      products: 4,
      variants: 9,
    });
    const size = readFileSync(fixture('shopify-tea-shop.csv')).length;
    expect(progress.at(-1)).toEqual({ rows: 10, bytes: size, totalBytes: size });

    const oolong = await deps.catalog.findProductByHandle('oriental-beauty-oolong');
    expect(
      oolong?.variants.map((variant) => [variant.sku, variant.price.amount, variant.compareAtPrice?.amount]),
    ).toEqual([
      ['OB-075', 68000, undefined],
      ['OB-150', 125000, 136000],
    ]);
    expect(
      await onHandBySku(deps.catalog, deps.inventory, ['OB-075', 'OB-150', 'YIR-1K-PO', 'CBB-1L-WHT']),
    ).toEqual({
      'OB-075': 24,
      'OB-150': 8,
      'YIR-1K-PO': 0,
      'CBB-1L-WHT': 0,
    });

    const second = await importFeed(
      base(deps, { format: 'shopify', input: fixture('shopify-tea-shop.csv') }),
    );
    expect(second).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 4,
      skipped: 0,
      products: 4,
      variants: 9,
    });
    expect(await deps.catalog.count()).toEqual({ products: 4, variants: 9 });
  });

  it('updates only what changed when the merchant re-exports with a new price and stock', async () => {
    const deps = await services();
    await importFeed(base(deps, { format: 'shopify', input: fixture('shopify-tea-shop.csv') }));
    const edited = readFileSync(fixture('shopify-tea-shop.csv'), 'utf8')
      .replace(',OB-150,150,shopify,8,', ',OB-150,150,shopify,5,')
      .replace('1250.00', '1200.00');
    const summary = await importFeed(base(deps, { format: 'shopify', input: Buffer.from(edited) }));
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    const found = await deps.catalog.findVariantBySku('OB-150');
    expect(found?.variant.price.amount).toBe(120000);
    expect(await onHandBySku(deps.catalog, deps.inventory, ['OB-150'])).toEqual({ 'OB-150': 5 });
  });

  it('writes the ledger only for counts that change, and announces those variants once committed', async () => {
    const deps = await services();
    await importFeed(base(deps, { format: 'shopify', input: fixture('shopify-tea-shop.csv') }));
    const oolong = await deps.catalog.findProductByHandle('oriental-beauty-oolong');
    const [small, large] = oolong?.variants ?? [];
    const ledgerSizes = async () => [
      (await deps.inventory.ledger(small!.id)).length,
      (await deps.inventory.ledger(large!.id)).length,
    ];
    expect(await ledgerSizes()).toEqual([1, 1]);
    const zeroCount = await deps.catalog.findVariantBySku('YIR-1K-PO');
    expect(await deps.inventory.ledger(zeroCount!.variant.id)).toEqual([]);

    const announced: string[][] = [];
    deps.inventory.onChange((variantIds) => announced.push(variantIds));
    await importFeed(base(deps, { format: 'shopify', input: fixture('shopify-tea-shop.csv') }));
    expect(await ledgerSizes()).toEqual([1, 1]);
    expect(announced).toEqual([]);

    const edited = readFileSync(fixture('shopify-tea-shop.csv'), 'utf8').replace(
      ',OB-150,150,shopify,8,',
      ',OB-150,150,shopify,0,',
    );
    await importFeed(base(deps, { format: 'shopify', input: Buffer.from(edited) }));
    expect(await ledgerSizes()).toEqual([1, 2]);
    expect(announced).toEqual([[large!.id]]);
    const entries = await deps.inventory.ledger(large!.id);
    expect(entries.at(-1)).toMatchObject({ kind: 'count', quantity: -8, onHandAfter: 0 });
  });

  it('reports bad rows with their lines and imports the rest', async () => {
    const deps = await services();
    const summary = await importFeed(
      base(deps, { format: 'shopify', input: fixture('shopify-bad-rows.csv') }),
    );
    expect(summary.errors.map((issue) => [issue.line, issue.code, issue.handle])).toEqual([
      [4, 'missing_price', 'hojicha'],
      [5, 'invalid_price', 'matcha-whisk'],
      [7, 'option_count', 'tea-towel'],
      [8, 'duplicate_sku', 'genmaicha-sampler'],
      [9, 'missing_handle', undefined],
    ]);
    expect(summary).toMatchObject({ created: 2, skipped: 5, errorCount: 5, rejected: false, rows: 9 });
    expect((await deps.catalog.listProducts()).items.map((product) => product.handle).sort()).toEqual([
      'genmaicha',
      'tea-scoop',
    ]);
  });

  it('in strict mode stops at the first bad row and writes nothing, even from a stream', async () => {
    const deps = await services();
    const summary = await importFeed(
      base(deps, {
        format: 'shopify',
        input: Readable.from([readFileSync(fixture('shopify-bad-rows.csv'))]),
        strict: true,
      }),
    );
    expect(summary).toMatchObject({ rejected: true, created: 0, products: 0, errorCount: 1 });
    expect(summary.errors).toEqual([expect.objectContaining({ line: 4, code: 'missing_price' })]);
    expect(await deps.catalog.count()).toEqual({ products: 0, variants: 0 });

    const clean = await importFeed(
      base(deps, {
        format: 'shopify',
        input: Readable.from([readFileSync(fixture('shopify-tea-shop.csv'))]),
        strict: true,
      }),
    );
    expect(clean).toMatchObject({ rejected: false, created: 4 });
  });

  it('in strict mode refuses a SKU another catalog product holds before writing anything', async () => {
    const deps = await services();
    await deps.catalog.upsertProducts([
      {
        handle: 'existing-mug',
        title: { en: 'Mug' },
        variants: [{ sku: 'TAKEN', optionValues: [], price: { amount: 100, currency: 'TWD' } }],
      },
    ]);
    const csv =
      'Handle,Title,Variant SKU,Variant Price\ngreen-tea,Green Tea,GT-1,100\nblack-tea,Black Tea,TAKEN,120\n';
    const summary = await importFeed(
      base(deps, { format: 'shopify', input: Buffer.from(csv), strict: true }),
    );
    expect(summary).toMatchObject({ rejected: true, created: 0 });
    expect(summary.errors).toEqual([
      expect.objectContaining({ line: 3, handle: 'black-tea', code: 'sku_taken' }),
    ]);
    expect(await deps.catalog.findProductByHandle('green-tea')).toBeNull();
  });

  it('isolates the product the database refuses when its batch fails', async () => {
    const deps = await services();
    await deps.catalog.upsertProducts([
      {
        handle: 'existing-mug',
        title: { en: 'Mug' },
        variants: [{ sku: 'TAKEN', optionValues: [], price: { amount: 100, currency: 'TWD' } }],
      },
    ]);
    const csv =
      'Handle,Title,Variant SKU,Variant Price\n' +
      'green-tea,Green Tea,GT-1,100\n' +
      'black-tea,Black Tea,TAKEN,120\n' +
      'white-tea,White Tea,WT-1,300\n';
    const summary = await importFeed(
      base(deps, { format: 'shopify', input: Buffer.from(csv), batchSize: 10 }),
    );
    expect(summary).toMatchObject({ created: 2, skipped: 1 });
    expect(summary.errors).toEqual([
      expect.objectContaining({ line: 3, handle: 'black-tea', code: 'sku_taken' }),
    ]);
  });

  it('never writes a product without its stock: a refused count rolls the product back', async () => {
    const deps = await services();
    const refusing = {
      defaultLocation: () => deps.inventory.defaultLocation(),
      announceChange: (variantIds: readonly string[]) => deps.inventory.announceChange(variantIds),
      levels: deps.inventory.levels,
      adjustMany: async (
        inputs: Parameters<InventoryService['adjustMany']>[0],
        executor?: Parameters<InventoryService['adjustMany']>[1],
      ) => {
        if (inputs.some((input) => input.quantity === 999))
          throw new ValidationError('refused for the test', undefined, 'count_refused');
        return deps.inventory.adjustMany(inputs, executor);
      },
    };
    const csv =
      'Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\nkettle,Kettle,K-1,900,999\ncup,Cup,C-1,200,4\n';
    const summary = await importFeed({
      ...base(deps, { format: 'shopify', input: Buffer.from(csv) }),
      inventory: refusing,
    });
    expect(summary.errors).toEqual([
      expect.objectContaining({ line: 2, handle: 'kettle', code: 'count_refused' }),
    ]);
    expect(await deps.catalog.findProductByHandle('kettle')).toBeNull();
    expect(await onHandBySku(deps.catalog, deps.inventory, ['C-1'])).toEqual({ 'C-1': 4 });
  });

  it('notes a handle that comes back later in the file and treats it as an update', async () => {
    const deps = await services();
    const csv =
      'Handle,Title,Variant SKU,Variant Price\n' +
      'oolong,Oolong,OO-1,100\n' +
      'sencha,Sencha,SE-1,200\n' +
      'oolong,Oolong,OO-1,110\n';
    const summary = await importFeed(
      base(deps, { format: 'shopify', input: Buffer.from(csv), batchSize: 1 }),
    );
    expect(summary).toMatchObject({ created: 2, updated: 1, errorCount: 0 });
    expect(summary.warnings).toEqual([
      expect.objectContaining({ line: 4, handle: 'oolong', code: 'handle_repeated' }),
    ]);
    expect((await deps.catalog.findVariantBySku('OO-1'))?.variant.price.amount).toBe(11000);
  });

  it('imports Merchant Center XML and TSV feeds with grouped variants and stock', async () => {
    const deps = await services();
    const xml = await importFeed(
      base(deps, { format: 'gmc', input: fixture('gmc-tea-shop.xml'), currency: 'USD' }),
    );
    expect(xml).toMatchObject({ created: 3, rows: 5, products: 3, variants: 5, errorCount: 0 });
    const tsv = await importFeed(base(deps, { format: 'gmc', input: fixture('gmc-coffee-gear.tsv') }));
    expect(tsv).toMatchObject({ created: 2, rows: 3, variants: 3, errorCount: 0 });
    expect(
      await onHandBySku(deps.catalog, deps.inventory, ['JP-50', 'JP-100', 'TOTE-NAT', 'KET-BLK', 'KET-STL']),
    ).toEqual({
      'JP-50': 30,
      'JP-100': 0,
      'TOTE-NAT': 12,
      'KET-BLK': 7,
      'KET-STL': 0,
    });
    const again = await importFeed(
      base(deps, { format: 'gmc', input: fixture('gmc-tea-shop.xml'), currency: 'USD' }),
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('reports where a file breaks as an issue rather than failing the call', async () => {
    const deps = await services();
    const csv = 'Handle,Title,Variant SKU,Variant Price\nsencha,Sencha,SE-1,200\nmatcha,"Matcha,MA-1,300\n';
    const summary = await importFeed(base(deps, { format: 'shopify', input: Buffer.from(csv) }));
    expect(summary).toMatchObject({ rejected: false, errorCount: 1 });
    expect(summary.errors[0]).toMatchObject({ code: 'invalid_feed', line: 3 });
  });

  it('refuses a file that is not the format it claims', async () => {
    const deps = await services();
    await expect(
      importFeed(base(deps, { format: 'shopify', input: fixture('gmc-coffee-gear.tsv') })),
    ).rejects.toMatchObject({
      code: 'invalid_feed',
    });
  });
});
