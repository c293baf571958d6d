import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/engines.js';
import { createCatalogService } from '../catalog/index.js';
import { ManualClock } from '../core/index.js';
import { createInventoryService } from '../inventory/index.js';
import { DEMO_LOCATION_CODES, demoProducts, seedDemo } from './index.js';

describeEachEngine('seedDemo', (harness) => {
  afterAll(() => harness.closeAll());

  it('writes the catalog, locations and stock once, and a second seed changes nothing', async () => {
    const store = await harness.open();
    const clock = new ManualClock(Date.UTC(2025, 0, 1));
    const catalog = createCatalogService({ store, clock });
    const inventory = createInventoryService({ store, clock });
    const expectedVariants = demoProducts().reduce((sum, product) => sum + product.variants.length, 0);

    const first = await seedDemo({ catalog, inventory });
    expect(first).toMatchObject({
      products: demoProducts().length,
      variants: expectedVariants,
      locations: 3,
    });
    expect(first.outcomes.created).toBe(first.products);
    expect(first.stockWrites).toBeGreaterThan(first.variants);
    expect(await catalog.count()).toEqual({ products: first.products, variants: first.variants });

    const aura = await catalog.findVariantBySku('ST-HK-AURA-M-BLK-270');
    expect(aura?.product.title['zh-TW']).toBe('Aura 中筒防水登山鞋（男款）');
    const levelsBefore = await inventory.levels([aura?.variant.id ?? '']);
    const ledgerBefore = await inventory.ledger(aura?.variant.id ?? '');

    const second = await seedDemo({ catalog, inventory });
    expect(second.outcomes).toEqual({ unchanged: first.products });
    expect(second.stockWrites).toBe(0);
    expect(await catalog.count()).toEqual({ products: first.products, variants: first.variants });
    expect(await inventory.levels([aura?.variant.id ?? ''])).toEqual(levelsBefore);
    expect(await inventory.ledger(aura?.variant.id ?? '')).toEqual(ledgerBefore);

    const locations = await inventory.listLocations();
    expect(locations.map((location) => location.code)).toEqual([
      DEMO_LOCATION_CODES.warehouse,
      DEMO_LOCATION_CODES.taipei,
      DEMO_LOCATION_CODES.taichung,
    ]);
    expect(locations.filter((location) => location.pickup).map((location) => location.name['zh-TW'])).toEqual(
      ['台北旗艦店', '台中店'],
    );
  });

  it('leaves online shoppers some variants sold out and most in stock', async () => {
    const store = await harness.open();
    const clock = new ManualClock(Date.UTC(2025, 0, 1));
    const catalog = createCatalogService({ store, clock });
    const inventory = createInventoryService({ store, clock });
    await seedDemo({ catalog, inventory });
    const variantIds: string[] = [];
    for await (const product of catalog.allProducts())
      variantIds.push(...product.variants.map((variant) => variant.id));
    const availability = await inventory.availability(variantIds, { channel: 'online' });
    const inStock = [...availability.values()].filter((entry) => entry.inStock).length;
    expect(inStock / variantIds.length).toBeGreaterThan(0.85);
    expect(inStock).toBeLessThan(variantIds.length);
  });
});
