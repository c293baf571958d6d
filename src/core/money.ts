/**
 * Money is an integer count of the currency's minor units plus its ISO 4217 code. Nobody does
 * float arithmetic on prices: parsing goes through strings, arithmetic through integers.
 */
import { ValidationError } from './errors.js';

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;
const exponentCache = new Map<string, number>();

/** Minor-unit exponent of a currency (USD 2, JPY 0, KWD 3), from the ICU data Node ships. */
export function currencyExponent(currency: string): number {
  const code = assertCurrency(currency);
  const cached = exponentCache.get(code);
  if (cached !== undefined) return cached;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
    .maximumFractionDigits;
  const exponent = digits ?? 2;
  exponentCache.set(code, exponent);
  return exponent;
}

export function assertCurrency(currency: string): string {
  const code = currency.trim().toUpperCase();
  if (!CURRENCY_CODE.test(code)) throw new ValidationError(`"${currency}" is not an ISO 4217 currency code`);
  return code;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount))
    throw new ValidationError(`money amount must be an integer of minor units, got ${amount}`);
  return { amount, currency: assertCurrency(currency) };
}

/**
 * Parses a decimal string ("15", "15.5", "1,299.00") into minor units of `currency`.
 * Rounds half away from zero when the text has more digits than the currency.
 */
export function parseDecimal(text: string, currency: string): Money {
  const code = assertCurrency(currency);
  const cleaned = text.trim().replace(/[,\s]/g, '');
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new ValidationError(`"${text}" is not a decimal amount`);
  }
  const exponent = currencyExponent(code);
  const whole = match[2] || '0';
  const fraction = match[3] ?? '';
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  let minor = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(kept || '0');
  const next = fraction.charAt(exponent);
  if (next !== '' && Number(next) >= 5) minor += 1n;
  const amount = Number(match[1] ? -minor : minor);
  if (!Number.isSafeInteger(amount)) throw new ValidationError(`"${text}" is too large an amount`);
  return { amount, currency: code };
}

/** Parses "15.00 USD", "USD 15.00" or "NT$1,200 TWD"-like text; falls back to `defaultCurrency`. */
export function parseMoney(text: string, defaultCurrency?: string): Money {
  const trimmed = text.trim();
  const code = /\b([A-Za-z]{3})\b/.exec(trimmed)?.[1];
  const number = /-?[\d,]*\.?\d+/.exec(trimmed)?.[0];
  const currency = code ?? defaultCurrency;
  if (number === undefined || currency === undefined) {
    throw new ValidationError(`"${text}" is not an amount with a currency`);
  }
  return parseDecimal(number, currency);
}

/** Decimal text of an amount in its major unit ("1299.00"). */
export function toDecimal(value: Money): string {
  const exponent = currencyExponent(value.currency);
  const negative = value.amount < 0;
  const digits = Math.abs(value.amount)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

// Building an Intl.NumberFormat costs far more than using one; replies format many amounts.
const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Currencies whose minor unit exists on paper but not on price tags: a whole amount is written
 * without it ("NT$1,299", not "NT$1,299.00"); an amount with cents still shows them.
 */
const WHOLE_UNIT_CURRENCIES = new Set(['TWD', 'HUF']);

function formatterFor(locale: string, currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${whole}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(
      locale,
      whole
        ? { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }
        : { style: 'currency', currency },
    );
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Human text for a shopper ("NT$1,299", "$15.00"). */
export function formatMoney(value: Money, locale = 'en'): string {
  const exponent = currencyExponent(value.currency);
  const scale = 10 ** exponent;
  const whole = WHOLE_UNIT_CURRENCIES.has(value.currency) && value.amount % scale === 0;
  return formatterFor(locale, value.currency, whole).format(value.amount / scale);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new ValidationError(`cannot combine ${a.currency} with ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount + b.amount, currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount - b.amount, currency: a.currency };
}

export function multiplyMoney(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity))
    throw new ValidationError(`quantity must be an integer, got ${quantity}`);
  return { amount: a.amount * quantity, currency: a.currency };
}

/**
 * Splits `total` minor units across `weights` in proportion, by largest remainder, so the parts
 * always add up to the total exactly. Ties go to the earlier weight, which keeps it deterministic.
 */
export function allocateByWeight(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new ValidationError('total must be an integer');
  const sum = weights.reduce((acc, w) => acc + w, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const big = BigInt(total);
  const bigSum = BigInt(sum);
  const parts = weights.map((w) => (big * BigInt(w)) / bigSum);
  const remainders = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % bigSum }));
  let left = Number(big - parts.reduce((acc, p) => acc + p, 0n));
  remainders.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1;
  }
  return parts.map(Number);
}
