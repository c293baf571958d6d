/**
 * PII redaction of free text. Emails and phone numbers become vault tokens a model can refer to
 * without seeing them; payment card numbers (Luhn-valid) and national identity numbers are cut out
 * for good: no model, transcript or vault ever holds them.
 */
import { passesLuhn } from './luhn.js';
import { isTaiwanId, isUsSsn, TAIWAN_ID, US_SSN } from './national-id.js';
import type { PiiVault } from './pii-vault.js';

export type RemovedKind = 'card' | 'national_id';

export const REMOVED_MARK: Readonly<Record<RemovedKind, string>> = {
  card: '[card number removed]',
  national_id: '[ID number removed]',
};

export interface Redaction {
  /** What a model and the transcript see: emails and phones as vault tokens, cards and IDs removed. */
  readonly redacted: string;
  /** The text with only the irreversible removals: for in-process readers that need the real email. */
  readonly clear: string;
  /** Vault tokens the text used (new or already known). */
  readonly tokens: readonly string[];
  readonly removed: readonly RemovedKind[];
}

// 13 to 19 digits, in groups split by single spaces or dashes.
const CARD = /(?<![\d\w])\d(?:[ -]?\d){12,18}(?![\d\w])/g;
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;
// A run of digits with phone punctuation; what counts is decided on its digits below.
const PHONE = /(?<![\w+\-.])(?:\+|\(?)\d[\d ().-]{5,}\d(?![\w])/g;
const NANP = /^\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}$/;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function isPhone(candidate: string): boolean {
  const digits = digitsOf(candidate);
  if (digits.length < 8 || digits.length > 15) return false;
  // Local numbers start with a trunk 0 (Taiwan, most of Europe and Asia); others are written with
  // a + country code, or in the North American 3-3-4 shape. Bare digit runs are order numbers, dates, amounts.
  return candidate.startsWith('+') || digits.startsWith('0') || NANP.test(candidate);
}

/** Redacts one message; new emails and phones are added to `vault`. */
export function redactText(text: string, vault: PiiVault): Redaction {
  const removed: RemovedKind[] = [];
  let clear = text.replace(CARD, (match) => {
    if (!passesLuhn(digitsOf(match))) return match;
    removed.push('card');
    return REMOVED_MARK.card;
  });
  clear = clear
    .replace(TAIWAN_ID, (match) => {
      if (!isTaiwanId(match)) return match;
      removed.push('national_id');
      return REMOVED_MARK.national_id;
    })
    .replace(US_SSN, (match, area: string, group: string, serial: string) => {
      if (!isUsSsn(area, group, serial)) return match;
      removed.push('national_id');
      return REMOVED_MARK.national_id;
    });

  const tokens: string[] = [];
  const redacted = clear
    .replace(EMAIL, (match) => {
      const token = vault.tokenFor('email', match);
      tokens.push(token);
      return token;
    })
    .replace(PHONE, (match) => {
      if (!isPhone(match)) return match;
      const token = vault.tokenFor('phone', match);
      tokens.push(token);
      return token;
    });
  return { redacted, clear, tokens, removed };
}

/** Redacts every string inside a JSON-like value (a tool's output on its way to a model). */
export function redactValue(value: unknown, vault: PiiVault): unknown {
  return mapStrings(value, (text) => redactText(text, vault).redacted);
}

/** Restores vault tokens in every string inside a JSON-like value (a model's tool arguments). */
export function restoreValue(value: unknown, vault: PiiVault): unknown {
  return mapStrings(value, (text) => vault.restore(text));
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mapStrings(inner, map)]));
  }
  return value;
}
