import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoEan13, ean13CheckDigit, isValidEan13 } from './ean.js';

describe('EAN-13', () => {
  it('computes the check digit of a known barcode', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(isValidEan13('4006381333931')).toBe(true);
  });

  it('rejects a barcode with any single digit changed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (position, shift) => {
        const code = '4006381333931';
        const digit = (Number(code[position]) + shift) % 10;
        const changed = `${code.slice(0, position)}${digit}${code.slice(position + 1)}`;
        expect(isValidEan13(changed)).toBe(false);
      }),
    );
  });

  it('numbers demo items in the in-store GS1 range 20', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99_999_999 }), (brand, item) => {
        const code = demoEan13(brand, item);
        expect(code).toMatch(/^20\d{11}$/);
        expect(isValidEan13(code)).toBe(true);
      }),
    );
  });
});
