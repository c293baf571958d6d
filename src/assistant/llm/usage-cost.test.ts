import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costMicros } from './usage-cost.js';

const pricing = { inputMicrosPerMillionTokens: 150_000, outputMicrosPerMillionTokens: 600_000 };

describe('costMicros', () => {
  it('prices a turn per million tokens, rounding a fraction of a micro up', () => {
    expect(costMicros(pricing, 1_000_000, 0)).toBe(150_000);
    expect(costMicros(pricing, 0, 1_000_000)).toBe(600_000);
    expect(costMicros(pricing, 250, 50)).toBe(68);
    expect(costMicros(pricing, 0, 0)).toBe(0);
  });

  it('never reports less than the exact cost, nor a whole micro more', () => {
    const count = fc.integer({ min: 0, max: 10_000_000 });
    const rate = fc.integer({ min: 0, max: 100_000_000 });
    fc.assert(
      fc.property(count, count, rate, rate, (input, output, inputRate, outputRate) => {
        const cost = costMicros(
          { inputMicrosPerMillionTokens: inputRate, outputMicrosPerMillionTokens: outputRate },
          input,
          output,
        );
        const exact = BigInt(input) * BigInt(inputRate) + BigInt(output) * BigInt(outputRate);
        const scaled = BigInt(cost) * 1_000_000n;
        expect(Number.isInteger(cost)).toBe(true);
        expect(scaled >= exact).toBe(true);
        expect(scaled - exact < 1_000_000n).toBe(true);
      }),
    );
  });
});
