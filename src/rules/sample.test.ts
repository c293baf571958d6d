import { describe, expect, it } from 'vitest';
import { buildSampleRuleSet, evaluateReturnPolicy, type PricingContext, priceCart } from './index.js';
import { cartLine } from './testing.js';

const rules = buildSampleRuleSet({
  socks: { categories: ['Socks'] },
  clearance: { tags: ['clearance'] },
  memberTiers: ['member'],
});
const now = Date.UTC(2026, 2, 10, 2);
const socks = (id: string, price: number, quantity = 1) =>
  cartLine(id, price, { categoryPath: ['Apparel', 'Socks'], quantity, weightGrams: 80 });
const destination = { country: 'TW', postalCode: '106' };

function quote(context: Partial<PricingContext>) {
  return priceCart({ currency: 'TWD', now, lines: [], destination, ...context }, rules);
}

describe('sample rule set', () => {
  it('gives the welcome code 10% on a first order and includes 5% VAT', () => {
    const result = quote({
      lines: [cartLine('jacket', 200000)],
      customer: { id: 'c1', firstOrder: true },
      coupons: ['WELCOME10'],
    });
    expect(result.applied.map((a) => [a.promotionId, a.amount])).toEqual([['welcome-10', 20000]]);
    expect(result.grandTotal).toBe(180000);
    expect(result.tax).toMatchObject({ inclusive: true, amount: 8571 }); // 180000 × 5/105
    expect(result.shipping).toMatchObject({ fee: 0, option: expect.objectContaining({ freeApplied: true }) });
  });

  it('gives the third pair of socks free and charges pickup shipping under the threshold', () => {
    const result = quote({
      lines: [socks('s1', 14900, 2), socks('s2', 9900)],
      shippingOptionId: 'cvs-pickup',
    });
    expect(result.applied.map((a) => [a.promotionId, a.amount])).toEqual([['socks-buy-2-get-1', 9900]]);
    expect(result.shipping).toMatchObject({ fee: 6000, discount: 0 });
    expect(result.rejected.find((r) => r.promotionId === 'pickup-shipping-free')?.code).toBe(
      'min_subtotal_not_met',
    );
  });

  it('stacks the members discount with the pickup shipping offer only', () => {
    const result = quote({
      lines: [cartLine('bag', 60000)],
      customer: { id: 'm1', tier: 'member' },
      shippingOptionId: 'cvs-pickup',
    });
    expect(result.applied.map((a) => [a.promotionId, a.amount])).toEqual([
      ['members-discount', 3000],
      ['pickup-shipping-free', 6000],
    ]);
    expect(result.grandTotal).toBe(57000);
  });

  it('reaches the spend-and-save tiers', () => {
    expect(quote({ lines: [cartLine('tent', 520000)] }).applied).toEqual([
      expect.objectContaining({ promotionId: 'spend-and-save', amount: 60000 }),
    ]);
  });

  it('runs the clearance sale alone when it saves the most', () => {
    const result = quote({
      lines: [cartLine('old', 300000, { tags: ['clearance'] }), cartLine('new', 10000)],
    });
    expect(result.applied.map((a) => [a.promotionId, a.amount])).toEqual([['clearance-sale', 90000]]);
    expect(result.rejected.find((r) => r.promotionId === 'spend-and-save')?.code).toBe('exclusive_applied');
  });

  it('returns clearance in seven days and members in sixty', () => {
    const decisions = evaluateReturnPolicy(
      {
        now: now + 20 * 86_400_000,
        orderedAt: now,
        deliveredAt: now,
        customerTier: 'member',
        timeZone: 'Asia/Taipei',
        lines: [{ id: 'a', tags: ['clearance'] }, { id: 'b' }],
      },
      rules.policies.returns!,
    );
    expect(decisions.map((d) => [d.eligible, d.windowDays])).toEqual([
      [false, 7],
      [true, 60],
    ]);
  });
});
