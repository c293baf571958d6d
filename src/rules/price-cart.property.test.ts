import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PricingOptions, type PricingResult, priceCart } from './index.js';
import type { PromotionDocument } from './promotion-schema.js';
import { promotion, ruleSet } from './testing.js';
import type { CartLineFacts } from './types.js';

const NOW = Date.UTC(2026, 5, 1);
const tags = ['socks', 'sale', 'new'];

const lineArbitrary = (id: string) =>
  fc
    .record({
      unitPrice: fc.integer({ min: 0, max: 200000 }),
      quantity: fc.integer({ min: 1, max: 5 }),
      tags: fc.subarray(tags),
      costPercent: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      floorPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    })
    .map(
      (l): CartLineFacts => ({
        id,
        productId: `p-${id}`,
        variantId: `v-${id}`,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        tags: l.tags,
        categoryPath: l.tags.includes('sale') ? ['Apparel', 'Clearance'] : ['Apparel'],
        weightGrams: 300,
        cost: l.costPercent === undefined ? null : Math.floor((l.unitPrice * l.costPercent) / 100),
        floorPrice: l.floorPercent === undefined ? null : Math.floor((l.unitPrice * l.floorPercent) / 100),
      }),
    );

const linesArbitrary = fc
  .uniqueArray(fc.stringMatching(/^[a-h]$/), { minLength: 1, maxLength: 6 })
  .chain((ids) => fc.tuple(...ids.map(lineArbitrary)));

const itemsArbitrary = fc.option(
  fc.constantFrom(...tags).map((tag) => ({ field: 'line.tags', op: 'contains' as const, value: tag })),
  {
    nil: undefined,
  },
);

const actionArbitrary = fc.oneof(
  fc.record({ type: fc.constant('order_percent' as const), percent: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ type: fc.constant('order_fixed' as const), amount: fc.integer({ min: 1, max: 300000 }) }),
  fc.record({
    type: fc.constant('item_percent' as const),
    percent: fc.integer({ min: 1, max: 100 }),
    items: itemsArbitrary,
  }),
  fc.record({
    type: fc.constant('item_fixed' as const),
    amount: fc.integer({ min: 1, max: 50000 }),
    per: fc.constantFrom('unit' as const, 'spread' as const),
    items: itemsArbitrary,
  }),
  fc.record({
    type: fc.constant('buy_x_get_y' as const),
    buy: fc.integer({ min: 1, max: 3 }),
    get: fc.integer({ min: 1, max: 2 }),
    percent: fc.integer({ min: 1, max: 100 }),
    items: itemsArbitrary,
  }),
  fc.record({
    type: fc.constant('tiered' as const),
    tiers: fc.constant([
      { minSubtotal: 100000, amount: 10000 },
      { minSubtotal: 300000, percent: 15 },
    ]),
  }),
  fc.record({ type: fc.constant('shipping' as const), percent: fc.integer({ min: 1, max: 100 }) }),
);

const promotionsArbitrary = fc.uniqueArray(fc.stringMatching(/^p[0-9]$/), { maxLength: 6 }).chain((ids) =>
  fc.tuple(
    ...ids.map((id) =>
      fc
        .record({
          priority: fc.integer({ min: 0, max: 3 }),
          exclusive: fc.boolean(),
          stackGroup: fc.option(fc.constantFrom('g1', 'g2'), { nil: undefined }),
          combinableWith: fc.option(fc.subarray(['g1', 'g2', 'p1', 'p2']), { nil: undefined }),
          actions: fc.array(actionArbitrary, { minLength: 1, maxLength: 2 }),
        })
        .map((fields): PromotionDocument => {
          const { stackGroup, combinableWith, actions, ...rest } = fields;
          return promotion(id, {
            ...rest,
            // Generated item filters may be undefined, which the document reads as "every item".
            actions: actions as PromotionDocument['actions'],
            ...(stackGroup === undefined ? {} : { stackGroup }),
            ...(combinableWith === undefined ? {} : { combinableWith }),
          });
        }),
    ),
  ),
);

const optionsArbitrary = fc.record({
  mode: fc.constantFrom('stack' as const, 'best_single' as const),
  minimumMarginPercent: fc.integer({ min: 0, max: 40 }),
  cap: fc.option(
    fc.record({
      amount: fc.integer({ min: 0, max: 100000 }),
      percentOfSubtotal: fc.integer({ min: 0, max: 100 }),
    }),
    { nil: undefined },
  ),
});

const policies = {
  shipping: {
    options: [
      {
        id: 'home',
        name: { en: 'Home', 'zh-TW': '宅配' },
        regions: [{ country: 'TW' }],
        fee: 10000,
        freeOver: 300000,
        businessDays: { min: 1, max: 2 },
      },
    ],
  },
  tax: [{ id: 'tw', name: { en: 'VAT', 'zh-TW': '營業稅' }, country: 'TW', rate: 5, inclusive: true }],
};

type GeneratedOptions = Omit<PricingOptions, 'cap'> & {
  cap: { amount: number; percentOfSubtotal: number } | undefined;
};

function run(
  lines: readonly CartLineFacts[],
  promotions: readonly PromotionDocument[],
  options: GeneratedOptions,
): PricingResult {
  const { cap, ...rest } = options;
  return priceCart(
    { currency: 'TWD', now: NOW, lines, destination: { country: 'TW' } },
    ruleSet(promotions, { policies }),
    cap === undefined ? rest : { ...rest, cap },
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

const scenario = fc.record({
  lines: linesArbitrary,
  promotions: promotionsArbitrary,
  options: optionsArbitrary,
});

describe('priceCart properties', () => {
  it('never charges below zero nor sells a line below its floor', () => {
    fc.assert(
      fc.property(scenario, ({ lines, promotions, options }) => {
        const result = run(lines, promotions, options);
        expect(result.grandTotal).toBeGreaterThanOrEqual(0);
        expect(result.shipping.total).toBeGreaterThanOrEqual(0);
        for (const line of result.lines) {
          expect(line.total).toBeGreaterThanOrEqual(line.floor);
          expect(line.total).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never stacks an exclusive promotion and accounts for every promotion once', () => {
    fc.assert(
      fc.property(scenario, ({ lines, promotions, options }) => {
        const result = run(lines, promotions, options);
        const exclusive = new Set(promotions.filter((p) => p.exclusive).map((p) => p.id));
        if (result.applied.some((a) => exclusive.has(a.promotionId))) expect(result.applied).toHaveLength(1);
        if (options.mode === 'best_single') expect(result.applied.length).toBeLessThanOrEqual(1);
        const mentioned = [...result.applied, ...result.rejected].map((r) => r.promotionId);
        expect(new Set(mentioned).size).toBe(mentioned.length);
        expect(mentioned).toHaveLength(promotions.length);
      }),
      { numRuns: 300 },
    );
  });

  it('adds line discounts up to the order discount and holds the cap', () => {
    fc.assert(
      fc.property(scenario, ({ lines, promotions, options }) => {
        const result = run(lines, promotions, options);
        expect(sum(result.lines.map((l) => l.discount))).toBe(result.discount);
        for (const line of result.lines)
          expect(sum(line.adjustments.map((a) => a.amount))).toBe(line.discount);
        expect(sum(result.applied.map((a) => a.merchandise))).toBe(result.discount);
        expect(sum(result.applied.map((a) => a.shipping))).toBe(result.shipping.discount);
        expect(result.subtotal - result.discount).toBe(result.merchandiseTotal);
        if (options.cap) {
          expect(result.discount).toBeLessThanOrEqual(options.cap.amount);
          expect(result.discount).toBeLessThanOrEqual(
            Math.floor((result.subtotal * options.cap.percentOfSubtotal) / 100) + 1,
          );
        }
        expect(sum(result.tax.lines.map((l) => l.amount)) + result.tax.shipping).toBe(result.tax.amount);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of rules or lines, and repeats itself exactly', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) =>
          fc.record({
            s: fc.constant(s),
            lines: fc.shuffledSubarray(s.lines, { minLength: s.lines.length, maxLength: s.lines.length }),
            promotions: fc.shuffledSubarray(s.promotions, {
              minLength: s.promotions.length,
              maxLength: s.promotions.length,
            }),
          }),
        ),
        ({ s, lines, promotions }) => {
          const first = run(s.lines, s.promotions, s.options);
          expect(run(s.lines, s.promotions, s.options)).toEqual(first);
          const shuffled = run(lines, promotions, s.options);
          const byId = (r: PricingResult) => ({
            ...r,
            lines: [...r.lines].sort((a, b) => (a.id < b.id ? -1 : 1)),
          });
          expect(byId(shuffled)).toEqual(byId(first));
        },
      ),
      { numRuns: 200 },
    );
  });
});
