import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PriceFact, ProductFact, PromotionFact, StockFact } from '../facts/index.js';
import { type Card, createToolbox, type ProductCardItem, type Toolbox, ToolError } from './index.js';
import { createToolFixture, INJECTION, sessionContext, type ToolFixture } from './test-fixtures.js';

describe('catalog tools', () => {
  let fixture: ToolFixture;
  let toolbox: Toolbox;

  beforeAll(async () => {
    fixture = await createToolFixture();
    toolbox = createToolbox(fixture.services);
  }, 60_000);
  afterAll(() => fixture.services.close());

  it('search_products returns compact hits with a product and price fact for each', async () => {
    const result = await toolbox.runTool(
      'search_products',
      { query: 'rain jacket', limit: 3 },
      sessionContext(),
    );
    const output = result.output as { products: { productId: string; from: string }[] };
    expect(output.products.length).toBeGreaterThan(0);
    expect(output.products.length).toBeLessThanOrEqual(3);
    for (const hit of output.products) {
      const product = result.facts.find(
        (f): f is ProductFact => f.kind === 'product' && f.productId === hit.productId,
      );
      expect(product).toBeDefined();
      const prices = result.facts.filter(
        (f): f is PriceFact => f.kind === 'price' && f.productId === hit.productId,
      );
      expect(prices.length).toBe(product?.variants.length);
    }
    expect(JSON.stringify(result.output).length).toBeLessThan(1500);
  });

  it('search_products reads a price limit in the currency as people say it', async () => {
    const result = await toolbox.runTool(
      'search_products',
      { query: 'socks', priceMax: 500, limit: 10 },
      sessionContext(),
    );
    const ids = (result.output as { products: { productId: string }[] }).products.map((p) => p.productId);
    expect(ids.length).toBeGreaterThan(0);
    for (const product of await fixture.services.catalog.getProducts(ids)) {
      expect(Math.min(...product.variants.map((v) => v.price.amount))).toBeLessThanOrEqual(50_000);
    }
    const everything = await toolbox.runTool(
      'search_products',
      { query: 'socks', limit: 10 },
      sessionContext(),
    );
    expect((everything.output as { total: number }).total).toBeGreaterThanOrEqual(
      (result.output as { total: number }).total,
    );
  });

  it('refuses arguments that do not fit the schema with invalid_input', async () => {
    const attempt = toolbox.runTool('search_products', { query: 'tent', limit: 500 }, sessionContext());
    await expect(attempt).rejects.toSatisfy(
      (error: unknown) => ToolError.isInstance(error) && error.code === 'invalid_input',
    );
    await expect(
      toolbox.runTool('product_details', { productId: 7 }, sessionContext()),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(toolbox.runTool('drop_tables', {}, sessionContext())).rejects.toMatchObject({
      code: 'unknown_tool',
    });
  });

  it('product_details quotes an instruction in the description as data and grants nothing from it', async () => {
    const result = await toolbox.runTool(
      'product_details',
      { productId: fixture.injectedProductId },
      sessionContext(),
    );
    const output = result.output as Record<string, unknown>;
    expect(output.quotedDescription).toBe(INJECTION);
    const { quotedDescription: _quoted, ...rest } = output;
    expect(JSON.stringify(rest)).not.toContain('FREE100');
    expect(result.facts.some((f) => f.kind === 'promotion')).toBe(false);
    const price = result.facts.find((f): f is PriceFact => f.kind === 'price');
    expect(price?.price).toEqual({ amount: 45_000, currency: 'TWD' });
  });

  it('product_details of an unknown product is product_not_found', async () => {
    await expect(
      toolbox.runTool('product_details', { productId: 'prod_missing' }, sessionContext()),
    ).rejects.toMatchObject({ code: 'product_not_found' });
  });

  it('check_availability reports stock per location as the inventory has it', async () => {
    const product = await fixture.services.catalog.findProductByHandle('hollowpine-moonlight-camp-chair');
    if (product === null) throw new Error('demo chair missing');
    const result = await toolbox.runTool(
      'check_availability',
      { productId: product.id, options: ['black'] },
      sessionContext(),
    );
    const stock = result.facts.filter((f): f is StockFact => f.kind === 'stock');
    const black = product.variants.filter((v) => v.optionValues.includes('Black'));
    expect(stock.map((s) => s.variantId).sort()).toEqual(black.map((v) => v.id).sort());
    const truth = await fixture.services.inventory.availability(black.map((v) => v.id));
    for (const fact of stock) {
      expect(fact.available).toBe(truth.get(fact.variantId)?.available);
      expect(fact.locations.some((l) => l.pickup)).toBe(true);
    }
  });

  it('check_availability names the options when none match', async () => {
    const product = await fixture.services.catalog.findProductByHandle('hollowpine-moonlight-camp-chair');
    await expect(
      toolbox.runTool('check_availability', { productId: product?.id, options: ['Plaid'] }, sessionContext()),
    ).rejects.toMatchObject({ code: 'variant_not_found' });
  });

  it('recommend suggests other in-stock products of the same category', async () => {
    const seed = await fixture.services.catalog.findProductByHandle('nordkamm-aiguille-3l-shell-women');
    if (seed === null) throw new Error('demo shell missing');
    const result = await toolbox.runTool('recommend', { productId: seed.id, limit: 3 }, sessionContext());
    const picks = (result.output as { products: { productId: string }[] }).products;
    expect(picks.length).toBeGreaterThan(0);
    expect(picks.map((p) => p.productId)).not.toContain(seed.id);
    const products = await fixture.services.catalog.getProducts(picks.map((p) => p.productId));
    for (const product of products) expect(product.categoryPath.at(-1)).toBe(seed.categoryPath.at(-1));
    const stock = await fixture.services.inventory.availability(
      products.flatMap((p) => p.variants.map((v) => v.id)),
    );
    for (const product of products) {
      expect(product.variants.some((v) => (stock.get(v.id)?.available ?? 0) > 0)).toBe(true);
    }
    expect(result.facts.filter((f) => f.kind === 'product')).toHaveLength(picks.length);
  });

  it('recommend needs a product or a query', async () => {
    await expect(toolbox.runTool('recommend', {}, sessionContext())).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('product cards and search facets', () => {
  let fixture: ToolFixture;
  let toolbox: Toolbox;

  beforeAll(async () => {
    fixture = await createToolFixture();
    toolbox = createToolbox(fixture.services);
  }, 60_000);
  afterAll(() => fixture.services.close());

  function cardItems(result: { cards?: readonly Card[] }): ProductCardItem[] {
    return (result.cards ?? []).flatMap((card) => (card.type === 'products' ? [...card.items] : []));
  }

  it('cards carry stock summed over locations, pickup places with stock, and variants with availability', async () => {
    const result = await toolbox.runTool(
      'search_products',
      { query: 'hiking shoes', limit: 3 },
      sessionContext(),
    );
    const items = cardItems(result);
    expect(items.length).toBeGreaterThan(0);
    const locations = await fixture.services.inventory.listLocations();
    for (const item of items) {
      const truth = await fixture.services.inventory.availability(item.variants.map((v) => v.variantId));
      const total = item.variants.reduce((sum, v) => sum + (truth.get(v.variantId)?.available ?? 0), 0);
      expect(item.stock.available).toBe(total);
      for (const variant of item.variants)
        expect(variant.available).toBe(truth.get(variant.variantId)?.available ?? 0);
      const pickup = locations
        .filter(
          (l) =>
            l.pickup &&
            [...truth.values()].some((a) =>
              a.locations.some((s) => s.locationId === l.id && s.available > 0),
            ),
        )
        .map((l) => l.name.en);
      expect([...item.stock.pickupToday].sort()).toEqual(pickup.sort());
      const stockFacts = result.facts.filter(
        (f): f is StockFact => f.kind === 'stock' && f.productId === item.productId,
      );
      expect(stockFacts.map((f) => f.variantId).sort()).toEqual(item.variants.map((v) => v.variantId).sort());
    }
  });

  it('prices a card from the variants the search matched', async () => {
    const result = await toolbox.runTool(
      'search_products',
      { query: 'hiking shoes', options: { Color: ['Grey'] }, limit: 5 },
      sessionContext(),
    );
    for (const item of cardItems(result)) {
      const grey = item.variants.filter((v) => v.options.Color === 'Grey').map((v) => v.price.amount);
      expect(item.price.amount).toBe(Math.min(...grey));
    }
  });

  it('badges a product with the automatic promotions the rules engine grants it, with their facts', async () => {
    const result = await toolbox.runTool(
      'search_products',
      { query: '', tags: ['clearance'], limit: 5 },
      sessionContext(),
    );
    const items = cardItems(result);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.badges).toContain('Clearance sale');
    const offered = result.facts.filter((f): f is PromotionFact => f.kind === 'promotion');
    expect(offered.map((f) => f.name)).toContain('Clearance sale');
    expect(offered.every((f) => f.status === 'offered' && f.codes.length === 0)).toBe(true);
    const plain = await toolbox.runTool(
      'search_products',
      { query: 'rain jacket', limit: 3 },
      sessionContext(),
    );
    for (const item of cardItems(plain)) expect(item.badges).not.toContain('Clearance sale');
  });

  it('counts the matches per option, brand and type of the matching products when asked', async () => {
    const result = await toolbox.runTool(
      'search_products',
      { query: '', productType: 'Hiking shoes', inStock: true, facets: true, limit: 3 },
      sessionContext(),
    );
    const output = result.output as {
      total: number;
      facets: { field: string; name: string; values: { value: string; count: number }[] }[];
    };
    const color = output.facets.find((f) => f.field === 'option' && f.name === 'Color');
    expect(color?.values.length).toBeGreaterThan(1);
    for (const facet of output.facets) {
      for (const value of facet.values) expect(value.count).toBeLessThanOrEqual(output.total);
    }
    const without = await toolbox.runTool('search_products', { query: 'tent', limit: 3 }, sessionContext());
    expect(without.output).not.toHaveProperty('facets');
  });
});
