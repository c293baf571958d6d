/**
 * Card numbers never enter Aisle: the API takes provider tokens only. A field that holds
 * something shaped like a card number (13–19 digits, optionally grouped by spaces or dashes,
 * passing the Luhn check) is refused, and the refusal never repeats what was sent.
 */
import { ValidationError } from '../core/index.js';

const DIGIT_RUN = /\d(?:[ -]?\d){12,}/g;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * True when a run of digits in `text` is 13–19 long and passes Luhn. Longer runs are not card
 * numbers; checking every window of them would refuse most long order numbers by chance.
 */
export function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length <= 19 && passesLuhn(digits)) return true;
  }
  return false;
}

/** Throws ValidationError 'raw_card_number_rejected' naming only the field. */
export function rejectCardNumber(field: string, value: string): void {
  if (containsCardNumber(value)) {
    throw new ValidationError(
      `${field} looks like a card number; send a payment-method token instead`,
      { field },
      'raw_card_number_rejected',
    );
  }
}
