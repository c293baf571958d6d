import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedTypos, boundedEditDistance } from './edit-distance.js';

describe('boundedEditDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(boundedEditDistance('jakcet', 'jacket', 2)).toBe(1);
    expect(boundedEditDistance('waterprof', 'waterproof', 2)).toBe(1);
    expect(boundedEditDistance('watreproff', 'waterproof', 2)).toBe(2);
  });

  it('gives up past the limit', () => {
    expect(boundedEditDistance('tent', 'teapot', 1)).toBe(2);
  });

  it('is symmetric, zero only for equal words, and never beyond limit + 1', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }),
        fc.string({ maxLength: 8 }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, limit) => {
          const distance = boundedEditDistance(a, b, limit);
          expect(distance).toBe(boundedEditDistance(b, a, limit));
          expect(distance === 0).toBe(a === b);
          expect(distance).toBeLessThanOrEqual(limit + 1);
        },
      ),
    );
  });

  it('finds a single edit of any kind within one', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 2, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom('insert', 'delete', 'replace'),
        (word, at, edit) => {
          const index = at % word.length;
          const edited =
            edit === 'insert'
              ? `${word.slice(0, index)}#${word.slice(index)}`
              : edit === 'delete'
                ? word.slice(0, index) + word.slice(index + 1)
                : `${word.slice(0, index)}#${word.slice(index + 1)}`;
          expect(boundedEditDistance(word, edited, 1)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('allowedTypos', () => {
  it('allows none below four characters, one from four and two from eight', () => {
    expect([3, 4, 7, 8].map(allowedTypos)).toEqual([0, 1, 1, 2]);
  });
});
