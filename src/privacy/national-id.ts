/**
 * National identity numbers a shopper might type: the Taiwan national ID and resident certificate
 * numbers (a letter, then nine digits, with a check digit) and US social security numbers written
 * with dashes. The check digit keeps SKUs and order numbers of the same shape from matching.
 */

// Taiwan: the letter stands for a two-digit area code (A=10 ... Z=33, in this non-alphabetical order).
const AREA_LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
const TAIWAN_WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];

/** `A123456789`: gender/kind digit 1, 2 (citizens) or 8, 9 (residents since 2021). */
export const TAIWAN_ID = /(?<![A-Za-z0-9])[A-Za-z][1289]\d{8}(?![A-Za-z0-9])/g;

export function isTaiwanId(candidate: string): boolean {
  const upper = candidate.toUpperCase();
  const area = AREA_LETTERS.indexOf(upper[0] ?? '');
  if (area < 0) return false;
  const code = String(area + 10);
  const digits = [...code, ...upper.slice(1)].map(Number);
  const sum = digits.reduce((total, digit, i) => total + digit * (TAIWAN_WEIGHTS[i] ?? 0), 0);
  return sum % 10 === 0;
}

/** `123-45-6789`; area 000, 666 and 9xx, group 00 and serial 0000 are never issued. */
export const US_SSN = /(?<!\d)(\d{3})-(\d{2})-(\d{4})(?!\d)/g;

export function isUsSsn(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && !area.startsWith('9') && group !== '00' && serial !== '0000';
}
