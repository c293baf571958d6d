import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from './index.js';

describe('ids', () => {
  it('carries its prefix and 26 characters of a lower-case base-32 alphabet', () => {
    expect(newId('prod')).toMatch(/^prod_[0-9a-hjkmnp-tv-z]{26}$/);
  });

  it('sorts by creation time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 45 }), fc.integer({ min: 1, max: 2 ** 20 }), (t, dt) => {
        expect(newId('x', t) < newId('x', t + dt)).toBe(true);
      }),
    );
  });

  it('does not repeat across many draws', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) seen.add(newId('x', 0));
    expect(seen.size).toBe(50_000);
  });
});
