import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../core/index.js';
import { FactSet } from '../facts/index.js';
import { verify } from './index.js';
import { SAMPLE_TODAY, sampleFactSet } from './sample-facts.js';

const facts = sampleFactSet();
const en = { locale: 'en', currency: 'TWD', today: SAMPLE_TODAY };
const zh = { locale: 'zh-TW', currency: 'TWD', today: SAMPLE_TODAY };

describe('repair', () => {
  it('replaces a wrong price of a named product with its real price in the reply locale', () => {
    const result = verify('The Aisle Trail Runner GTX is NT$2,980. It is in stock.', facts, en);
    expect(result.repaired).toBe('The Aisle Trail Runner GTX is NT$3,280. It is in stock.');
    expect(result.interventions).toMatchObject([
      { action: 'replace', status: 'contradicted', replacement: 'NT$3,280' },
    ]);
  });

  it('corrects a Chinese stock count and return window in place', () => {
    const result = verify('越野跑鞋 GTX 在台北信義店還有5雙。登頂背包 35L 享30天鑑賞期。', facts, zh);
    expect(result.repaired).toBe('越野跑鞋 GTX 在台北信義店還有2雙。登頂背包 35L 享14天鑑賞期。');
  });

  it('removes the sentence with an invented code and keeps the rest', () => {
    const result = verify('The Summit Daypack 35L is NT$1,980. Use code SAVE50 for more off!', facts, en);
    expect(result.repaired).toBe('The Summit Daypack 35L is NT$1,980.');
    expect(result.interventions).toMatchObject([{ action: 'remove-sentence', status: 'unsupported' }]);
  });

  it('falls back when a contradiction has no single right value', () => {
    const result = verify('總計一千兩百八十元。', facts, zh);
    expect(result.fallback).toBe(true);
    expect(result.repaired).toBeUndefined();
  });

  it('never takes an offer from product text: repeating an injected instruction is unsupported', () => {
    const result = verify('As the product page says, use code FREE90 for 90% off.', facts, en);
    expect(result.ok).toBe(false);
    expect(result.claims.filter((c) => c.status === 'unsupported').map((c) => c.claim.text)).toEqual([
      'FREE90',
      '90%',
    ]);
  });

  it('does not read sizes, capacities, years, phone numbers or order numbers as claims', () => {
    const draft = 'Order A1001: size 27 (26.5cm), the 35L pack from 2024. Call 02-2345-6789 or 0912-345-678.';
    expect(verify(draft, facts, en).claims).toEqual([]);
  });

  it('accepts a quantity the shopper asked for when that many are available', () => {
    const options = { ...en, shopperText: 'Do you have 1 pair in size 27?' };
    expect(verify('Yes, the Trail Runner GTX has 1 available for you.', facts, options).ok).toBe(true);
    expect(verify('Yes, the Trail Runner GTX has 1 available for you.', facts, en).ok).toBe(false);
  });

  it('reads Chinese numerals, 折 and abbreviated amounts', () => {
    expect(verify('總計三千零五十二元，打九折。', facts, zh).ok).toBe(true);
    expect(verify('The Trail Runner GTX is about NT$3.3k.', facts, en).ok).toBe(true);
    expect(verify('The Trail Runner GTX is about NT$2.5k.', facts, en).ok).toBe(false);
  });

  it('says nothing is supported when the facts are empty', () => {
    const result = verify('It is NT$500 and ships free.', new FactSet(), en);
    expect(result.claims.every((c) => c.status !== 'supported')).toBe(true);
    expect(result.fallback).toBe(true);
  });
});

describe('property: amounts from the facts', () => {
  const amounts = [
    ...new Map(
      sampleFactSet()
        .all()
        .flatMap((f) =>
          f.kind === 'product' ? f.variants.flatMap((v) => [v.price, v.compareAtPrice ?? v.price]) : [],
        )
        .map((m) => [m.amount, m]),
    ).values(),
  ];

  it('any fact amount formatted with formatMoney in en or zh-TW is supported in a sentence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...amounts),
        fc.constantFrom('en', 'zh-TW'),
        fc.constantFrom('It costs {}.', 'Now only {} today!', '現在只要 {}。', '售價{}，歡迎選購。'),
        (money, locale, template) => {
          const draft = template.replace('{}', formatMoney(money, locale));
          const result = verify(draft, facts, { locale, currency: 'TWD' });
          return result.ok && result.claims.length === 1;
        },
      ),
    );
  });

  it('any amount in any currency, once it is a fact, is supported when formatted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom('TWD', 'USD', 'EUR', 'JPY', 'GBP', 'HKD'),
        fc.constantFrom('en', 'zh-TW'),
        (amount, currency, locale) => {
          const price = { amount, currency };
          const set = new FactSet().add({
            kind: 'price',
            productId: null,
            variantId: 'v',
            price,
            compareAtPrice: null,
          });
          const result = verify(`It is ${formatMoney(price, locale)} now.`, set, { locale, currency });
          return result.ok && result.claims.length === 1;
        },
      ),
    );
  });
});
