/**
 * Chinese numerals as replies write them: 一千兩百八十, 三百五, 兩萬, 十二, 二〇二四 is not a
 * number here (years are written digit by digit and are not claims).
 */
const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  兩: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL = '[零〇一二兩两三四五六七八九十百千萬万]+';

/** Value of a Chinese numeral, or undefined when the text is not one. */
export function parseChineseNumber(text: string): number | undefined {
  if (text === '') return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  let zero = false;
  for (const char of text) {
    const value = DIGITS[char];
    if (value !== undefined) {
      if (value === 0) zero = true;
      else digit = value;
      continue;
    }
    const unit = UNITS[char];
    if (unit !== undefined) {
      section += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
      zero = false;
      continue;
    }
    if (char === '萬' || char === '万') {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = undefined;
      lastUnit = 10_000;
      zero = false;
      continue;
    }
    return undefined;
  }
  // 三百五 means 350 and 一萬二 12,000: a trailing digit right after a unit counts one unit lower.
  if (digit !== undefined) section += lastUnit >= 100 && !zero ? (digit * lastUnit) / 10 : digit;
  return total + section;
}

/** Digits or a Chinese numeral. */
export function parseCount(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  return parseChineseNumber(text);
}
