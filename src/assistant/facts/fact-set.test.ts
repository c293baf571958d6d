import { describe, expect, it } from 'vitest';
import type { StockFact } from './index.js';
import { FactSet } from './index.js';

const stock = (available: number): StockFact => ({
  kind: 'stock',
  variantId: 'var_1',
  productId: null,
  available,
  lowStock: false,
  locations: [],
});

describe('FactSet', () => {
  it('keeps session facts across turns and lets a newer fact about the same thing replace the older', () => {
    const facts = new FactSet([stock(5)]);
    expect(facts.ofKind('stock').map((s) => s.available)).toEqual([5]);
    facts.add(stock(2));
    expect(facts.turn).toHaveLength(1);
    expect(facts.ofKind('stock').map((s) => s.available)).toEqual([2]);
    facts.endTurn();
    expect(facts.turn).toEqual([]);
    expect(facts.all()).toEqual([stock(2)]);
  });

  it('changes its version only when facts are added', () => {
    const facts = new FactSet();
    const before = facts.version;
    facts.add();
    expect(facts.version).toBe(before);
    facts.add(stock(1));
    expect(facts.version).toBe(before + 1);
  });
});
