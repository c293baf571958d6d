import { describe, expect, it } from 'vitest';
import type { ShopperNeed } from '../types.js';
import { emptyNeed } from './need.js';
import { looserNeeds } from './search-need.js';

describe('looserNeeds', () => {
  it('searches describing terms as the shopper’s words, then drops the free words', () => {
    const need: ShopperNeed = {
      ...emptyNeed,
      query: 'dutch',
      terms: [
        { kind: 'productType', value: 'Pot' },
        { kind: 'attribute', name: 'use', value: 'baking' },
        { kind: 'option', name: 'Color', value: 'Red' },
      ],
      said: { 'attribute:use:baking': 'bake' },
    };
    expect(looserNeeds(need)).toEqual([
      {
        ...need,
        query: 'dutch bake',
        terms: [
          { kind: 'productType', value: 'Pot' },
          { kind: 'option', name: 'Color', value: 'Red' },
        ],
      },
      { ...need, query: '' },
    ]);
  });

  it('has nothing looser for a need of filters alone', () => {
    expect(looserNeeds({ ...emptyNeed, terms: [{ kind: 'productType', value: 'Pot' }] })).toEqual([]);
  });
});
