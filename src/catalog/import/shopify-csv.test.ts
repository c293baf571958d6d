import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FeedFormatError } from './errors.js';
import { parseShopifyCsv } from './shopify-csv.js';
import type { FeedItem, FeedProduct } from './types.js';

const fixture = (name: string) => new URL(`../../../test/fixtures/feeds/${name}`, import.meta.url);

async function collect(stream: Readable, currency = 'TWD'): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  for await (const item of parseShopifyCsv(stream, { currency, locale: 'en' })) items.push(item);
  return items;
}

function products(items: readonly FeedItem[]): FeedProduct[] {
  return items.flatMap((item) => (item.kind === 'product' ? [item.product] : []));
}

function byHandle(items: readonly FeedItem[], handle: string): FeedProduct {
  const found = products(items).find((product) => product.input.handle === handle);
  if (!found) throw new Error(`no product ${handle}`);
  return found;
}

const TWD = (amount: number) => ({ amount, currency: 'TWD' });

describe('parseShopifyCsv on a current export (BOM, CRLF, multi-line bodies)', () => {
  it('reads every product with its variants, prices, stock and images', async () => {
    const items = await collect(createReadStream(fixture('shopify-tea-shop.csv')));
    expect(items.map((item) => item.kind)).toEqual(['product', 'product', 'product', 'product']);
    const oolong = byHandle(items, 'oriental-beauty-oolong');
    expect(oolong.line).toBe(2);
    expect(oolong.rows).toBe(3);
    expect(oolong.input).toMatchObject({
      status: 'active',
      title: { en: 'Oriental Beauty Oolong' },
      brand: 'Formosa Leaf',
      categoryPath: ['Food, Beverages & Tobacco', 'Beverages', 'Tea & Infusions'],
      productType: 'Oolong tea',
      tags: ['oolong', 'taiwan', 'honey notes'],
      attributes: { condition: 'new' },
      options: [{ name: 'Weight', values: ['75 g', '150 g'] }],
    });
    expect(oolong.input.description?.en).toBe(
      'Bug-bitten leaves from Hsinchu’s hills give this oolong its honey & ripe-peach sweetness.\n\n' +
        'Brew at 85°C:\n3 g per 150 ml, 50 s.',
    );
    expect(oolong.input.variants).toEqual([
      {
        sku: 'OB-075',
        barcode: '4712345000012',
        optionValues: ['75 g'],
        price: TWD(68000),
        compareAtPrice: null,
        cost: TWD(30000),
        weightGrams: 75,
        imageUrl: null,
      },
      {
        sku: 'OB-150',
        barcode: '4712345000029',
        optionValues: ['150 g'],
        price: TWD(125000),
        compareAtPrice: TWD(136000),
        cost: TWD(56000),
        weightGrams: 150,
        imageUrl: null,
      },
    ]);
    expect(oolong.stock).toEqual([{ quantity: 24 }, { quantity: 8 }]);
    expect(oolong.input.images?.map((image) => image.url.split('/').at(-1))).toEqual([
      'oriental-beauty-tin.jpg',
      'oriental-beauty-leaves.jpg',
      'oriental-beauty-cup.jpg',
    ]);
    expect(oolong.input.images?.[0]?.alt).toBe('Oriental Beauty tin, 75 g');
  });

  it('counts line numbers past quoted multi-line bodies', async () => {
    const items = await collect(createReadStream(fixture('shopify-tea-shop.csv')));
    expect(products(items).map((product) => [product.input.handle, product.line])).toEqual([
      ['oriental-beauty-oolong', 2],
      ['celadon-gaiwan', 7],
      ['yirgacheffe-light-roast', 8],
      ['cold-brew-bottle', 12],
    ]);
  });

  it('reads a Default Title product as one without options and drops a compare-at equal to the price', async () => {
    const gaiwan = byHandle(
      await collect(createReadStream(fixture('shopify-tea-shop.csv'))),
      'celadon-gaiwan',
    );
    expect(gaiwan.input.options).toEqual([]);
    expect(gaiwan.input.variants).toHaveLength(1);
    expect(gaiwan.input.variants[0]).toMatchObject({
      optionValues: [],
      price: TWD(89000),
      compareAtPrice: null,
    });
    expect(gaiwan.input.attributes).toEqual({ color: ['Green', 'White'] });
    expect(gaiwan.input.categoryPath).toEqual([
      'Home & Garden',
      'Kitchen & Dining',
      'Tableware',
      'Drinkware',
    ]);
    expect(gaiwan.input.description?.en).toBe(
      'Hand-thrown in Yingge.\n\n- Capacity: 120 ml\n- Dishwasher safe',
    );
  });

  it('reads two option axes, metafield and Google Shopping attributes, and the Status column', async () => {
    const items = await collect(createReadStream(fixture('shopify-tea-shop.csv')));
    const coffee = byHandle(items, 'yirgacheffe-light-roast');
    expect(coffee.input.status).toBe('draft');
    expect(coffee.input.options).toEqual([
      { name: 'Size', values: ['250 g', '1 kg'] },
      { name: 'Grind', values: ['Whole bean', 'Pour-over'] },
    ]);
    expect(
      coffee.input.variants.map((variant) => [variant.sku, variant.optionValues, variant.price.amount]),
    ).toEqual([
      ['YIR-250-WB', ['250 g', 'Whole bean'], 45000],
      ['YIR-250-PO', ['250 g', 'Pour-over'], 45000],
      ['YIR-1K-WB', ['1 kg', 'Whole bean'], 150000],
      ['YIR-1K-PO', ['1 kg', 'Pour-over'], 150000],
    ]);
    expect(coffee.stock.map((stock) => stock.quantity)).toEqual([40, 12, 6, 0]);
    expect(coffee.input.attributes).toEqual({
      age_group: 'adult',
      mpn: 'FB-YIR',
      roast_level: 'Light',
      google_product_category: 'Food, Beverages & Tobacco > Beverages > Coffee',
    });
    const bottle = byHandle(items, 'cold-brew-bottle');
    expect(bottle.input.status).toBe('archived');
    expect(bottle.input.variants.map((variant) => variant.imageUrl?.split('/').at(-1))).toEqual([
      'cold-brew-black.jpg',
      'cold-brew-white.jpg',
    ]);
    expect(bottle.stock).toEqual([{ quantity: 3 }, { quantity: 0 }]);
  });
});

describe('parseShopifyCsv on a legacy export', () => {
  it('reads Published as status, Inventory Qty as stock and quoted inch marks in option values', async () => {
    const items = await collect(createReadStream(fixture('shopify-legacy-kitchen.csv')), 'USD');
    expect(products(items).map((product) => product.input.handle)).toEqual([
      'cast-iron-skillet',
      'santoku-knife',
      'linen-apron',
    ]);
    const skillet = byHandle(items, 'cast-iron-skillet');
    expect(skillet.input.status).toBe('active');
    expect(skillet.input.options).toEqual([{ name: 'Size', values: ['8"', '10"', '12"'] }]);
    expect(
      skillet.input.variants.map((variant) => [variant.price, variant.compareAtPrice, variant.weightGrams]),
    ).toEqual([
      [{ amount: 2499, currency: 'USD' }, { amount: 2999, currency: 'USD' }, 1800],
      [{ amount: 3499, currency: 'USD' }, null, 2600],
      [{ amount: 4499, currency: 'USD' }, null, 3400],
    ]);
    expect(skillet.input.categoryPath).toEqual([
      'Home & Garden',
      'Kitchen & Dining',
      'Cookware & Bakeware',
      'Cookware',
      'Skillets & Frying Pans',
    ]);
    expect(skillet.stock).toEqual([{ quantity: 15 }, { quantity: 9 }, { quantity: 0 }]);
    const knife = byHandle(items, 'santoku-knife');
    expect(knife.input).toMatchObject({ status: 'draft', title: { en: 'Santoku Knife 7"' }, options: [] });
    expect(knife.input.description).toEqual({ en: 'VG-10 steel, 60 HRC' });
    expect(knife.input.variants[0]?.barcode).toBe('0012345678905');
    expect(knife.stock).toEqual([{ quantity: null }]);
    const apron = byHandle(items, 'linen-apron');
    expect(apron.input.attributes).toEqual({ gender: 'unisex' });
    expect(apron.input.options?.map((option) => option.values)).toEqual([
      ['Sage', 'Charcoal'],
      ['Regular', 'Long'],
    ]);
  });

  it('adds up per-location inventory columns and matches headers case-insensitively', async () => {
    const csv =
      ' HANDLE ,title,variant price,Inventory Available: Taipei Store,Inventory Available: Warehouse\n' +
      'kettle,Gooseneck Kettle,1980,3,4\n';
    const [item] = await collect(Readable.from([csv]));
    expect(item).toMatchObject({ kind: 'product', product: { stock: [{ quantity: 7 }] } });
  });

  it('rejects a file without a Handle column as a whole', async () => {
    await expect(collect(Readable.from(['Name,Price\nx,1\n']))).rejects.toBeInstanceOf(FeedFormatError);
  });
});

describe('parseShopifyCsv on bad rows', () => {
  it('skips each bad product with the line and code of the offending row and keeps the rest', async () => {
    const items = await collect(createReadStream(fixture('shopify-bad-rows.csv')));
    const outcome = items.map((item) =>
      item.kind === 'product'
        ? ['ok', item.product.input.handle]
        : [item.issue.code, item.issue.line, item.issue.handle],
    );
    expect(outcome).toEqual([
      ['ok', 'genmaicha'],
      ['missing_price', 4, 'hojicha'],
      ['invalid_price', 5, 'matcha-whisk'],
      ['option_count', 7, 'tea-towel'],
      // Duplicate SKUs across products are caught by the import, which sees the whole file.
      ['ok', 'genmaicha-sampler'],
      ['missing_handle', 9, undefined],
      ['ok', 'tea-scoop'],
    ]);
  });
});
