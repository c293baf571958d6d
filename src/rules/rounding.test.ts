import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPercentRoundingUp, percentOf, toBasisPoints } from './rounding.js';

describe('rounding', () => {
  it('rounds a percentage of an amount half-up to the minor unit', () => {
    expect(percentOf(1005, 1000)).toBe(101); // 100.5 → 101
    expect(percentOf(1004, 1000)).toBe(100);
    expect(percentOf(333, toBasisPoints(12.5))).toBe(42); // 41.625
    expect(percentOf(0, 5000)).toBe(0);
  });

  it('stays exact beyond the range of float products', () => {
    const big = 900_719_925_474_099;
    expect(percentOf(big, 9999)).toBe(Number((BigInt(big) * 9999n + 5000n) / 10000n));
  });

  it('agrees with exact integer arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 10000 }), (amount, bp) => {
        expect(percentOf(amount, bp)).toBe(Number((BigInt(amount) * BigInt(bp) + 5000n) / 10000n));
      }),
    );
  });

  it('rounds a floor up so it is never a unit short', () => {
    expect(addPercentRoundingUp(1001, 1000)).toBe(1102); // 1101.1
    expect(addPercentRoundingUp(1000, 0)).toBe(1000);
  });
});
