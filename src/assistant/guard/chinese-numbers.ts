/**
 * Chinese numerals as replies write them (一千兩百八十, 三百五, 兩萬): read by the same parser the
 * rules brain uses for shoppers' messages.
 */
import { CHINESE_NUMERAL_CLASS, parseChineseNumeral } from '../nlu/index.js';

export const CHINESE_NUMERAL = `${CHINESE_NUMERAL_CLASS}+`;

/** Digits or a Chinese numeral. */
export function parseCount(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  return parseChineseNumeral(text);
}
