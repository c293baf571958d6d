import { describe, expect, it } from 'vitest';
import type { SearchFacet } from '../tool-outputs.js';
import { chooseQuestion, informationGain } from './next-question.js';

function facet(field: SearchFacet['field'], name: string, counts: Record<string, number>): SearchFacet {
  return {
    field,
    name,
    labels: {},
    values: Object.entries(counts).map(([value, count]) => ({ value, count })),
  };
}

describe('information gain of a question', () => {
  it('is one bit for an even split in two and log2(k) for k even parts', () => {
    expect(informationGain(facet('option', 'Color', { Black: 5, Blue: 5 }), 10)).toBeCloseTo(1);
    expect(informationGain(facet('option', 'Color', { A: 3, B: 3, C: 3, D: 3 }), 12)).toBeCloseTo(2);
  });

  it('is zero when every candidate offers every value', () => {
    expect(informationGain(facet('option', 'Size', { '40': 8, '41': 8, '42': 8 }), 8)).toBe(0);
  });

  it('is lower for a lopsided split than for an even one', () => {
    const even = informationGain(facet('brand', 'brand', { A: 5, B: 5 }), 10);
    const lopsided = informationGain(facet('brand', 'brand', { A: 9, B: 1 }), 10);
    expect(lopsided).toBeLessThan(even);
  });

  it('counts candidates without the field as left whatever the answer', () => {
    const covered = informationGain(facet('attribute', 'material', { wool: 5, cotton: 5 }), 10);
    const half = informationGain(facet('attribute', 'material', { wool: 3, cotton: 2 }), 10);
    expect(half).toBeLessThan(covered);
  });
});

describe('choosing the question', () => {
  const facets = [
    facet('brand', 'brand', { A: 9, B: 1 }),
    facet('option', 'Size', { '40': 10, '41': 10 }),
    facet('option', 'Color', { Black: 4, Blue: 3, Red: 3 }),
  ];

  it('asks about the field that splits the candidates most evenly', () => {
    const question = chooseQuestion(facets, 10, new Set());
    expect(question?.key).toBe('option:Color');
    expect(question?.values).toEqual(['Black', 'Blue', 'Red']);
  });

  it('never asks about a field already settled, and asks nothing when no field is worth it', () => {
    expect(chooseQuestion(facets, 10, new Set(['option:Color']))?.key).toBe(undefined);
    expect(chooseQuestion([facet('option', 'Size', { '40': 10, '41': 10 })], 10, new Set())).toBeNull();
  });
});
