/**
 * Sizes ("size 27", "27號", "M號", "26.5cm"), measured option values that the catalog sells
 * ("150g", "1 L") and quantities ("2 pairs", "兩雙", "三件", "x3", "make it 3").
 */
import { type MessageScan, readMatches } from './message-scan.js';
import { CHINESE_NUMERAL_CLASS, numberText, parseEnglishNumber } from './numerals.js';
import type { Entity } from './types.js';
import type { Vocabulary } from './vocabulary.js';

const LETTER_SIZE = String.raw`(?:xxxl|xxl|xxs|xl|xs|2xl|3xl|s|m|l)`;
const SIZE_AFTER_WORD = new RegExp(
  String.raw`(?:size(?!s)|sz|\bwear(?:ing)?|\bi'?m\s+an?|尺寸|尺碼|尺码|鞋碼|鞋码|穿)\s*[:：]?\s*(?:us|eu|uk)?\s*(\d{1,3}(?:\.5)?|${LETTER_SIZE}(?![\p{L}])|small|medium|large|extra large)`,
  'giu',
);
const SIZE_WITH_MARK = new RegExp(
  String.raw`(?<![\p{N}.])(\d{2}(?:\.5)?|${LETTER_SIZE})\s*(?:號|号|碼|码)|(?<![\p{N}.])(\d{2}(?:\.5)?)\s*(?:cm|公分)|(?:in|a|an)\s+(small|medium|large|extra large|xs|xl|xxl)\b(?!\s*(?:size|one|pack|box|bag|bottle))|\bin\s+(\d{2}(?:\.5)?)(?![\d.%])(?!\s*(?:days?|hours?|minutes?|weeks?|colou?rs?|l\b|ml|g\b|kg|mm|m\b|cm|people|pieces?|pcs|pairs?))`,
  'giu',
);
/** Children's clothes are sized by height: "身高大概130" and "his height is about 140" name size 130, 140. */
const SIZE_BY_HEIGHT = new RegExp(
  String.raw`(?:身高|\bheight(?:\s+is)?)\s*(?:大概|大約|大约|約|约|差不多|about|around|roughly)?\s*(\d{2,3})(?![\d.])(?:\s*(?:cm|公分))?`,
  'giu',
);
const WORD_SIZES: Readonly<Record<string, string>> = {
  small: 'S',
  medium: 'M',
  large: 'L',
  'extra large': 'XL',
};
const CHINESE_SIZES = /(小號|小号|中號|中号|大號|大号|加大)/gu;
const CHINESE_SIZE_VALUE: Readonly<Record<string, string>> = {
  小號: 'S',
  小号: 'S',
  中號: 'M',
  中号: 'M',
  大號: 'L',
  大号: 'L',
  加大: 'XL',
};
const MEASURE =
  /(?<![\p{N}.])(\d+(?:\.\d+)?)\s*(公克|克|公斤|毫升|公升|公分|kg|g|ml|l|cm|m|入)(?![\p{L}])/giu;
const MEASURE_UNITS: Readonly<Record<string, string>> = {
  公克: 'g',
  克: 'g',
  公斤: 'kg',
  毫升: 'ml',
  公升: 'l',
  公分: 'cm',
};

const ENGLISH_COUNT = String.raw`(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a dozen|a|an)`;
const ENGLISH_UNITS = String.raw`(?:pairs?|pcs|pieces?|units?|items?|boxes|box|packs?|bottles?|tins?|bags?|sets?|cans?|jars?|of (?:them|those|these|it|each)|x\b)`;
const QUANTITY_ENGLISH = new RegExp(
  String.raw`(?<![\p{L}\p{N}#$.])(${ENGLISH_COUNT})\s*(?:${ENGLISH_UNITS}|of the\b|more\b)`,
  'giu',
);
const QUANTITY_AFTER_TO =
  /\b(?:reduce|increase|decrease|bump|lower|raise|change|update|set)\b[^.?!]{0,40}?\bto\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\b(?![.\d])/giu;
const QUANTITY_TIMES = /(?<![\p{L}\p{N}])(?:x|×)\s*(\d{1,3})(?![\p{N}])/giu;
const QUANTITY_CHINESE = new RegExp(
  String.raw`(?<![第這这那哪每])(\d{1,3}|${CHINESE_NUMERAL_CLASS}{1,3})\s*(?:雙|双|件|個|个|組|组|支|包|盒|罐|瓶|條|条|頂|顶|把|台|份|袋|只|張|张|副|套|片|顆|颗)`,
  'gu',
);
const QUANTITY_AFTER_VERB = new RegExp(
  String.raw`(?:make it|change (?:it |that |the quantity )?to|update (?:it |the quantity )?to|set (?:it |the quantity )?to|quantity(?: to)?|qty|i(?:'ll| will)? (?:only )?(?:take|want|need)|only (?:want|need|take)|(?:quantity|qty)(?: to| of)?|add|get|buy|order|改成|改為|改为|改|換成|换成|數量|数量|要|買|买|拿|加)\s*[:：]?\s*(\d{1,3}|${CHINESE_NUMERAL_CLASS}{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)(?![\p{N}.])(?!\s*(?:號|号|碼|码|cm|公分|元|塊|块|dollars?|%|折|(?:k|st|nd|rd|th)\b))`,
  'giu',
);

function quantityValue(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  const phrase = { 'a couple of': 2, 'a dozen': 12 }[trimmed];
  if (phrase !== undefined) return phrase;
  const word = parseEnglishNumber(trimmed);
  if (word !== undefined) return word;
  const digits = numberText(trimmed);
  return digits === undefined ? undefined : Number.parseInt(digits, 10);
}

function sizeValue(text: string): string {
  const lowered = text.toLowerCase();
  return WORD_SIZES[lowered] ?? lowered.toUpperCase();
}

export function readSizes(scan: MessageScan): Entity[] {
  return [
    ...readMatches(scan, SIZE_AFTER_WORD, (match, span) => ({
      type: 'size',
      value: sizeValue(match[1]!),
      ...span,
    })),
    ...readMatches(scan, SIZE_WITH_MARK, (match, span) => ({
      type: 'size',
      value: sizeValue(match[1] ?? match[2] ?? match[3] ?? match[4]!),
      ...span,
    })),
    ...readMatches(scan, SIZE_BY_HEIGHT, (match, span) => ({ type: 'size', value: match[1]!, ...span })),
    ...readMatches(scan, CHINESE_SIZES, (match, span) => ({
      type: 'size',
      value: CHINESE_SIZE_VALUE[match[1]!]!,
      ...span,
    })),
  ];
}

/** Number-and-unit values the catalog sells as options ("150g" of a tea, a "1 L" bottle). */
export function readMeasures(scan: MessageScan, vocabulary: Vocabulary): Entity[] {
  return readMatches(scan, MEASURE, (match, span) => {
    const unit = MEASURE_UNITS[match[2]!] ?? match[2]!.toLowerCase();
    const [term] = vocabulary.lookupMeasure(`${match[1]}${unit}`);
    return term === undefined ? undefined : { type: 'catalog', ...term, ...span };
  });
}

export function readQuantities(scan: MessageScan): Entity[] {
  const toEntity = (
    match: RegExpExecArray,
    span: { start: number; end: number; text: string },
  ): Entity | undefined => {
    const value = quantityValue(match[1]!);
    if (value === undefined || value <= 0 || value > 999) return undefined;
    return { type: 'quantity', value, ...span };
  };
  return [
    ...readMatches(scan, QUANTITY_ENGLISH, toEntity),
    ...readMatches(scan, QUANTITY_TIMES, toEntity),
    ...readMatches(scan, QUANTITY_CHINESE, toEntity),
    ...readMatches(scan, QUANTITY_AFTER_TO, toEntity, 1),
    ...readMatches(scan, QUANTITY_AFTER_VERB, toEntity, 1),
  ];
}
