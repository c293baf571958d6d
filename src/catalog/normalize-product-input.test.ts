import { describe, expect, it } from 'vitest';
import { AisleError } from '../core/index.js';
import { inspectProductInput, normalizeProductInput } from './normalize-product-input.js';
import type { ProductInput, VariantInput } from './types.js';

const twd = (amount: number) => ({ amount, currency: 'TWD' });

function input(overrides: Partial<ProductInput> = {}, variants?: VariantInput[]): ProductInput {
  return {
    handle: 'tee',
    title: { en: 'Tee' },
    options: [{ name: 'Size', values: ['S', 'M'] }],
    variants: variants ?? [
      { sku: 'tee-s', optionValues: ['S'], price: twd(50000) },
      { sku: 'tee-m', optionValues: ['M'], price: twd(50000) },
    ],
    ...overrides,
  };
}

function issuePaths(value: ProductInput): string[] {
  return inspectProductInput(value).issues.map((issue) => issue.path);
}

describe('normalizeProductInput', () => {
  it('accepts a well-formed product and fills the optional fields with empty values', () => {
    const content = normalizeProductInput(input());
    expect(content).toMatchObject({
      handle: 'tee',
      description: {},
      brand: null,
      categoryPath: [],
      tags: [],
      attributes: {},
      images: [],
    });
    expect('status' in content).toBe(false);
    expect(content.variants[0]).toEqual({
      sku: 'tee-s',
      barcode: null,
      optionValues: ['S'],
      price: twd(50000),
      compareAtPrice: null,
      cost: null,
      weightGrams: null,
      imageUrl: null,
    });
  });

  it('throws invalid_product (400) listing every issue of the product', () => {
    let caught: unknown;
    try {
      normalizeProductInput(input({ handle: ' ', title: { en: '  ' } }));
    } catch (error) {
      caught = error;
    }
    expect(AisleError.isInstance(caught)).toBe(true);
    const error = caught as AisleError;
    expect(error.code).toBe('invalid_product');
    expect(error.status).toBe(400);
    const issues = (error.details?.issues ?? []) as { path: string }[];
    expect(issues.map((issue) => issue.path)).toEqual(['handle', 'title']);
  });

  it('requires a handle, a title in some locale and at least one variant', () => {
    expect(issuePaths(input({ handle: '' }))).toEqual(['handle']);
    expect(issuePaths(input({ title: {} }))).toEqual(['title']);
    expect(issuePaths(input({ title: { 'not a locale!': 'x' } }))).toEqual(['title.not a locale!', 'title']);
    expect(issuePaths(input({}, []))).toEqual(['variants']);
  });

  it('allows at most three options with distinct names', () => {
    const four = ['A', 'B', 'C', 'D'].map((name) => ({ name, values: ['x'] }));
    expect(
      issuePaths(input({ options: four }, [{ optionValues: ['x', 'x', 'x', 'x'], price: twd(1) }])),
    ).toEqual(['options']);
    const twice = [
      { name: 'Size', values: ['S'] },
      { name: 'size', values: ['S'] },
    ];
    expect(issuePaths(input({ options: twice }, [{ optionValues: ['S', 'S'], price: twd(1) }]))).toEqual([
      'options.1.name',
    ]);
  });

  it('requires one option value per option and distinct combinations', () => {
    expect(issuePaths(input({}, [{ optionValues: [], price: twd(1) }]))).toEqual(['variants.0.optionValues']);
    expect(issuePaths(input({}, [{ optionValues: ['S', 'red'], price: twd(1) }]))).toEqual([
      'variants.0.optionValues',
    ]);
    expect(issuePaths(input({}, [{ optionValues: [' '], price: twd(1) }]))).toEqual([
      'variants.0.optionValues.0',
    ]);
    expect(
      issuePaths(
        input({}, [
          { optionValues: ['S'], price: twd(1) },
          { optionValues: ['s '], price: twd(1) },
        ]),
      ),
    ).toEqual(['variants.1.optionValues']);
  });

  it('keeps every price of a product in one currency of non-negative whole minor units', () => {
    expect(
      issuePaths(
        input({}, [
          { optionValues: ['S'], price: twd(1) },
          { optionValues: ['M'], price: { amount: 1, currency: 'USD' } },
        ]),
      ),
    ).toEqual(['variants.1.price.currency']);
    expect(
      issuePaths(
        input({}, [{ optionValues: ['S'], price: twd(1), compareAtPrice: { amount: 2, currency: 'usd' } }]),
      ),
    ).toEqual(['variants.0.compareAtPrice.currency']);
    expect(issuePaths(input({}, [{ optionValues: ['S'], price: twd(-1) }]))).toEqual([
      'variants.0.price.amount',
    ]);
    expect(issuePaths(input({}, [{ optionValues: ['S'], price: twd(9.99) }]))).toEqual([
      'variants.0.price.amount',
    ]);
    expect(
      issuePaths(input({}, [{ optionValues: ['S'], price: { amount: 1, currency: 'dollars' } }])),
    ).toEqual(['variants.0.price.currency']);
    expect(
      normalizeProductInput(input({}, [{ optionValues: ['S'], price: { amount: 0, currency: 'twd' } }]))
        .variants[0]?.price,
    ).toEqual(twd(0));
  });

  it('refuses a SKU twice in one product and a negative or fractional weight', () => {
    expect(
      issuePaths(
        input({}, [
          { sku: 'same', optionValues: ['S'], price: twd(1) },
          { sku: ' same', optionValues: ['M'], price: twd(1) },
        ]),
      ),
    ).toEqual(['variants.1.sku']);
    expect(issuePaths(input({}, [{ optionValues: ['S'], price: twd(1), weightGrams: -1 }]))).toEqual([
      'variants.0.weightGrams',
    ]);
    expect(issuePaths(input({}, [{ optionValues: ['S'], price: twd(1), weightGrams: 1.5 }]))).toEqual([
      'variants.0.weightGrams',
    ]);
  });

  it('spells option values as the product declares them and adds values only variants use', () => {
    const content = normalizeProductInput(
      input({ options: [{ name: 'Colour', values: ['Black', 'black', ' '] }] }, [
        { optionValues: ['BLACK'], price: twd(1) },
        { optionValues: ['Sand'], price: twd(1) },
      ]),
    );
    expect(content.options).toEqual([{ name: 'Colour', values: ['Black', 'Sand'] }]);
    expect(content.variants.map((variant) => variant.optionValues)).toEqual([['Black'], ['Sand']]);
  });

  it('drops empty text, repeated tags and images, and numbers images in order', () => {
    const content = normalizeProductInput(
      input({
        brand: '  ',
        tags: ['Trail', ' trail', '', 'Rain'],
        categoryPath: [' Footwear ', ''],
        attributes: { ' material ': [' mesh', 'mesh', ''], empty: '', none: [] },
        images: [{ url: 'a.jpg', alt: ' ' }, { url: 'a.jpg' }, { url: 'b.jpg', alt: 'back' }],
      }),
    );
    expect(content.brand).toBeNull();
    expect(content.tags).toEqual(['Trail', 'Rain']);
    expect(content.categoryPath).toEqual(['Footwear']);
    expect(content.attributes).toEqual({ material: ['mesh'] });
    expect(content.images).toEqual([
      { url: 'a.jpg', position: 0 },
      { url: 'b.jpg', alt: 'back', position: 1 },
    ]);
  });

  it('rejects an unknown status', () => {
    expect(issuePaths(input({ status: 'gone' as never }))).toEqual(['status']);
  });
});
