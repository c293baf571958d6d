import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { inspectProductInput } from '../catalog/index.js';
import { COLOURS, isColourName } from './colours.js';
import { demoImageSlugs, demoImageSvg, demoProducts, demoSynonyms, isValidEan13 } from './index.js';

const products = demoProducts();
const variants = products.flatMap((product) => product.variants.map((variant) => ({ product, variant })));

describe('demo catalog', () => {
  it('holds 140–170 products in 900–1,200 variants', () => {
    expect(products.length).toBeGreaterThanOrEqual(140);
    expect(products.length).toBeLessThanOrEqual(170);
    expect(variants.length).toBeGreaterThanOrEqual(900);
    expect(variants.length).toBeLessThanOrEqual(1200);
  });

  it('is the same on every call', () => {
    expect(demoProducts()).toEqual(products);
  });

  it('passes the catalog’s own input checks', () => {
    const problems = products.flatMap((product) =>
      inspectProductInput(product).issues.map((issue) => `${product.handle}: ${issue.path} ${issue.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('titles and describes every product in English and Traditional Chinese', () => {
    for (const product of products) {
      for (const locale of ['en', 'zh-TW']) {
        expect(product.title[locale]?.trim(), `${product.handle} title ${locale}`).toBeTruthy();
        expect(
          product.description?.[locale]?.length ?? 0,
          `${product.handle} description ${locale}`,
        ).toBeGreaterThan(20);
      }
      expect(product.title['zh-TW']).toMatch(/\p{Script=Han}/u);
    }
  });

  it('gives every product a unique handle and every variant a unique SKU and a valid EAN-13', () => {
    expect(new Set(products.map((product) => product.handle)).size).toBe(products.length);
    const skus = variants.map(({ variant }) => variant.sku);
    expect(new Set(skus).size).toBe(variants.length);
    for (const sku of skus) expect(sku).toMatch(/^ST-[A-Z]{2}-[A-Z0-9-]+$/);
    const barcodes = variants.map(({ variant }) => variant.barcode ?? '');
    expect(new Set(barcodes).size).toBe(variants.length);
    expect(barcodes.filter((barcode) => !isValidEan13(barcode))).toEqual([]);
  });

  it('prices in whole TWD minor units with costs at 40–60% and sale prices below compare-at', () => {
    for (const { product, variant } of variants) {
      const label = variant.sku ?? product.handle;
      expect(variant.price.currency, label).toBe('TWD');
      expect(Number.isSafeInteger(variant.price.amount), label).toBe(true);
      expect(variant.price.amount % 100, label).toBe(0);
      expect(variant.price.amount, label).toBeGreaterThan(0);
      const cost = variant.cost?.amount ?? 0;
      const regular = variant.compareAtPrice?.amount ?? variant.price.amount;
      expect(cost / regular, label).toBeGreaterThanOrEqual(0.4);
      expect(cost / regular, label).toBeLessThanOrEqual(0.6);
      if (variant.compareAtPrice)
        expect(variant.compareAtPrice.amount, label).toBeGreaterThan(variant.price.amount);
      expect(variant.weightGrams, label).toBeGreaterThan(0);
    }
    const onSale = variants.filter(({ variant }) => variant.compareAtPrice !== null).length;
    expect(onSale).toBeGreaterThan(0);
    expect(onSale).toBeLessThan(variants.length / 4);
  });

  it('gives each variant one value per option, from that option, with every combination once', () => {
    for (const product of products) {
      const options = product.options ?? [];
      for (const option of options) expect(option.localizedName?.['zh-TW'], option.name).toBeTruthy();
      const combinations = options.reduce((count, option) => count * option.values.length, 1);
      expect(product.variants.length, product.handle).toBe(combinations);
      for (const variant of product.variants) {
        expect(variant.optionValues.length).toBe(options.length);
        for (const [index, value] of variant.optionValues.entries())
          expect(options[index]?.values).toContain(value);
      }
      expect(new Set(product.variants.map((variant) => variant.optionValues.join('|'))).size).toBe(
        product.variants.length,
      );
    }
  });

  it('names colours the synonyms translate', () => {
    const synonymHeads = new Set(demoSynonyms.map((group) => group[0]));
    for (const product of products) {
      const colours = product.options?.find((option) => option.name === 'Color')?.values ?? [];
      for (const colour of colours) {
        expect(isColourName(colour), colour).toBe(true);
        expect(synonymHeads.has(colour.toLowerCase()), colour).toBe(true);
      }
    }
    expect(demoSynonyms).toContainEqual(['black', ...COLOURS.Black.zh]);
  });

  it('covers the store’s departments and shoppers', () => {
    const departments = new Set(products.map((product) => product.categoryPath?.[0]));
    for (const department of [
      'Footwear',
      'Clothing',
      'Packs',
      'Camping',
      'Hiking gear',
      'Climbing',
      'Kids',
    ]) {
      expect(departments).toContain(department);
    }
    const tags = new Set(products.flatMap((product) => product.tags ?? []));
    for (const tag of [
      'waterproof',
      'ultralight',
      'clearance',
      'new',
      'sale',
      'men',
      'women',
      'kids',
      'unisex',
    ]) {
      expect(tags).toContain(tag);
    }
  });
});

describe('demo images', () => {
  it('draws a well-formed SVG for every image a product or variant points at', () => {
    const urls = new Set(
      products.flatMap((product) => [
        ...(product.images ?? []).map((image) => image.url),
        ...product.variants.map((variant) => variant.imageUrl ?? ''),
      ]),
    );
    for (const url of urls) {
      const slug = /^\/demo\/images\/([a-z0-9-]+)\.svg$/.exec(url)?.[1];
      expect(slug, url).toBeDefined();
      const svg = demoImageSvg(slug ?? '');
      expect(svg, url).not.toBeNull();
      expect(XMLValidator.validate(svg ?? '')).toBe(true);
    }
    expect(demoImageSlugs().length).toBe(urls.size);
  });

  it('paints the variant colour and accepts the file ending', () => {
    expect(demoImageSvg('nordkamm-aura-mid-wp-men-olive.svg')).toContain(COLOURS.Olive.hex);
    expect(demoImageSvg('nordkamm-aura-mid-wp-men-olive')).toBe(
      demoImageSvg('nordkamm-aura-mid-wp-men-olive.svg'),
    );
  });

  it('answers null for an unknown picture', () => {
    expect(demoImageSvg('no-such-product')).toBeNull();
    expect(demoImageSvg('../etc/passwd')).toBeNull();
  });
});
