import { describe, expect, it } from 'vitest';
import {
  type PricingContext,
  type PricingOptions,
  type PricingResult,
  priceCart,
  usageDelta,
} from './index.js';
import type { PromotionDocument } from './promotion-schema.js';
import { cartLine, promotion, ruleSet } from './testing.js';
import type { CartLineFacts } from './types.js';

const NOW = Date.UTC(2026, 2, 10, 4);

function quote(
  promotions: readonly PromotionDocument[],
  lines: readonly CartLineFacts[],
  context: Partial<PricingContext> = {},
  options: PricingOptions = {},
): PricingResult {
  return priceCart({ currency: 'TWD', now: NOW, lines, ...context }, ruleSet(promotions), options);
}

function rejection(result: PricingResult, id: string) {
  return result.rejected.find((r) => r.promotionId === id);
}

describe('priceCart actions', () => {
  it('takes a percent off the order and prorates it across lines by largest remainder', () => {
    const result = quote([promotion('p10')], [cartLine('a', 1001), cartLine('b', 2002)]);
    expect(result.discount).toBe(300); // 300.3 rounds half-up to 300
    expect(result.lines.map((l) => l.discount)).toEqual([100, 200]);
    expect(result.orderAdjustments).toEqual([
      { promotionId: 'p10', version: 1, name: 'Promotion p10', amount: 300 },
    ]);
    expect(result.lines[0]?.adjustments).toEqual([
      { promotionId: 'p10', version: 1, name: 'Promotion p10', kind: 'order', amount: 100 },
    ]);
  });

  it('takes a fixed amount off the order, never below zero', () => {
    const result = quote(
      [promotion('f', { actions: [{ type: 'order_fixed', amount: 5000 }] })],
      [cartLine('a', 3000)],
    );
    expect(result.discount).toBe(3000);
    expect(result.grandTotal).toBe(0);
  });

  it('discounts only the matching items, per item or spread', () => {
    const socks = { field: 'line.tags', op: 'contains', value: 'socks' } as const;
    const lines = [cartLine('a', 1000, { tags: ['socks'], quantity: 3 }), cartLine('b', 5000)];
    const each = quote(
      [promotion('e', { actions: [{ type: 'item_fixed', amount: 100, items: socks }] })],
      lines,
    );
    expect(each.lines.map((l) => l.discount)).toEqual([300, 0]);
    const percent = quote(
      [promotion('p', { actions: [{ type: 'item_percent', percent: 20, items: socks }] })],
      lines,
    );
    expect(percent.lines.map((l) => l.discount)).toEqual([600, 0]);
    const spread = quote(
      [
        promotion('s', {
          actions: [
            {
              type: 'item_fixed',
              amount: 900,
              per: 'spread',
              items: { field: 'line.unitPrice', op: 'gte', value: 1000 },
            },
          ],
        }),
      ],
      lines,
    );
    expect(spread.lines.map((l) => l.discount)).toEqual([338, 562]); // 3000 : 5000 of 900
  });

  it('gives the cheapest matching unit free per buy-2-get-1 group', () => {
    const b2g1 = promotion('bxgy', { actions: [{ type: 'buy_x_get_y', buy: 2, get: 1 }] });
    const lines = [
      cartLine('a', 300, { quantity: 2 }),
      cartLine('b', 100, { quantity: 2 }),
      cartLine('c', 200, { quantity: 2 }),
    ];
    // Six units make two groups: the two cheapest units (both of line b) are free.
    expect(quote([b2g1], lines).lines.map((l) => l.discount)).toEqual([0, 200, 0]);
    expect(quote([b2g1], [cartLine('a', 300, { quantity: 2 })]).discount).toBe(0);
  });

  it('takes a percent off the cheapest units and honours the application limit', () => {
    const half = promotion('half', {
      actions: [{ type: 'buy_x_get_y', buy: 1, get: 1, percent: 50, maxApplications: 1 }],
    });
    const result = quote([half], [cartLine('a', 1000, { quantity: 4 }), cartLine('b', 401)]);
    expect(result.lines.map((l) => l.discount)).toEqual([0, 201]); // 200.5 rounds up
  });

  it('applies the best tier reached and says how far the lowest tier is', () => {
    const tiers = promotion('tiers', {
      actions: [
        {
          type: 'tiered',
          tiers: [
            { minSubtotal: 300000, amount: 30000 },
            { minSubtotal: 500000, amount: 60000 },
          ],
        },
      ],
    });
    expect(quote([tiers], [cartLine('a', 520000)]).discount).toBe(60000);
    expect(quote([tiers], [cartLine('a', 310000)]).discount).toBe(30000);
    const short = quote([tiers], [cartLine('a', 250000)]);
    expect(rejection(short, 'tiers')).toMatchObject({
      code: 'min_subtotal_not_met',
      details: { expected: 300000, actual: 250000 },
    });
    expect(rejection(short, 'tiers')?.message.en).toContain('NT$3,000');
  });

  it('works in a currency without minor digits', () => {
    const result = priceCart(
      { currency: 'JPY', now: NOW, lines: [cartLine('a', 999)] },
      ruleSet([promotion('p', { actions: [{ type: 'order_percent', percent: 15 }] })], { currency: 'JPY' }),
    );
    expect(result.discount).toBe(150); // 149.85
    expect(result.grandTotal).toBe(849);
  });

  it('refuses a cart in another currency than the rules', () => {
    expect(() => priceCart({ currency: 'USD', now: NOW, lines: [] }, ruleSet([]))).toThrow(/USD/);
  });
});

describe('priceCart eligibility', () => {
  it('explains dates, codes and conditions with machine-readable codes', () => {
    const result = quote(
      [
        promotion('later', { startsAt: '2026-04-01T00:00:00Z' }),
        promotion('over', { endsAt: '2026-03-01T00:00:00Z' }),
        promotion('coded', { codes: ['VIP'] }),
        promotion('gold', { conditions: { field: 'customer.tier', op: 'eq', value: 'gold' } }),
        promotion('min', { conditions: { field: 'cart.subtotal', op: 'gte', value: 500000 } }),
      ],
      [cartLine('a', 1000)],
      { customer: { id: 'c1', tier: 'silver' }, coupons: ['nope'] },
    );
    expect(result.applied).toEqual([]);
    expect(result.rejected.map((r) => [r.promotionId, r.code])).toEqual([
      [null, 'unknown_code'],
      ['coded', 'coupon_required'],
      ['gold', 'customer_not_eligible'],
      ['later', 'not_started'],
      ['min', 'min_subtotal_not_met'],
      ['over', 'expired'],
    ]);
    expect(rejection(result, 'min')?.message['zh-TW']).toContain('需消費滿');
  });

  it('applies a coupon promotion when its code is entered in any case', () => {
    const result = quote([promotion('coded', { codes: ['VIP'] })], [cartLine('a', 1000)], {
      coupons: [' vip '],
    });
    expect(result.applied.map((a) => a.promotionId)).toEqual(['coded']);
    expect(result.rejected).toEqual([]);
  });

  it('says first orders only for a welcome code used by a returning customer', () => {
    const result = quote(
      [
        promotion('welcome', {
          codes: ['WELCOME10'],
          conditions: { field: 'customer.firstOrder', op: 'eq', value: true },
        }),
      ],
      [cartLine('a', 1000)],
      { customer: { id: 'c1', firstOrder: false }, coupons: ['WELCOME10'] },
    );
    expect(rejection(result, 'welcome')?.code).toBe('customer_not_eligible');
    expect(rejection(result, 'welcome')?.message.en).toBe('Promotion welcome is for first orders only.');
  });

  it('mentions a draft promotion only when its code was typed', () => {
    const draft = promotion('draft', { status: 'draft', codes: ['SOON'] });
    expect(quote([draft], [cartLine('a', 1000)]).rejected).toEqual([]);
    expect(quote([draft], [cartLine('a', 1000)], { coupons: ['SOON'] }).rejected.map((r) => r.code)).toEqual([
      'inactive',
    ]);
  });

  it('rejects exhausted usage limits and budgets from the counters it is given', () => {
    const limited = promotion('limited', { limits: { totalUses: 10, perCustomerUses: 1, budget: 5000 } });
    const lines = [cartLine('a', 10000)];
    const customer = { id: 'c1' };
    const used = (uses: number, customerUses: number, spent: number) =>
      quote([limited], lines, { customer, usage: { limited: { uses, customerUses, spent } } }).rejected[0];
    expect(used(10, 0, 0)).toMatchObject({ code: 'usage_limit_reached', details: { scope: 'total' } });
    expect(used(3, 1, 0)).toMatchObject({ code: 'usage_limit_reached', details: { scope: 'customer' } });
    expect(used(3, 0, 5000)).toMatchObject({ code: 'budget_exhausted' });
    expect(quote([limited], lines).rejected[0]).toMatchObject({ code: 'customer_not_eligible' });
  });

  it('clips a grant to the budget left and records what it used', () => {
    const result = quote([promotion('b', { limits: { budget: 5000 } })], [cartLine('a', 10000)], {
      customer: { id: 'c1' },
      usage: { b: { uses: 7, customerUses: 0, spent: 4700 } },
    });
    expect(result.discount).toBe(300);
    expect(result.applied[0]?.notes.map((n) => n.code)).toEqual(['budget_clipped']);
    expect(usageDelta(result)).toEqual([
      { promotionId: 'b', version: 1, uses: 1, spent: 300, customerId: 'c1' },
    ]);
  });

  it('names items that do not qualify', () => {
    const result = quote(
      [
        promotion('shoes', {
          actions: [
            { type: 'item_percent', percent: 10, items: { field: 'line.brand', op: 'eq', value: 'Acme' } },
          ],
        }),
      ],
      [cartLine('a', 1000, { brand: 'Other' })],
    );
    expect(rejection(result, 'shoes')?.code).toBe('no_matching_items');
  });
});

describe('priceCart stacking', () => {
  const lines = [cartLine('a', 10000), cartLine('b', 20000)];

  it('applies promotions in priority order, each on what is left', () => {
    const result = quote(
      [
        promotion('second', { priority: 20 }),
        promotion('first', { priority: 10, actions: [{ type: 'order_fixed', amount: 10000 }] }),
      ],
      lines,
    );
    expect(result.applied.map((a) => [a.promotionId, a.amount])).toEqual([
      ['first', 10000],
      ['second', 2000],
    ]);
  });

  it('keeps one promotion per stack group and honours combinableWith', () => {
    const result = quote(
      [
        promotion('a1', { priority: 1, stackGroup: 'order' }),
        promotion('a2', { priority: 2, stackGroup: 'order' }),
        promotion('members', { priority: 3, combinableWith: ['shipping'] }),
      ],
      lines,
    );
    expect(result.applied.map((a) => a.promotionId)).toEqual(['a1']);
    expect(rejection(result, 'a2')).toMatchObject({
      code: 'not_combinable',
      details: { conflictsWithId: 'a1' },
    });
    expect(rejection(result, 'members')?.code).toBe('not_combinable');
  });

  it('lets an exclusive promotion win only when it saves more than the combination', () => {
    const small = [
      promotion('x', { exclusive: true, actions: [{ type: 'order_percent', percent: 15 }] }),
      promotion('a'),
      promotion('b'),
    ];
    const combined = quote(small, lines);
    expect(combined.applied.map((a) => a.promotionId)).toEqual(['a', 'b']);
    expect(rejection(combined, 'x')?.code).toBe('better_promotion_applied');
    const big = [
      promotion('x', { exclusive: true, actions: [{ type: 'order_percent', percent: 30 }] }),
      promotion('a'),
      promotion('b'),
    ];
    const exclusive = quote(big, lines);
    expect(exclusive.applied.map((a) => a.promotionId)).toEqual(['x']);
    expect(exclusive.rejected.map((r) => [r.promotionId, r.code])).toEqual([
      ['a', 'exclusive_applied'],
      ['b', 'exclusive_applied'],
    ]);
  });

  it('breaks a savings tie between exclusives by id', () => {
    const result = quote([promotion('z', { exclusive: true }), promotion('y', { exclusive: true })], lines);
    expect(result.applied.map((a) => a.promotionId)).toEqual(['y']);
  });

  it('applies only the best promotion in best-single mode', () => {
    const result = quote(
      [promotion('five', { actions: [{ type: 'order_percent', percent: 5 }] }), promotion('ten')],
      lines,
      {},
      { mode: 'best_single' },
    );
    expect(result.applied.map((a) => a.promotionId)).toEqual(['ten']);
    expect(rejection(result, 'five')?.code).toBe('better_promotion_applied');
  });

  it('caps the total discount and says which promotion was reduced', () => {
    const promotions = [promotion('a', { priority: 1 }), promotion('b', { priority: 2 })];
    const result = quote(promotions, lines, {}, { cap: { amount: 4000, percentOfSubtotal: 50 } });
    expect(result.discount).toBe(4000);
    expect(result.applied.map((a) => [a.promotionId, a.amount, a.notes.map((n) => n.code)])).toEqual([
      ['a', 3000, []],
      ['b', 1000, ['capped']],
    ]);
    const none = quote(promotions, lines, {}, { cap: { percentOfSubtotal: 10 } });
    expect(none.discount).toBe(3000);
    expect(rejection(none, 'b')).toMatchObject({ code: 'capped', details: { cap: 3000 } });
  });
});

describe('priceCart price guards', () => {
  it('clips a promotion at cost plus the minimum margin and says so', () => {
    const result = quote(
      [promotion('half', { actions: [{ type: 'order_percent', percent: 50 }] })],
      [cartLine('a', 10000, { cost: 6000 })],
      {},
      {
        minimumMarginPercent: 10,
      },
    );
    expect(result.lines[0]?.total).toBe(6600);
    expect(result.applied[0]?.notes[0]).toMatchObject({ code: 'floor_price' });
    expect(result.applied[0]?.notes[0]?.message['zh-TW']).toContain('最低售價');
  });

  it('uses the deepest category override and an explicit floor', () => {
    const lines = [
      cartLine('a', 10000, { cost: 5000, categoryPath: ['Apparel', 'Clearance'] }),
      cartLine('b', 10000, { floorPrice: 9000 }),
    ];
    const result = quote(
      [promotion('all', { actions: [{ type: 'order_percent', percent: 90 }] })],
      lines,
      {},
      {
        minimumMarginPercent: 30,
        categoryMarginPercents: { Apparel: 20, Clearance: 0 },
      },
    );
    expect(result.lines.map((l) => l.total)).toEqual([5000, 9000]);
  });

  it('passes the share a floored line cannot take to the other lines', () => {
    const lines = [cartLine('a', 10000, { floorPrice: 10000 }), cartLine('b', 10000)];
    const result = quote([promotion('f', { actions: [{ type: 'order_fixed', amount: 2000 }] })], lines);
    expect(result.lines.map((l) => l.discount)).toEqual([0, 2000]);
    expect(result.applied[0]?.notes).toEqual([]);
  });

  it('rejects with floor_price when a line is already at its floor', () => {
    const result = quote([promotion('p')], [cartLine('a', 10000, { floorPrice: 10000 })]);
    expect(result.rejected[0]?.code).toBe('floor_price');
  });
});

describe('priceCart shipping, tax and time', () => {
  const policies = {
    shipping: {
      options: [
        {
          id: 'home',
          name: { en: 'Home', 'zh-TW': '宅配' },
          regions: [{ country: 'TW' }],
          fee: 10000,
          businessDays: { min: 1, max: 2 },
        },
        {
          id: 'pickup',
          name: { en: 'Pickup', 'zh-TW': '超商' },
          regions: [{ country: 'TW' }],
          fee: 6000,
          businessDays: { min: 2, max: 3 },
        },
      ],
    },
    tax: [
      { id: 'us', name: { en: 'Sales tax', 'zh-TW': '銷售稅' }, country: 'US', rate: 8.5, inclusive: false },
    ],
  };
  const offer = promotion('ship', { actions: [{ type: 'shipping', amount: 3000, options: ['home'] }] });
  const price = (context: Partial<PricingContext>, promotions = [offer], zone = 'UTC') =>
    priceCart(
      {
        currency: 'TWD',
        now: NOW,
        lines: [cartLine('a', 50000)],
        destination: { country: 'TW' },
        ...context,
      },
      ruleSet(promotions, { policies, timeZone: zone }),
    );

  it('discounts the chosen option and explains an offer for another option', () => {
    const home = price({ shippingOptionId: 'home' });
    expect(home.shipping).toMatchObject({ fee: 10000, discount: 3000, total: 7000 });
    expect(home.grandTotal).toBe(57000);
    const pickup = price({ shippingOptionId: 'pickup' });
    expect(pickup.shipping).toMatchObject({ fee: 6000, discount: 0 });
    expect(rejection(pickup, 'ship')?.code).toBe('no_shipping_to_discount');
  });

  it('falls back to the cheapest option when the requested one is not offered', () => {
    const result = price({ shippingOptionId: 'drone' }, []);
    expect(result.shipping).toMatchObject({
      requestedOptionUnavailable: true,
      option: expect.objectContaining({ id: 'pickup' }),
    });
  });

  it('adds exclusive tax to the grand total', () => {
    const result = price({ destination: { country: 'US' } }, []);
    expect(result.tax).toMatchObject({ inclusive: false, amount: 4250 });
    expect(result.grandTotal).toBe(54250);
  });

  it('reads the hour in the rule set time zone', () => {
    const happyHour = promotion('happy', { conditions: { field: 'time.hour', op: 'gte', value: 12 } });
    // NOW is 04:00 UTC, 12:00 in Taipei.
    expect(price({}, [happyHour], 'Asia/Taipei').applied.map((a) => a.promotionId)).toEqual(['happy']);
    expect(rejection(price({}, [happyHour], 'UTC'), 'happy')?.code).toBe('outside_time_window');
  });
});
