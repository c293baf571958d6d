/**
 * Test mode only: the sandbox takes payment-method tokens named like a processor's test tokens.
 * The processor's published test card numbers map to them here, so a shopper types a card and
 * the widget sends a token, exactly as a real card field (Stripe Elements) would after tokenizing.
 */
export interface TestCard {
  readonly number: string;
  readonly token: string;
  readonly brand: 'visa' | 'mastercard' | 'amex';
}

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242424242424242', token: 'pm_card_visa', brand: 'visa' },
  { number: '4000056655665556', token: 'pm_card_visa_debit', brand: 'visa' },
  { number: '5555555555554444', token: 'pm_card_mastercard', brand: 'mastercard' },
  { number: '378282246310005', token: 'pm_card_amex', brand: 'amex' },
  { number: '4000000000000002', token: 'pm_card_chargeDeclined', brand: 'visa' },
  { number: '4000000000009995', token: 'pm_card_insufficientFunds', brand: 'visa' },
  { number: '4000000000000069', token: 'pm_card_chargeDeclinedExpiredCard', brand: 'visa' },
  { number: '4000000000000127', token: 'pm_card_chargeDeclinedIncorrectCvc', brand: 'visa' },
  { number: '4100000000000019', token: 'pm_card_chargeDeclinedFraudulent', brand: 'visa' },
  { number: '4000000000000119', token: 'pm_card_chargeDeclinedProcessingError', brand: 'visa' },
  { number: '4000002760003184', token: 'pm_card_authenticationRequired', brand: 'visa' },
];

/** The three shown as one-tap examples: approved, declined, and 3-D Secure. */
export const EXAMPLE_CARDS = {
  approved: '4242424242424242',
  declined: '4000000000000002',
  threeDSecure: '4000002760003184',
} as const;

export function digitsOf(input: string): string {
  return input.replace(/\D/g, '');
}

/** "4242 4242 4242 4242", or American Express's 4-6-5 grouping. */
export function groupCardNumber(input: string): string {
  const digits = digitsOf(input).slice(0, 19);
  const groups = digits.startsWith('34') || digits.startsWith('37') ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

export function luhnValid(digits: string): boolean {
  if (digits.length < 12) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function testCardFor(input: string): TestCard | null {
  const digits = digitsOf(input);
  return TEST_CARDS.find((card) => card.number === digits) ?? null;
}

/** MM/YY, this month or later. `now` is passed in so the check is testable. */
export function expiryValid(input: string, now: Date): boolean {
  const match = /^\s*(\d{2})\s*\/\s*(\d{2})\s*$/.exec(input);
  if (match === null) return false;
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  if (month < 1 || month > 12) return false;
  return year > now.getFullYear() || (year === now.getFullYear() && month >= now.getMonth() + 1);
}

export function cvcValid(input: string, card: TestCard | null): boolean {
  return (card?.brand === 'amex' ? /^\d{4}$/ : /^\d{3,4}$/).test(input.trim());
}
