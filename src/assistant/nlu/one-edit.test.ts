import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinOneEdit } from './one-edit.js';

describe('withinOneEdit', () => {
  it.each([
    ['waterproof', 'waterprof', true],
    ['backpack', 'backapck', true],
    ['headlamp', 'headlamb', true],
    ['jacket', 'jackets', true],
    ['hiking', 'biking', true],
    ['sleeping', 'sleepign', true],
    ['tent', 'tents', true],
    ['ab', 'bc', false],
    ['jacket', 'jakcte', false],
    ['boots', 'boats!', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });

  it('holds for any single insertion, deletion, substitution or neighbour swap', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 2, maxLength: 10 });
    fc.assert(
      fc.property(word, fc.nat(), fc.constantFrom('a', 'b', 'c', 'x'), (text, at, letter) => {
        const index = at % text.length;
        const edits = [
          text.slice(0, index) + letter + text.slice(index),
          text.slice(0, index) + text.slice(index + 1),
          text.slice(0, index) + letter + text.slice(index + 1),
          index + 1 < text.length
            ? text.slice(0, index) + text[index + 1] + text[index] + text.slice(index + 2)
            : text,
        ];
        for (const edited of edits) expect(withinOneEdit(text, edited)).toBe(true);
      }),
    );
  });
});
