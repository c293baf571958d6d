import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FeedFormatError } from './errors.js';
import { parseGmcFeed } from './gmc-feed.js';
import { commonTitle } from './gmc-product.js';
import type { FeedItem, FeedProduct } from './types.js';

const fixture = (name: string) => new URL(`../../../test/fixtures/feeds/${name}`, import.meta.url);

async function collect(stream: Readable, currency = 'USD'): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  for await (const item of parseGmcFeed(stream, { currency, locale: 'en' })) items.push(item);
  return items;
}

function product(items: readonly FeedItem[], handle: string): FeedProduct {
  for (const item of items)
    if (item.kind === 'product' && item.product.input.handle === handle) return item.product;
  throw new Error(`no product ${handle}`);
}

const USD = (amount: number) => ({ amount, currency: 'USD' });

describe('parseGmcFeed on an RSS 2.0 feed', () => {
  it('groups items of one item_group_id that are far apart into one product', async () => {
    const items = await collect(createReadStream(fixture('gmc-tea-shop.xml')));
    expect(items.map((item) => (item.kind === 'product' ? item.product.input.handle : item.kind))).toEqual([
      'GW-120',
      'jasmine-pearls',
      'tea-tote',
    ]);
    const jasmine = product(items, 'jasmine-pearls');
    expect(jasmine.line).toBe(7);
    expect(jasmine.rows).toBe(2);
    expect(jasmine.input).toMatchObject({
      title: { en: 'Jasmine Pearls Green Tea' },
      description: { en: 'Hand-rolled pearls scented with jasmine blossoms seven times.\n\nBrew at 80°C.' },
      brand: 'Formosa Leaf',
      categoryPath: ['Tea', 'Green tea', 'Scented'],
      tags: ['spring sale'],
      options: [{ name: 'Size', values: ['50 g', '100 g'] }],
      attributes: {
        condition: 'new',
        google_product_category: 'Food, Beverages & Tobacco > Beverages > Tea & Infusions',
        link: 'https://formosaleaf.example/products/jasmine-pearls?variant=50',
      },
      images: [
        { url: 'https://formosaleaf.example/img/jasmine-pearls.jpg' },
        { url: 'https://formosaleaf.example/img/jasmine-pearls-leaves.jpg' },
      ],
    });
    expect(jasmine.input.variants).toEqual([
      {
        sku: 'JP-50',
        barcode: '4712345100019',
        optionValues: ['50 g'],
        price: USD(1200),
        compareAtPrice: USD(1500),
        weightGrams: 80,
        imageUrl: 'https://formosaleaf.example/img/jasmine-pearls.jpg',
      },
      {
        sku: 'JP-100',
        barcode: '4712345100026',
        optionValues: ['100 g'],
        price: USD(2700),
        compareAtPrice: null,
        weightGrams: 150,
        imageUrl: 'https://formosaleaf.example/img/jasmine-pearls.jpg',
      },
    ]);
    expect(jasmine.stock).toEqual([{ quantity: 30 }, { quantity: 0 }]);
  });

  it('makes constant attributes product attributes and custom labels tags; in stock without a count leaves stock alone', async () => {
    const gaiwan = product(await collect(createReadStream(fixture('gmc-tea-shop.xml'))), 'GW-120');
    expect(gaiwan.input).toMatchObject({
      title: { en: 'Celadon Gaiwan 120 ml' },
      description: { en: 'Hand-thrown in Yingge & glazed in celadon.' },
      categoryPath: ['Home & Garden', 'Kitchen & Dining', 'Tableware', 'Drinkware'],
      tags: ['bestseller', 'teaware'],
      options: [],
      attributes: { color: 'Celadon', material: 'Porcelain', mpn: 'YK-GW-120' },
    });
    expect(gaiwan.input.images).toHaveLength(3);
    expect(gaiwan.input.variants[0]).toMatchObject({ sku: 'GW-120', optionValues: [], price: USD(3800) });
    expect(gaiwan.stock).toEqual([{ quantity: null }]);
  });

  it('takes the colour that varies as an option, ignores a sale price above the price, and reads sell_on_google_quantity', async () => {
    const tote = product(await collect(createReadStream(fixture('gmc-tea-shop.xml'))), 'tea-tote');
    expect(tote.input.options).toEqual([{ name: 'Color', values: ['Natural', 'Indigo'] }]);
    expect(tote.input.attributes).toMatchObject({ material: 'Canvas', gender: 'unisex', age_group: 'adult' });
    expect(tote.input.title).toEqual({ en: 'Canvas Tea Tote' });
    expect(tote.input.variants.map((variant) => [variant.price, variant.compareAtPrice])).toEqual([
      [USD(2400), null],
      [USD(2600), null],
    ]);
    expect(tote.stock).toEqual([{ quantity: 12 }, { quantity: null }]);
  });

  it('reads an Atom feed with <link href>', async () => {
    const atom = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
  <title>Shop</title>
  <entry>
    <g:id>MUG-1</g:id>
    <title>Stoneware Mug</title>
    <link href="https://shop.example/mug"/>
    <g:price>9.50 EUR</g:price>
    <g:availability>in stock</g:availability>
  </entry>
</feed>`;
    const [item] = await collect(Readable.from([atom]));
    expect(item).toMatchObject({
      kind: 'product',
      product: {
        line: 4,
        input: {
          handle: 'MUG-1',
          attributes: { link: 'https://shop.example/mug' },
          variants: [{ price: { amount: 950, currency: 'EUR' } }],
        },
      },
    });
  });

  it('reports broken XML with its line', async () => {
    const broken =
      '<rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n<item><g:id>1</g:id>\n</channel></rss>';
    await expect(collect(Readable.from([broken]))).rejects.toSatisfy(
      (error: unknown) => error instanceof FeedFormatError && error.line === 3,
    );
  });
});

describe('parseGmcFeed on a TSV feed', () => {
  it('reads g:-prefixed and plain headers, comma lists, sale prices and both availability spellings', async () => {
    const items = await collect(createReadStream(fixture('gmc-coffee-gear.tsv')), 'TWD');
    expect(items.map((item) => (item.kind === 'product' ? item.product.input.handle : item.kind))).toEqual([
      'FLT-02-100',
      'gooseneck-kettle',
    ]);
    const kettle = product(items, 'gooseneck-kettle');
    expect(kettle.line).toBe(2);
    expect(kettle.input).toMatchObject({
      title: { en: 'Gooseneck Kettle 0.9 L' },
      categoryPath: ['Coffee', 'Brewing', 'Kettles'],
      options: [{ name: 'Color', values: ['Matte Black', 'Stainless'] }],
      attributes: { size: '0.9 L' },
      tags: ['gift ideas'],
    });
    expect(kettle.input.images?.map((image) => image.url.split('/').at(-1))).toEqual([
      'kettle-black.jpg',
      'kettle-lid.jpg',
      'kettle-base.jpg',
      'kettle-steel.jpg',
    ]);
    expect(
      kettle.input.variants.map((variant) => [
        variant.sku,
        variant.price.amount,
        variant.compareAtPrice?.amount,
      ]),
    ).toEqual([
      ['KET-BLK', 198000, 248000],
      ['KET-STL', 248000, undefined],
    ]);
    expect(kettle.stock).toEqual([{ quantity: 7 }, { quantity: 0 }]);
    const filters = product(items, 'FLT-02-100');
    expect(filters.input.description).toEqual({ en: 'Bleached "tabbed" paper filters.' });
    expect(filters.input.attributes).toMatchObject({ mpn: 'VCF-02-100W' });
    expect(filters.input.variants[0]?.price).toEqual({ amount: 18000, currency: 'TWD' });
    expect(filters.stock).toEqual([{ quantity: 120 }]);
  });

  it('skips a group with a bad item, naming the line, and keeps the others', async () => {
    const tsv =
      'id\ttitle\tprice\titem_group_id\tsize\n' +
      'A-S\tApron S\t10 USD\tapron\tS\n' +
      'B\tBowl\t12 USD\t\t\n' +
      'A-M\tApron M\tten USD\tapron\tM\n' +
      'C\tCup\t\t\t\n';
    const items = await collect(Readable.from([tsv]));
    expect(
      items.map((item) =>
        item.kind === 'product' ? item.product.input.handle : [item.issue.code, item.issue.line],
      ),
    ).toEqual(['B', ['missing_price', 5], ['invalid_price', 4]]);
  });

  it('rejects a TSV without an id column', async () => {
    await expect(collect(Readable.from(['title\tprice\nMug\t1 USD\n']))).rejects.toBeInstanceOf(
      FeedFormatError,
    );
  });
});

describe('commonTitle', () => {
  it('keeps whole words shared by every title', () => {
    expect(commonTitle(['Tee Red', 'Tee Rose'])).toBe('Tee');
    expect(commonTitle(['Same', 'Same'])).toBe('Same');
    expect(commonTitle(['Red Tee', 'Blue Tee'])).toBe('Red Tee');
  });
});
