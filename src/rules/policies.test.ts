import { describe, expect, it } from 'vitest';
import {
  canTransition,
  computeTax,
  evaluateReturnPolicy,
  loadPolicySet,
  RuleValidationError,
  shippingOptions,
} from './index.js';

const policies = loadPolicySet({
  returns: {
    defaultDays: 30,
    rules: [
      { id: 'members', priority: 20, match: { tiers: ['member'] }, days: 60 },
      {
        id: 'clearance',
        priority: 10,
        match: { categories: ['Clearance'] },
        days: 7,
        refundMethods: ['store_credit'],
      },
      { id: 'final', priority: 5, match: { tags: ['final-sale'] }, days: 0 },
    ],
  },
  transitions: [
    { action: 'cancel', states: ['pending', 'paid'] },
    { action: 'exchange', states: ['delivered'], reasons: ['wrong_size', 'defective'] },
  ],
  shipping: {
    timeZone: 'Asia/Taipei',
    holidays: ['2026-02-16'],
    options: [
      {
        id: 'home',
        name: { en: 'Home delivery', 'zh-TW': '宅配' },
        regions: [{ country: 'TW' }],
        fee: 10000,
        weightBands: [
          { maxGrams: 5000, fee: 10000 },
          { maxGrams: 20000, fee: 16000 },
        ],
        freeOver: 99000,
        businessDays: { min: 1, max: 3 },
        cutoffHour: 15,
      },
      {
        id: 'islands',
        name: { en: 'Outlying islands', 'zh-TW': '離島' },
        regions: [{ country: 'TW', postalPrefixes: ['880', '890', '209'] }],
        fee: 25000,
        maxWeightGrams: 5000,
        businessDays: { min: 3, max: 5 },
      },
    ],
  },
  tax: [
    { id: 'tw', name: { en: 'VAT', 'zh-TW': '營業稅' }, country: 'TW', rate: 5, inclusive: true },
    {
      id: 'us-ca',
      name: { en: 'CA sales tax', 'zh-TW': '加州銷售稅' },
      country: 'US',
      postalPrefixes: ['9'],
      rate: 7.25,
      inclusive: false,
      shippingTaxable: false,
    },
    { id: 'us', name: { en: 'Sales tax', 'zh-TW': '銷售稅' }, country: 'US', rate: 5, inclusive: false },
  ],
});

const DAY = 86_400_000;
// Friday 13 February 2026, 10:00 in Taipei.
const FRIDAY_MORNING = Date.UTC(2026, 1, 13, 2);

describe('return policy', () => {
  const delivered = Date.UTC(2026, 0, 1, 4);
  const lines = [
    { id: 'shirt', categoryPath: ['Apparel'] },
    { id: 'sale', categoryPath: ['Apparel', 'Clearance'] },
    { id: 'final', tags: ['final-sale'] },
  ];

  it('gives the default window, clearance seven days, final sale none', () => {
    const decisions = evaluateReturnPolicy(
      {
        now: delivered + 5 * DAY,
        orderedAt: delivered - DAY,
        deliveredAt: delivered,
        lines,
        timeZone: 'Asia/Taipei',
      },
      policies.returns!,
    );
    expect(decisions.map((d) => [d.lineId, d.code, d.windowDays, d.lastDay])).toEqual([
      ['shirt', 'within_window', 30, '2026-01-31'],
      ['sale', 'within_window', 7, '2026-01-08'],
      ['final', 'final_sale', 0, '2026-01-01'],
    ]);
    expect(decisions[1]?.refundMethods).toEqual(['store_credit']);
    expect(decisions[0]?.refundMethods).toEqual(['original']);
  });

  it('gives members sixty days but keeps clearance at seven', () => {
    const decisions = evaluateReturnPolicy(
      {
        now: delivered + 45 * DAY,
        orderedAt: delivered,
        deliveredAt: delivered,
        customerTier: 'member',
        lines,
      },
      policies.returns!,
    );
    expect(decisions.map((d) => [d.code, d.windowDays])).toEqual([
      ['within_window', 60],
      ['window_closed', 7],
      ['final_sale', 0],
    ]);
    expect(decisions[1]?.message['zh-TW']).toContain('已於 2026-01-08 結束');
  });

  it('counts from the order when nothing was delivered yet', () => {
    const [decision] = evaluateReturnPolicy(
      { now: delivered, orderedAt: delivered, lines: [lines[0]!] },
      policies.returns!,
    );
    expect(decision?.daysLeft).toBe(30);
  });
});

describe('order transitions', () => {
  const rules = policies.transitions!;

  it('allows a cancel while the order is paid, not once shipped', () => {
    expect(canTransition('paid', 'cancel', undefined, rules).allowed).toBe(true);
    const shipped = canTransition('shipped', 'cancel', undefined, rules);
    expect(shipped).toMatchObject({
      allowed: false,
      code: 'state_not_allowed',
      allowedStates: ['pending', 'paid'],
    });
  });

  it('allows an exchange only for listed reasons', () => {
    expect(canTransition('delivered', 'exchange', 'wrong_size', rules).allowed).toBe(true);
    expect(canTransition('delivered', 'exchange', 'changed_mind', rules)).toMatchObject({
      code: 'reason_not_allowed',
      allowedReasons: ['wrong_size', 'defective'],
    });
  });

  it('refuses an action the store does not offer', () => {
    expect(canTransition('pending', 'modify', undefined, rules).code).toBe('action_not_offered');
  });
});

describe('shipping options', () => {
  const shipping = policies.shipping!;

  it('quotes options for the destination with dates in business days', () => {
    const options = shippingOptions(
      {
        now: FRIDAY_MORNING,
        destination: { country: 'TW', postalCode: '100' },
        weightGrams: 1200,
        subtotal: 50000,
      },
      shipping,
    );
    // Friday + 1 business day is Monday 16 Feb, a holiday, so Tuesday; + 3 is Thursday.
    expect(options).toEqual([
      expect.objectContaining({
        id: 'home',
        fee: 10000,
        freeApplied: false,
        estimate: { minBusinessDays: 1, maxBusinessDays: 3, earliest: '2026-02-17', latest: '2026-02-19' },
      }),
    ]);
  });

  it('starts counting the next day after the cutoff hour', () => {
    const [home] = shippingOptions(
      { now: FRIDAY_MORNING + 6 * 3_600_000, destination: { country: 'TW' }, weightGrams: 0, subtotal: 0 },
      shipping,
    );
    expect(home?.estimate.earliest).toBe('2026-02-18');
  });

  it('prices by weight band, waives the fee over the threshold and limits by postal prefix and weight', () => {
    const heavy = shippingOptions(
      {
        now: FRIDAY_MORNING,
        destination: { country: 'tw', postalCode: '880' },
        weightGrams: 8000,
        subtotal: 120000,
      },
      shipping,
    );
    expect(heavy.map((o) => [o.id, o.fee, o.standardFee, o.freeApplied])).toEqual([['home', 0, 16000, true]]);
    const island = shippingOptions(
      {
        now: FRIDAY_MORNING,
        destination: { country: 'TW', postalCode: '880' },
        weightGrams: 100,
        subtotal: 0,
      },
      shipping,
    );
    expect(island.map((o) => o.id)).toEqual(['home', 'islands']);
    expect(
      shippingOptions(
        { now: FRIDAY_MORNING, destination: { country: 'JP' }, weightGrams: 0, subtotal: 0 },
        shipping,
      ),
    ).toEqual([]);
  });
});

describe('tax', () => {
  it('takes 5% VAT out of inclusive prices, rounded once per order', () => {
    const tax = computeTax(
      {
        destination: { country: 'TW' },
        lines: [
          { id: 'a', amount: 10500 },
          { id: 'b', amount: 2100 },
        ],
        shipping: 0,
      },
      policies.tax!,
    );
    expect(tax).toMatchObject({ ruleId: 'tw', inclusive: true, amount: 600, shipping: 0 });
    expect(tax.lines).toEqual([
      { id: 'a', amount: 500 },
      { id: 'b', amount: 100 },
    ]);
  });

  it('adds exclusive tax, picks the longest postal match and may leave shipping untaxed', () => {
    const tax = computeTax(
      {
        destination: { country: 'US', postalCode: '94103' },
        lines: [{ id: 'a', amount: 1999 }],
        shipping: 500,
      },
      policies.tax!,
    );
    expect(tax).toMatchObject({ ruleId: 'us-ca', inclusive: false, amount: 145, shipping: 0 }); // 144.93
  });

  it('charges nothing where no rule applies', () => {
    expect(
      computeTax(
        { destination: { country: 'JP' }, lines: [{ id: 'a', amount: 1000 }], shipping: 0 },
        policies.tax!,
      ).amount,
    ).toBe(0);
  });
});

describe('policy documents', () => {
  it('reports invalid documents with paths', () => {
    expect(() => loadPolicySet({ shipping: { timeZone: 'Mars/Base', options: [] } })).toThrow(
      RuleValidationError,
    );
    const error = (() => {
      try {
        loadPolicySet({ returns: { defaultDays: -1 } });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RuleValidationError);
    expect((error as RuleValidationError).issues[0]?.path).toBe('$.returns.defaultDays');
  });
});
