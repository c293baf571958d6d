/**
 * Price constraints in either language: upper and lower bounds ("under 3000", "NT$500以下",
 * "3000元以內"), ranges ("between 50 and 80", "50-80", "兩千到三千"), targets ("around 2000",
 * "2000左右") and relative wishes ("cheaper", "便宜一點"). Amounts become minor units of the
 * store currency through the core money parser, so no float ever touches a price.
 */
import { type Money, parseDecimal } from '../../core/index.js';
import { type MessageScan, readMatches } from './message-scan.js';
import { CHINESE_NUMERAL_CLASS, numberText } from './numerals.js';
import type { Entity, PriceConstraint, Span } from './types.js';

const CURRENCY = String.raw`(?:nt\$|us\$|hk\$|ntd|twd|usd|nt|\$|€|£|¥|＄)`;
const NUMERAL = String.raw`(?:\d[\d,]*(?:\.\d+)?k?|${CHINESE_NUMERAL_CLASS}{1,6})`;
const UNIT = String.raw`(?:塊錢|块钱|元|塊|块|dollars?|bucks?|ntd|twd|usd)`;
/** Numbers followed by these are durations, counts or measures, not prices. */
const NOT_PRICE_AFTER = String.raw`(?!\s*(?:days?|weeks?|hours?|months?|years?|天|週|周|小時|个月|個月|年|pairs?|pcs|pieces?|雙|双|件|號|号|碼|cm|mm|公分|kg|公斤|g\b|克|ml|l\b|%|折|people|person|persons|人|個|个|x\b|k?m\b|\.\d))`;
const AMOUNT = String.raw`(${CURRENCY}\s*)?(${NUMERAL})(\s*${UNIT})?${NOT_PRICE_AFTER}`;

const UPPER_BEFORE = String.raw`(?:under|below|less than|cheaper than|no more than|not more than|not over|no higher than|max(?:imum)?|up to|within|at most|budget(?: is| of)?|<=?|≤|低於|低于|少於|少于|不超過|不超过|不要超過|不要超过|預算(?:是|在|只有)?|预算(?:是|在)?|小於|小于|最多|在)`;
const UPPER_AFTER = String.raw`(?:以下|以內|以内|之內|之内|內|内|有找|or less|or under|and under|and below|or below|max|tops|or cheaper)`;
const LOWER_BEFORE = String.raw`(?:over|above|more than|at least|starting at|from|>=?|≥|超過|超过|高於|高于|至少|最少)`;
const LOWER_AFTER = String.raw`(?:以上|起跳|起|or more|and up|and above|or above|plus|\+)`;
const AROUND_BEFORE = String.raw`(?:around|about|approximately|approx\.?|roughly|circa|~|大概|大約|大约|差不多|約|约)`;
const AROUND_AFTER = String.raw`(?:左右|上下|附近|差不多|ish)`;

const RANGE = new RegExp(
  String.raw`(?:between\s+|from\s+|介於|介于|在)?${AMOUNT}\s*(?:and|to|-|–|~|到|至|和|跟)\s*${AMOUNT}(?:\s*之間|\s*之间)?`,
  'giu',
);
const UPPER = new RegExp(
  String.raw`${UPPER_BEFORE}\s*${AMOUNT}(?:\s*${UPPER_AFTER})?|${AMOUNT}\s*${UPPER_AFTER}`,
  'giu',
);
const LOWER = new RegExp(String.raw`${LOWER_BEFORE}\s*${AMOUNT}|${AMOUNT}\s*${LOWER_AFTER}`, 'giu');
const AROUND = new RegExp(String.raw`${AROUND_BEFORE}\s*${AMOUNT}|${AMOUNT}\s*${AROUND_AFTER}`, 'giu');
const NOT_A_REFERENCE = String.raw`(?!\s*(?:(?:one|pair|option)\b|的?那|的?這|的?这))`;
const CHEAPER = new RegExp(
  String.raw`(?:cheaper|cheapest|less expensive|more affordable|lower[- ]priced?|inexpensive|affordable|budget|cheap|too expensive|too pricey|便宜一點|便宜一点|便宜點|便宜一些|更便宜|比較便宜|比较便宜|最便宜|平價|平价|便宜|太貴|太贵|低價|低价)${NOT_A_REFERENCE}`,
  'giu',
);
const PRICIER = new RegExp(
  String.raw`(?:more expensive|pricier|higher[- ]end|high[- ]end|premium|fancier|貴一點|贵一点|高級一點|高级一点|更高級|更高级|高階|高阶|好一點的|好一点的)${NOT_A_REFERENCE}`,
  'giu',
);

/** A bare number right after one of these is a body measure ("身高大概130", "height about 130"), not a price. */
const MEASURED_BEFORE =
  /(?:身高|體重|体重|頭圍|头围|腳長|脚长|腰圍|腰围|胸圍|胸围|\bheight|\btall|\bweighs?|\bweight|\bhead|\bwaist|\bchest|\bfoot length)\s*(?:is\s*|of\s*|about\s*|around\s*|大概|大約|大约|約|约|是|差不多)?$/iu;

function measured(scan: MessageScan, span: Span): boolean {
  return MEASURED_BEFORE.test(scan.folded.slice(Math.max(0, span.start - 16), span.start));
}

function amountOf(numeral: string | undefined, currency: string): Money | undefined {
  const text = numeral === undefined ? undefined : numberText(numeral);
  if (text === undefined) return undefined;
  return parseDecimal(text, currency);
}

/** Groups of AMOUNT: currency, numeral, unit. Returns the amount of the first AMOUNT present in a match. */
function amountsIn(match: RegExpExecArray, currency: string): { amounts: Money[]; marked: boolean } {
  const amounts: Money[] = [];
  let marked = false;
  for (let group = 1; group < match.length; group += 3) {
    const numeral = match[group + 1];
    if (numeral === undefined) continue;
    const amount = amountOf(numeral, currency);
    if (amount !== undefined) amounts.push(amount);
    // A unit, a currency, or a Chinese numeral with 百/千/萬 is only ever said of an amount.
    if (match[group] !== undefined || match[group + 2] !== undefined || /[百千萬万]/u.test(numeral))
      marked = true;
  }
  return { amounts, marked };
}

function priceEntity(price: PriceConstraint, span: Span): Entity {
  return { type: 'price', price, ...span };
}

export function readPrices(scan: MessageScan): Entity[] {
  const { currency } = scan;
  const entities: Entity[] = [];
  entities.push(
    ...readMatches(scan, RANGE, (match, span) => {
      const { amounts, marked } = amountsIn(match, currency);
      const [low, high] = amounts;
      if (low === undefined || high === undefined || low.amount >= high.amount) return undefined;
      const hasWord = /between|from|介於|介于|之間|之间/u.test(match[0]);
      if (!marked && !hasWord && !/\d\s*[-~–]\s*\d/u.test(match[0])) return undefined;
      return priceEntity({ kind: 'range', min: low, max: high }, span);
    }),
  );
  entities.push(
    ...readMatches(scan, UPPER, (match, span) => {
      const { amounts, marked } = amountsIn(match, currency);
      if (amounts[0] === undefined) return undefined;
      // "在" alone is too common a word: it bounds a price only with a 以下/以內 after the amount.
      if (/^在/u.test(match[0]) && !new RegExp(UPPER_AFTER, 'u').test(match[0]) && !marked) return undefined;
      return priceEntity({ kind: 'range', min: null, max: amounts[0] }, span);
    }),
  );
  entities.push(
    ...readMatches(scan, LOWER, (match, span) => {
      const { amounts, marked } = amountsIn(match, currency);
      if (amounts[0] === undefined) return undefined;
      if (/^from/u.test(match[0]) && !marked) return undefined;
      return priceEntity({ kind: 'range', min: amounts[0], max: null }, span);
    }),
  );
  entities.push(
    ...readMatches(scan, AROUND, (match, span) => {
      const { amounts, marked } = amountsIn(match, currency);
      const target = amounts[0];
      if (target === undefined) return undefined;
      const plain = numberText(match[2] ?? match[5] ?? '') ?? '0';
      if (!marked && Number.parseInt(plain, 10) < 100) return undefined;
      if (!marked && measured(scan, span)) return undefined;
      return priceEntity({ kind: 'around', target }, span);
    }),
  );
  entities.push(
    ...readMatches(scan, CHEAPER, (_match, span) =>
      priceEntity({ kind: 'relative', direction: 'cheaper' }, span),
    ),
    ...readMatches(scan, PRICIER, (_match, span) =>
      priceEntity({ kind: 'relative', direction: 'pricier' }, span),
    ),
  );
  return entities;
}
