import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchVariants } from './match-variants.js';
import type { VariantContent } from './product-content.js';
import type { Variant } from './types.js';

const price = { amount: 100, currency: 'TWD' };

function stored(id: string, sku: string | null, optionValues: string[]): Variant {
  return {
    id,
    productId: 'prod_1',
    sku,
    barcode: null,
    optionValues,
    price,
    compareAtPrice: null,
    cost: null,
    weightGrams: null,
    imageUrl: null,
    position: 0,
  };
}

function incoming(sku: string | null, optionValues: string[]): VariantContent {
  return {
    sku,
    barcode: null,
    optionValues,
    price,
    compareAtPrice: null,
    cost: null,
    weightGrams: null,
    imageUrl: null,
  };
}

describe('matchVariants', () => {
  it('pairs by SKU before option values, even when the options changed', () => {
    const existing = [stored('var_a', 'A', ['S']), stored('var_b', 'B', ['M'])];
    const matches = matchVariants(existing, [incoming('B', ['S']), incoming('A', ['M'])]);
    expect(matches.map((match) => match?.id)).toEqual(['var_b', 'var_a']);
  });

  it('pairs by option values, ignoring case, when the SKU is new or absent', () => {
    const existing = [stored('var_a', null, ['Black', 'S']), stored('var_b', 'OLD', ['White', 'S'])];
    const matches = matchVariants(existing, [
      incoming(null, ['black', 's']),
      incoming('NEW', ['White', 'S']),
    ]);
    expect(matches.map((match) => match?.id)).toEqual(['var_a', 'var_b']);
  });

  it('never pairs a stored variant twice, nor one already taken by its SKU', () => {
    const existing = [stored('var_a', 'A', ['S'])];
    const matches = matchVariants(existing, [incoming(null, ['S']), incoming('A', ['M'])]);
    expect(matches.map((match) => match?.id)).toEqual([undefined, 'var_a']);
  });

  it('leaves new variants unpaired', () => {
    expect(matchVariants([], [incoming('A', [])])).toEqual([undefined]);
  });

  it('pairs each stored variant at most once, and always by a shared SKU', () => {
    const sku = fc.option(fc.constantFrom('A', 'B', 'C', 'D'), { nil: null });
    const values = fc.array(fc.constantFrom('s', 'S', 'm', 'M'), { minLength: 1, maxLength: 1 });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ sku, values }), { selector: (v) => v.sku ?? Symbol(), maxLength: 5 }),
        fc.uniqueArray(fc.record({ sku, values }), { selector: (v) => v.sku ?? Symbol(), maxLength: 5 }),
        (before, after) => {
          const existing = before.map((v, i) => stored(`var_${i}`, v.sku, v.values));
          const matches = matchVariants(
            existing,
            after.map((v) => incoming(v.sku, v.values)),
          );
          const pairedIds = matches.flatMap((match) => (match === undefined ? [] : [match.id]));
          expect(new Set(pairedIds).size).toBe(pairedIds.length);
          after.forEach((v, i) => {
            const owner = existing.find((candidate) => v.sku !== null && candidate.sku === v.sku);
            if (owner !== undefined) expect(matches[i]).toBe(owner);
          });
        },
      ),
    );
  });
});
