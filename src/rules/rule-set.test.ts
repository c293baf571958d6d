import { describe, expect, it } from 'vitest';
import { loadRuleSet, RuleValidationError } from './index.js';
import { promotion } from './testing.js';

function issuesOf(document: unknown): string[] {
  try {
    loadRuleSet(document);
  } catch (error) {
    if (error instanceof RuleValidationError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('loadRuleSet', () => {
  it('loads a valid document with defaults', () => {
    const rules = loadRuleSet({ currency: 'twd', promotions: [promotion('a')] });
    expect(rules.currency).toBe('TWD');
    expect(rules.timeZone).toBe('UTC');
    expect(rules.promotions[0]).toMatchObject({ id: 'a', priority: 100, exclusive: false });
  });

  it('refuses a string compared with a money field, naming the path', () => {
    expect(
      issuesOf({
        currency: 'TWD',
        promotions: [promotion('a', { conditions: { field: 'cart.subtotal', op: 'gte', value: '3000' } })],
      }),
    ).toEqual([expect.stringMatching(/^\$\.promotions\[0\]\.conditions\.value: cart\.subtotal is money/)]);
  });

  it('refuses line fields typed wrong inside action item filters', () => {
    expect(
      issuesOf({
        currency: 'TWD',
        promotions: [
          promotion('a', {
            actions: [
              {
                type: 'item_percent',
                percent: 10,
                items: { field: 'line.quantity', op: 'gte', value: 'two' },
              },
            ],
          }),
        ],
      }),
    ).toEqual([expect.stringMatching(/^\$\.promotions\[0\]\.actions\[0\]\.items\.value/)]);
  });

  it('refuses duplicate ids, bad dates, shapes and percentages', () => {
    const issues = issuesOf({
      currency: 'TWD',
      promotions: [
        promotion('a', { startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' }),
        promotion('a'),
      ],
    });
    expect(issues).toEqual([
      expect.stringContaining('must end after it starts'),
      expect.stringContaining('duplicate promotion id'),
    ]);
    expect(
      issuesOf({
        currency: 'TWD',
        promotions: [promotion('b', { actions: [{ type: 'order_percent', percent: 10.125 }] })],
      }),
    ).toHaveLength(1);
    expect(issuesOf({ currency: 'TWD', promotions: [{ id: 'c' }] }).length).toBeGreaterThan(0);
    expect(issuesOf({ currency: 'TWD', timeZone: 'Nowhere/City', promotions: [] })).toEqual([
      expect.stringContaining('unknown time zone'),
    ]);
  });

  it('refuses a shipping offer with both a percent and an amount', () => {
    expect(
      issuesOf({
        currency: 'TWD',
        promotions: [promotion('s', { actions: [{ type: 'shipping', percent: 50, amount: 100 }] })],
      }),
    ).toEqual([expect.stringContaining('percent or an amount')]);
  });
});
