import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByWeight, formatMoney, parseDecimal, parseMoney, toDecimal } from './index.js';

describe('money', () => {
  it('parses decimal text into minor units of the currency', () => {
    expect(parseDecimal('15.00', 'USD')).toEqual({ amount: 1500, currency: 'USD' });
    expect(parseDecimal('1,299', 'TWD').amount).toBe(129900);
    expect(parseDecimal('500', 'JPY').amount).toBe(500);
    expect(parseDecimal('1.2345', 'KWD').amount).toBe(1235);
    expect(parseDecimal('0.105', 'USD').amount).toBe(11);
  });

  it('parses feed prices with the currency after or before the number', () => {
    expect(parseMoney('15.00 USD')).toEqual({ amount: 1500, currency: 'USD' });
    expect(parseMoney('EUR 9.5')).toEqual({ amount: 950, currency: 'EUR' });
    expect(parseMoney('12.5', 'GBP')).toEqual({ amount: 1250, currency: 'GBP' });
  });

  it('rejects text that is not an amount', () => {
    expect(() => parseDecimal('abc', 'USD')).toThrow(/not a decimal/);
    expect(() => parseDecimal('1.2.3', 'USD')).toThrow();
    expect(() => parseMoney('15.00')).toThrow(/currency/);
    expect(() => parseDecimal('1', 'usdollar')).toThrow(/ISO 4217/);
  });

  it('round-trips minor units through decimal text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('USD', 'JPY', 'KWD', 'TWD'),
        (n, c) => {
          expect(parseDecimal(toDecimal({ amount: n, currency: c }), c).amount).toBe(n);
        },
      ),
    );
  });

  it('formats for shoppers in their locale', () => {
    expect(formatMoney({ amount: 129900, currency: 'TWD' }, 'en')).toContain('1,299');
    expect(formatMoney({ amount: 1500, currency: 'USD' }, 'en')).toBe('$15.00');
  });

  it('allocates a total across weights exactly, by largest remainder', () => {
    expect(allocateByWeight(100, [1, 1, 1])).toEqual([34, 33, 33]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1 }),
        (t, w) => {
          const parts = allocateByWeight(t, w);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(t);
          expect(parts.every((p) => p >= 0)).toBe(true);
        },
      ),
    );
  });
});
