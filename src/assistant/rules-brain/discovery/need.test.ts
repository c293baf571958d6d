import { beforeAll, describe, expect, it } from 'vitest';
import { evaluationCatalogs } from '../../nlu/eval/evaluation-catalogs.js';
import { type PriceConstraint, understand, type Vocabulary } from '../../nlu/index.js';
import type { ShopperNeed } from '../types.js';
import { mergeNeed } from './need.js';

let vocabulary: Vocabulary;
beforeAll(async () => {
  vocabulary = (await evaluationCatalogs()).outdoor?.vocabulary as Vocabulary;
});

const below = (amount: number): PriceConstraint => ({
  kind: 'range',
  min: null,
  max: { amount, currency: 'TWD' },
});

function needAfter(messages: readonly string[]): ShopperNeed | null {
  let need: ShopperNeed | null = null;
  for (const text of messages) {
    const understanding = understand(text, {
      vocabulary,
      currency: 'TWD',
      state: { showingProducts: need !== null },
    });
    need = mergeNeed(need, understanding, (direction) => (direction === 'cheaper' ? below(199_999) : null));
  }
  return need;
}

const terms = (need: ShopperNeed | null) => need?.terms.map((t) => `${t.kind}:${t.name ?? ''}=${t.value}`);

describe('building the need over turns', () => {
  it('keeps earlier constraints while the shopper narrows, and replaces one of the same field', () => {
    const need = needAfter(['waterproof hiking shoes', 'in black', 'under 3000', 'in navy']);
    expect(terms(need)).toEqual(['tag:=waterproof', 'productType:=Hiking shoes', 'option:Color=Navy']);
    expect(need?.price).toEqual(below(300_000));
  });

  it('keeps alternatives of one field named together', () => {
    expect(terms(needAfter(['hiking shoes', 'black or navy']))).toEqual([
      'productType:=Hiking shoes',
      'option:Color=Black',
      'option:Color=Navy',
    ]);
  });

  it('starts over when the shopper names another kind of product', () => {
    const need = needAfter(['waterproof hiking shoes under 3000', 'tents']);
    expect(terms(need)).toEqual(['productType:=Tent']);
    expect(need?.price).toBeNull();
  });

  it('reads "cheaper" and a size against what is on screen', () => {
    const need = needAfter(['hiking shoes', 'size 27', 'show cheaper']);
    expect(need?.size).toBe('27');
    expect(need?.price).toEqual(below(199_999));
  });
});
