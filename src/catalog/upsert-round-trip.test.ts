/**
 * Properties of the path from input to storage and back: normalizing is idempotent, and a
 * product upserted twice with the same input is reported unchanged on either engine.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/engines.js';
import { ManualClock } from '../core/index.js';
import { createCatalogService } from './catalog-service.js';
import { normalizeProductInput } from './normalize-product-input.js';
import { canonicalJson, productContentOf } from './product-content.js';
import type { ProductInput } from './types.js';

/** Any valid product input, with untidy spacing and casing that normalization must absorb. */
const productInputArbitrary: fc.Arbitrary<ProductInput> = fc
  .record({
    handle: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/),
    padding: fc.constantFrom('', ' ', '  '),
    title: fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== ''),
    tags: fc.array(fc.constantFrom('rain', 'Rain', 'trail', ' kids'), { maxLength: 4 }),
    optionValues: fc.array(
      fc.uniqueArray(fc.constantFrom('S', 'M', 'L', 'XL', '26', '27'), { minLength: 1, maxLength: 3 }),
      {
        maxLength: 3,
      },
    ),
    prices: fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: 6 }),
    withSku: fc.boolean(),
    currency: fc.constantFrom('TWD', 'usd', 'JPY'),
  })
  .map(({ handle, padding, title, tags, optionValues, prices, withSku, currency }) => {
    const combinations = optionValues.reduce<string[][]>(
      (acc, values) => acc.flatMap((prefix) => values.map((value) => [...prefix, value])),
      [[]],
    );
    const variants = combinations.slice(0, prices.length).map((values, index) => ({
      sku: withSku ? `${padding}${handle}-${index}` : null,
      optionValues: values.map((value) => `${padding}${value.toLowerCase()}`),
      price: { amount: prices[index] ?? 0, currency },
    }));
    return {
      handle: `${padding}${handle}`,
      title: { en: `${padding}${title}` },
      tags,
      options: optionValues.map((values, index) => ({ name: `Option ${index}`, values })),
      variants,
    };
  });

describe('normalization as a property', () => {
  it('is idempotent: the normal form of a normal form is itself', () => {
    fc.assert(
      fc.property(productInputArbitrary, (value) => {
        const once = normalizeProductInput(value);
        const twice = normalizeProductInput(once);
        expect(canonicalJson(twice)).toBe(canonicalJson(once));
      }),
    );
  });

  it('reads back from a stored product as the same content', () => {
    fc.assert(
      fc.property(productInputArbitrary, (value) => {
        const content = normalizeProductInput(value);
        const variants = content.variants.map((variant, position) => ({
          ...variant,
          id: `var_${position}`,
          productId: 'prod_1',
          position,
        }));
        const stored = {
          ...content,
          id: 'prod_1',
          status: 'active' as const,
          variants,
          createdAt: 1,
          updatedAt: 1,
        };
        expect(canonicalJson({ ...productContentOf(stored), status: undefined })).toBe(
          canonicalJson(content),
        );
      }),
    );
  });
});

describeEachEngine('upsert round trip', (harness) => {
  afterAll(() => harness.closeAll());

  it('stores any valid input so that reading it back and upserting it again changes nothing', async () => {
    const store = await harness.open();
    const clock = new ManualClock();
    const catalog = createCatalogService({ store, clock });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(productInputArbitrary, async (value) => {
        run += 1;
        // Each run gets its own handle and SKUs, so runs never collide with earlier ones.
        const fresh = {
          ...value,
          handle: `${value.handle}-${run}`,
          variants: value.variants.map((variant) => ({
            ...variant,
            sku: variant.sku ? `${variant.sku}-${run}` : null,
          })),
        };
        const [created] = await catalog.upsertProducts([fresh]);
        expect(created?.outcome).toBe('created');
        expect(await catalog.getProduct(created!.product.id)).toEqual(created?.product);
        clock.advance(1000);
        const [again] = await catalog.upsertProducts([fresh]);
        expect(again?.outcome).toBe('unchanged');
        expect(again?.product).toEqual(created?.product);
      }),
      { numRuns: 25 },
    );
  });
});
