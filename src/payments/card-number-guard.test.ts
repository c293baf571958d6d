import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsCardNumber, rejectCardNumber } from './card-number-guard.js';

/** Appends the Luhn check digit to `body`. */
function withCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${body}${digit}`;
    let sum = 0;
    for (let index = 0; index < candidate.length; index++) {
      let value = Number(candidate[candidate.length - 1 - index]);
      if (index % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      sum += value;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

describe('card number guard', () => {
  it('recognizes test card numbers, plain or grouped', () => {
    expect(containsCardNumber('4242424242424242')).toBe(true);
    expect(containsCardNumber('4242 4242 4242 4242')).toBe(true);
    expect(containsCardNumber('5555-5555-5555-4444')).toBe(true);
    expect(containsCardNumber('card: 378282246310005 exp 12/34')).toBe(true);
  });

  it('lets tokens, short numbers and failing checksums through', () => {
    expect(containsCardNumber('pm_card_visa')).toBe(false);
    expect(containsCardNumber('pi_3PfixtureAAAA0000')).toBe(false);
    expect(containsCardNumber('4242424242424241')).toBe(false);
    expect(containsCardNumber('123456789012')).toBe(false);
    expect(containsCardNumber('12345678901234567890123')).toBe(false);
  });

  it('finds any Luhn-valid number of 13 to 19 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{11,17}$/), (body) => {
        expect(containsCardNumber(`token ${withCheckDigit(body)}`)).toBe(true);
      }),
    );
  });

  it('names the field but never the number in its refusal', () => {
    let caught: unknown;
    try {
      rejectCardNumber('paymentMethod', '4000 0025 0000 3155');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'raw_card_number_rejected',
      status: 400,
      details: { field: 'paymentMethod' },
    });
    expect(JSON.stringify(caught) + String((caught as Error).message)).not.toMatch(/3155|4000 0025/);
  });
});
