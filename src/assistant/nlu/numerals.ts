/**
 * Numbers as shoppers write them: digits, English words ("two", "a couple of") and Chinese
 * numerals (一, 兩, 十二, 二十五, 一百).
 */

const ENGLISH: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  couple: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
};

const ENGLISH_ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
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

export const CHINESE_NUMERAL_CLASS = '[零〇一二兩两三四五六七八九十百千萬万]';

/**
 * "二十五" → 25, "一百零五" → 105, "兩萬" → 20000, "二〇二四" → 2024 (digits in a row read as
 * digits), and the spoken short forms "三百五" → 350, "一萬二" → 12000 (a lone digit right after
 * a unit of a hundred or more counts one unit lower); undefined when the text is not a numeral.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text === '' || !new RegExp(`^${CHINESE_NUMERAL_CLASS}+$`, 'u').test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let digitCharacters = 0;
  let lastUnit = 0;
  let zeroSinceUnit = false;
  for (const character of text) {
    const value = CHINESE_DIGITS[character];
    if (value !== undefined) {
      // A zero before any digit only holds a place (兩萬零十); inside a run of digits it is a digit.
      if (value === 0) zeroSinceUnit = true;
      if (value === 0 && digit === undefined) continue;
      digit = digit === undefined ? value : digit * 10 + value;
      digitCharacters += 1;
      continue;
    }
    const unit = { 十: 10, 百: 100, 千: 1000, 萬: 10_000, 万: 10_000 }[character];
    if (unit === undefined) return undefined;
    if (unit === 10_000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else {
      section += (digit ?? 1) * unit;
    }
    digit = undefined;
    digitCharacters = 0;
    lastUnit = unit;
    zeroSinceUnit = false;
  }
  if (digit !== undefined && digitCharacters === 1 && lastUnit >= 100 && !zeroSinceUnit) {
    return total + section + (digit * lastUnit) / 10;
  }
  return total + section + (digit ?? 0);
}

export function parseEnglishNumber(word: string): number | undefined {
  return ENGLISH[word];
}

export function parseEnglishOrdinal(word: string): number | undefined {
  const spelled = ENGLISH_ORDINALS[word];
  if (spelled !== undefined) return spelled;
  const numeric = /^(\d{1,2})(?:st|nd|rd|th)$/u.exec(word);
  return numeric ? Number(numeric[1]) : undefined;
}

/** Digits (with thousands commas or a "k") or a Chinese numeral, as a decimal string. */
export function numberText(text: string): string | undefined {
  const cleaned = text.replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/u.test(cleaned)) return cleaned;
  const thousands = /^(\d+)k$/iu.exec(cleaned);
  if (thousands) return `${thousands[1]}000`;
  const chinese = parseChineseNumeral(cleaned);
  return chinese === undefined ? undefined : String(chinese);
}
