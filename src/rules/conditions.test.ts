import { describe, expect, it } from 'vitest';
import { type Condition, type ContextFacts, compileCondition } from './conditions.js';
import type { CartLineFacts } from './types.js';

const facts: ContextFacts = {
  customer: { id: 'c1', tier: 'gold', tags: ['vip'], firstOrder: false, country: 'TW', orderCount: 3 },
  subtotal: 250000,
  itemCount: 4,
  currency: 'TWD',
  channel: 'web',
  coupons: ['SAVE5'],
  experiments: { checkout: 'b' },
  now: Date.UTC(2026, 2, 1),
  hour: 10,
  weekday: 7,
  lines: [
    {
      id: 'l1',
      productId: 'p1',
      variantId: 'v1',
      quantity: 2,
      unitPrice: 1000,
      tags: ['socks'],
      categoryPath: ['Apparel', 'Socks'],
    },
  ],
};

function check(condition: Condition): boolean {
  const compiled = compileCondition(condition, 'context');
  if ('issues' in compiled) throw new Error(compiled.issues.map((i) => i.message).join('; '));
  return compiled.condition.test(facts);
}

function issuesOf(condition: Condition, scope: 'context' | 'line' = 'context'): string[] {
  const compiled = compileCondition(condition, scope);
  return 'issues' in compiled ? compiled.issues.map((i) => `${i.path}: ${i.message}`) : [];
}

describe('conditions', () => {
  it('compares money and numbers as numbers', () => {
    expect(check({ field: 'cart.subtotal', op: 'gte', value: 250000 })).toBe(true);
    expect(check({ field: 'cart.subtotal', op: 'gt', value: 250000 })).toBe(false);
    expect(check({ field: 'cart.itemCount', op: 'lt', value: 10 })).toBe(true);
    expect(check({ field: 'customer.orderCount', op: 'in', value: [1, 2, 3] })).toBe(true);
  });

  it('rejects a string compared with a number at load time', () => {
    expect(issuesOf({ field: 'cart.subtotal', op: 'gte', value: '3000' })).toEqual([
      expect.stringMatching(/^\$\.value: cart\.subtotal is money/),
    ]);
    expect(issuesOf({ field: 'customer.tier', op: 'eq', value: 3 })).toHaveLength(1);
    expect(issuesOf({ field: 'customer.firstOrder', op: 'eq', value: 'true' })).toHaveLength(1);
  });

  it('rejects money that is not whole minor units, unknown fields and unsupported operators', () => {
    expect(issuesOf({ field: 'cart.subtotal', op: 'gte', value: 12.5 })).toHaveLength(1);
    expect(issuesOf({ field: 'cart.total', op: 'gte', value: 1 })).toEqual([
      expect.stringContaining('unknown context field'),
    ]);
    expect(issuesOf({ field: 'customer.firstOrder', op: 'gt', value: true })).toEqual([
      expect.stringContaining('does not support gt'),
    ]);
    expect(issuesOf({ field: 'line.tags', op: 'contains', value: 'x' }, 'context')).toHaveLength(1);
  });

  it('reports every issue with its path', () => {
    expect(
      issuesOf({
        all: [
          { field: 'cart.subtotal', op: 'gte', value: 'x' },
          { any: [{ field: 'nope', op: 'eq', value: 1 }] },
        ],
      }),
    ).toEqual([
      expect.stringMatching(/^\$\.all\[0\]\.value/),
      expect.stringMatching(/^\$\.all\[1\]\.any\[0\]\.field/),
    ]);
  });

  it('treats lists by membership and strings by substring for contains', () => {
    expect(check({ field: 'customer.tags', op: 'contains', value: 'vip' })).toBe(true);
    expect(check({ field: 'customer.tags', op: 'nin', value: ['vip', 'staff'] })).toBe(false);
    expect(check({ field: 'channel', op: 'contains', value: 'we' })).toBe(true);
  });

  it('matches coupon codes regardless of case', () => {
    expect(check({ field: 'coupons', op: 'contains', value: 'save5' })).toBe(true);
  });

  it('nests all, any and not', () => {
    expect(
      check({
        all: [
          {
            any: [
              { field: 'customer.tier', op: 'eq', value: 'silver' },
              { field: 'customer.tier', op: 'eq', value: 'gold' },
            ],
          },
          { not: { field: 'channel', op: 'eq', value: 'pos' } },
        ],
      }),
    ).toBe(true);
    expect(check({ not: { field: 'customer.country', op: 'eq', value: 'TW' } })).toBe(false);
  });

  it('reads experiment variants and the local time', () => {
    expect(check({ field: 'experiment.checkout', op: 'eq', value: 'b' })).toBe(true);
    expect(check({ field: 'experiment.other', op: 'eq', value: 'b' })).toBe(false);
    expect(check({ field: 'time.weekday', op: 'in', value: [6, 7] })).toBe(true);
    expect(check({ field: 'now', op: 'lt', value: '2026-03-02T00:00:00Z' })).toBe(true);
  });

  it('counts matching line quantities for a lines condition', () => {
    expect(
      check({ lines: { field: 'line.categoryPath', op: 'contains', value: 'Socks' }, minQuantity: 2 }),
    ).toBe(true);
    expect(
      check({ lines: { field: 'line.categoryPath', op: 'contains', value: 'Socks' }, minQuantity: 3 }),
    ).toBe(false);
  });

  it('names the failing leaf with expected and actual values', () => {
    const compiled = compileCondition(
      {
        all: [
          { field: 'channel', op: 'eq', value: 'web' },
          { field: 'cart.subtotal', op: 'gte', value: 300000 },
        ],
      },
      'context',
    );
    if ('issues' in compiled) throw new Error('unexpected issues');
    expect(compiled.condition.explain(facts)).toEqual({
      field: 'cart.subtotal',
      op: 'gte',
      expected: 300000,
      actual: 250000,
    });
  });

  it('evaluates line conditions against one line', () => {
    const compiled = compileCondition<CartLineFacts>(
      { field: 'line.unitPrice', op: 'lte', value: 1000 },
      'line',
    );
    if ('issues' in compiled) throw new Error('unexpected issues');
    expect(compiled.condition.test(facts.lines[0] as CartLineFacts)).toBe(true);
  });
});
