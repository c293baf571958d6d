import { describe, expect, it } from 'vitest';
import { normalizeProductInput } from './normalize-product-input.js';
import { planProductUpsert } from './plan-product-upsert.js';
import type { ProductInput } from './types.js';

let counter = 0;
const context = (now: number) => ({
  now,
  newProductId: () => `prod_${++counter}`,
  newVariantId: () => `var_${++counter}`,
});

const base: ProductInput = {
  handle: 'mug',
  title: { en: 'Mug' },
  options: [{ name: 'Colour', values: ['Red', 'Blue'] }],
  variants: [
    { sku: 'mug-red', optionValues: ['Red'], price: { amount: 300, currency: 'EUR' } },
    { sku: 'mug-blue', optionValues: ['Blue'], price: { amount: 300, currency: 'EUR' } },
  ],
};

describe('planProductUpsert', () => {
  it('creates an active product with every variant inserted in input order', () => {
    const plan = planProductUpsert(undefined, normalizeProductInput(base), context(10));
    expect(plan.outcome).toBe('created');
    expect(plan.productWrite).toBe('insert');
    expect(plan.product).toMatchObject({ status: 'active', createdAt: 10, updatedAt: 10 });
    expect(plan.insertVariants.map((variant) => [variant.sku, variant.position])).toEqual([
      ['mug-red', 0],
      ['mug-blue', 1],
    ]);
  });

  it('plans no write at all for content equal to the stored product', () => {
    const created = planProductUpsert(undefined, normalizeProductInput(base), context(10)).product;
    const plan = planProductUpsert(created, normalizeProductInput(base), context(20));
    expect(plan).toMatchObject({
      outcome: 'unchanged',
      productWrite: 'none',
      insertVariants: [],
      updateVariants: [],
      deleteVariantIds: [],
    });
    expect(plan.product).toBe(created);
  });

  it('updates only the variants that changed, and deletes the ones left out', () => {
    const created = planProductUpsert(undefined, normalizeProductInput(base), context(10)).product;
    const next = normalizeProductInput({
      ...base,
      variants: [{ sku: 'mug-red', optionValues: ['Red'], price: { amount: 250, currency: 'EUR' } }],
    });
    const plan = planProductUpsert(created, next, context(20));
    expect(plan.outcome).toBe('updated');
    expect(plan.productWrite).toBe('update');
    expect(plan.updateVariants.map((variant) => [variant.id, variant.price.amount])).toEqual([
      [created.variants[0]?.id, 250],
    ]);
    expect(plan.deleteVariantIds).toEqual([created.variants[1]?.id]);
    expect(plan.product).toMatchObject({ createdAt: 10, updatedAt: 20 });
  });

  it('treats a reordering of variants as an update of their positions', () => {
    const created = planProductUpsert(undefined, normalizeProductInput(base), context(10)).product;
    const reordered = normalizeProductInput({ ...base, variants: [...base.variants].reverse() });
    const plan = planProductUpsert(created, reordered, context(20));
    expect(plan.outcome).toBe('updated');
    expect(plan.updateVariants.map((variant) => [variant.sku, variant.position])).toEqual([
      ['mug-blue', 0],
      ['mug-red', 1],
    ]);
  });
});
