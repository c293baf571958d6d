/**
 * Reads the checkable claims out of a draft in English or Traditional Chinese: amounts,
 * percentages and 折, stock counts and availability, codes, delivery dates and durations, return
 * windows, free shipping or returns, promises nobody made, product names the facts lack, and
 * statements that something was done (cancelled, refunded, applied, added to the cart).
 * A bare number (a size, 35L, a year, a phone number) is never a claim: only a number with a
 * currency, %, 折, a stock or day word around it is.
 */
import { parseDecimal } from '../../core/index.js';
import { parseChineseNumeral } from '../nlu/index.js';
import { ACTION_WORDS, mentionsOrder, NOT_DONE } from './action-claims.js';
import { CHINESE_NUMERAL, parseCount } from './chinese-numbers.js';
import type { Claim, ClaimBody } from './claims.js';
import type { FactIndex } from './fact-index.js';
import { type Sentence, splitSentences } from './sentences.js';

export interface ExtractOptions {
  /** The store's currency: what "$" and 元 mean. */
  readonly currency: string;
  /** Local date of the store (YYYY-MM-DD) for "tomorrow" and weekdays. */
  readonly today?: string;
}

const CODES = 'TWD|USD|EUR|JPY|GBP|HKD|CNY|KWD|SGD|AUD|CAD';
const SYMBOLS: Readonly<Record<string, string>> = {
  NT$: 'TWD',
  US$: 'USD',
  HK$: 'HKD',
  'CN¥': 'CNY',
  S$: 'SGD',
  A$: 'AUD',
  C$: 'CAD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '￥': 'JPY',
  新台幣: 'TWD',
  台幣: 'TWD',
};
const MONEY = new RegExp(
  `(NT\\$|US\\$|HK\\$|CN¥|S\\$|A\\$|C\\$|\\$|€|£|¥|￥|新台幣|台幣|(?<![A-Za-z])(?:${CODES})(?![A-Za-z]))?\\s?` +
    `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(\\s?[kK](?![A-Za-z])|萬|万)?` +
    `(\\s?(?:(?<![A-Za-z])(?:${CODES})(?![A-Za-z])|元|塊))?`,
  'g',
);
const CHINESE_MONEY = new RegExp(`(${CHINESE_NUMERAL})(元|塊)`, 'g');
const PERCENT = /(\d+(?:\.\d+)?)\s?(?:%|％|percent)/g;
const ZHE = /打?(\d(?:\.\d)?|\d{2}|[一二三四五六七八九]{1,2})折(?![扣抵價])/g;
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const STOCK_EN =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:(?:pairs?|units?|pieces?|items?|bottles?|bags?|sets?|boxes?|packs?)\s+)?(?:left|remaining|in stock|available)\b/gi;
const STOCK_ZH = new RegExp(
  `(?:還有|還剩|剩下?|僅剩|只剩|庫存(?:還有|剩)?)\\s*(\\d+|${CHINESE_NUMERAL})\\s*(件|個|雙|組|台|瓶|包|份|盒|套)?(?!\\s*(?:天|日|個?工作|小時|週|周|%|折|元|號|種|色|款|年|月))`,
  'g',
);
const OUT_OF_STOCK =
  /\b(?:out of stock|sold out|unavailable|not available|not in stock|no stock)\b|缺貨|售完|賣完|已售罄|沒有?(?:現)?貨|無庫存|沒有庫存|無現貨/gi;
const IN_STOCK =
  /\b(?:in stock|(?:is|are) available|available (?:at|for pickup|now|today)|ready to ship)\b|有現貨|有貨|現貨供應|可(?:以)?取貨|庫存充足/gi;
const CODE_AFTER_WORD =
  /(?:\b(?:promo |discount |coupon )?code|\bcoupon|\bvoucher|優惠碼|折扣碼|折價碼|序號)\s*[:：]?\s*[「『"“']?([A-Z0-9][A-Z0-9_-]{2,})/g;
const CODE_SHAPE = /(?<![A-Za-z0-9])([A-Z]{2,}[A-Z0-9]*\d[A-Z0-9]*)(?![A-Za-z0-9])/g;
const DELIVERY_WORDS =
  /\b(?:arriv\w*|deliver\w*|ship\w*|get it|receive\w*|dispatch\w*)\b|送達|到貨|收到|寄達|出貨|配送|寄出|抵達/i;
const RETURN_WORDS = /\breturn\w*|\brefund\w*|money-back|退貨|退換貨|退款|鑑賞期|鑒賞期/i;
const BY_WORDS = /\b(?:by|before|no later than|until)\s*$/i;
const BY_AFTER = /^\s*(?:前|之前|以前)/;
const RANGE_DAYS =
  /(\d+)\s?(?:-|–|—|~|～|to|到|至)\s?(\d+)\s?(?:(?:business|working)\s+days?|days?|個?工作天|個?工作日|天)/gi;
const SINGLE_DAYS = new RegExp(
  `(?:\\b(within|in|up to)\\s+)?(\\d+|${CHINESE_NUMERAL})[\\s-]?(?:(?:business|working)[\\s-]days?|days?|個?工作天|個?工作日|天)(內|之內|以內)?`,
  'gi',
);
const WEEKDAY_EN = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/gi;
const WEEKDAY_ZH = /(?:本|這|下)?(?:週|周|星期|禮拜)([一二三四五六日天])/g;
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_DAY =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b|\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/gi;
const NUMERIC_DATE =
  /(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d])|(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?![\d/])|(\d{1,2})月(\d{1,2})[日號]/g;
// "Today" is too often about the order or the offer, not the delivery, to read as a date.
const RELATIVE_DAY = /\b(tomorrow)\b|(明天|後天)/gi;
const FREE_SHIPPING =
  /\bfree (?:standard |home |express )?(?:shipping|delivery)\b|\bships? (?:for )?free\b|\bshipping is (?:on us|free)\b|\bno shipping (?:fee|charge|cost)\b|免運費?|運費全免|免費(?:配送|寄送|運送)|包郵/gi;
const THRESHOLD_WORDS =
  /\b(?:over|above|at least|orders? of|spend|more|short|away|reach\w*)\b|滿|以上|未達|差|再買|達到/i;
const FREE_RETURNS =
  /\bfree returns?\b|\breturns? (?:are|is) free\b|\breturn shipping is free\b|免費退(?:換)?貨|退貨免運|免運退貨/gi;
const PROMISE =
  /\b(?:my|a|our) (?:colleague|co-?worker|manager|teammate|supervisor)\b[^.!?]*\b(?:promised|said|offered|agreed)\b|\b(?:as (?:we )?promised|we promised)\b|\bignore (?:all |any )?(?:previous|prior|above|earlier) instructions\b|同事.{0,8}(?:答應|承諾|說過|保證|給)|之前(?:答應|承諾)|(?:忽略|無視).{0,6}(?:指示|指令)/gi;
// A model number counts only as a whole token: "Call 02-2345-6789" is not a product called "Call 02".
const CAPITALIZED_RUN =
  /(?:[A-Z][\w'’-]*|\d+(?:\.\d+)?(?![\w/-]))(?:\s+(?:[A-Z][\w'’-]*|\d+(?:\.\d+)?(?![\w/-])))+/g;
const NOT_NAME_WORDS = new Set([
  'the',
  'a',
  'an',
  'our',
  'your',
  'this',
  'that',
  'these',
  'we',
  'i',
  'you',
  'it',
  'and',
  'or',
  'if',
  'yes',
  'no',
  'sure',
  'great',
  'hi',
  'hello',
  'thanks',
  'thank',
  'please',
  'also',
  'both',
  'for',
  'with',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'nt',
  'twd',
  'usd',
  'vat',
  'faq',
  'ok',
  'size',
  'sizes',
  'order',
  'free',
  'shipping',
]);

type Span = readonly [number, number];

class Collector {
  readonly claims: Claim[] = [];
  private readonly taken: Span[] = [];

  constructor(
    private readonly sentence: Sentence,
    private readonly index: number,
  ) {}

  isTaken(start: number, end: number): boolean {
    return this.taken.some(([s, e]) => start < e && end > s);
  }

  /** Records a claim at a span of the sentence unless an earlier claim already holds those words. */
  add(body: ClaimBody, start: number, end: number): boolean {
    if (this.isTaken(start, end)) return false;
    this.taken.push([start, end]);
    const offset = this.sentence.start;
    this.claims.push({
      ...body,
      text: this.sentence.text.slice(start, end),
      start: offset + start,
      end: offset + end,
      sentence: this.index,
    } as Claim);
    return true;
  }

  /** Records a claim whose words may hold other claims too ("NT$500 store credit added"). */
  addAround(body: ClaimBody, start: number, end: number): void {
    const offset = this.sentence.start;
    this.claims.push({
      ...body,
      text: this.sentence.text.slice(start, end),
      start: offset + start,
      end: offset + end,
      sentence: this.index,
    } as Claim);
  }

  /** Marks words that are not a claim (an order number, a SKU) so no later reader takes them. */
  reserve(start: number, end: number): void {
    this.taken.push([start, end]);
  }
}

function currencyOf(
  prefix: string | undefined,
  suffix: string | undefined,
  fallback: string,
): string | undefined {
  const marker = (prefix ?? suffix ?? '').trim();
  if (marker === '') return undefined;
  if (marker === '$' || marker === '元' || marker === '塊') return fallback;
  return SYMBOLS[marker] ?? marker.toUpperCase();
}

function readMoney(text: string, c: Collector, currency: string): void {
  for (const m of text.matchAll(MONEY)) {
    const [whole, prefix, digits = '', scale, suffix] = m;
    const code = currencyOf(prefix, suffix?.trim(), currency);
    if (code === undefined) continue;
    const start = m.index + (whole.length - whole.trimStart().length);
    const plain = digits.replace(/,/g, '');
    const multiplier = scale === undefined ? 1 : /[kK]/.test(scale) ? 1000 : 10_000;
    try {
      const unit = parseDecimal('1', code).amount;
      const decimals = plain.split('.')[1]?.length ?? 0;
      const base = parseDecimal(plain, code).amount;
      // "1.2k" says about 1,200: anything that rounds to it at the precision written.
      const amount = multiplier === 1 ? base : Math.round(base * multiplier);
      const tolerance = multiplier === 1 ? 0 : (unit * multiplier) / 10 ** decimals / 2;
      c.add(
        { type: 'money', money: { amount, currency: code }, tolerance },
        start,
        m.index + whole.trimEnd().length,
      );
    } catch {
      // A currency code Node does not know is not an amount we can check.
    }
  }
  for (const m of text.matchAll(CHINESE_MONEY)) {
    const value = parseChineseNumeral(m[1] ?? '');
    if (value === undefined) continue;
    const amount = parseDecimal(String(value), currency).amount;
    c.add({ type: 'money', money: { amount, currency }, tolerance: 0 }, m.index, m.index + m[0].length);
  }
}

function readPercents(text: string, c: Collector): void {
  for (const m of text.matchAll(PERCENT)) {
    c.add({ type: 'percent', percent: Number(m[1]), form: 'percent' }, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(ZHE)) {
    const raw = m[1] ?? '';
    const value = /^\d/.test(raw)
      ? Number(raw)
      : Number([...raw].map((ch) => parseChineseNumeral(ch)).join(''));
    if (!Number.isFinite(value) || value <= 0) continue;
    const paid = value < 10 ? value * 10 : value;
    c.add(
      { type: 'percent', percent: Math.round((100 - paid) * 100) / 100, form: 'zhe' },
      m.index,
      m.index + m[0].length,
    );
  }
}

function readStock(text: string, c: Collector): void {
  for (const m of text.matchAll(STOCK_EN)) {
    const word = (m[1] ?? '').toLowerCase();
    const count = NUMBER_WORDS[word] ?? Number(word);
    c.add({ type: 'stock-count', count }, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(STOCK_ZH)) {
    const count = parseCount(m[1] ?? '');
    if (count !== undefined) c.add({ type: 'stock-count', count }, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(OUT_OF_STOCK))
    c.add({ type: 'availability', inStock: false }, m.index, m.index + m[0].length);
  for (const m of text.matchAll(IN_STOCK))
    c.add({ type: 'availability', inStock: true }, m.index, m.index + m[0].length);
}

function readCodes(text: string, c: Collector, index: FactIndex): void {
  for (const m of text.matchAll(CODE_SHAPE)) {
    if (index.identifiers.has(m[1] ?? '')) c.reserve(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(CODE_AFTER_WORD)) {
    const code = m[1] ?? '';
    const start = m.index + m[0].length - code.length;
    if (!index.identifiers.has(code)) c.add({ type: 'code', code }, start, start + code.length);
  }
  for (const m of text.matchAll(CODE_SHAPE)) {
    const code = m[1] ?? '';
    if (CODES.split('|').some((k) => code.startsWith(k) && /^\d+$/.test(code.slice(3)))) continue;
    c.add({ type: 'code', code }, m.index, m.index + code.length);
  }
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The year that puts month/day nearest the reference date. */
function nearestDate(month: number, day: number, reference: string): string {
  const year = Number(reference.slice(0, 4));
  const target = dayNumber(reference);
  const options = [year - 1, year, year + 1].map((y) => isoDate(y, month, day));
  return options.reduce((best, d) =>
    Math.abs(dayNumber(d) - target) < Math.abs(dayNumber(best) - target) ? d : best,
  );
}

/** The first such weekday after the reference date (0 = Sunday). */
function nextWeekday(weekday: number, reference: string): string {
  const start = dayNumber(reference);
  for (let d = start + 1; d <= start + 7; d += 1)
    if (new Date(d * 86_400_000).getUTCDay() === weekday) return fromDayNumber(d);
  return reference;
}

const WEEKDAY_INDEX: Readonly<Record<string, number>> = {
  sun: 0,
  mon: 1,
  tues: 2,
  wednes: 3,
  thurs: 4,
  fri: 5,
  satur: 6,
  日: 0,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
};

function readDates(
  text: string,
  c: Collector,
  reference: string | undefined,
  today: string | undefined,
): void {
  if (!DELIVERY_WORDS.test(text)) return;
  const add = (date: string, start: number, end: number) => {
    const by = BY_WORDS.test(text.slice(0, start)) || BY_AFTER.test(text.slice(end));
    c.add({ type: 'delivery-date', date, by }, start, end);
  };
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const end = m.index + m[0].length;
    if (m[1] !== undefined) add(isoDate(Number(m[1]), Number(m[2]), Number(m[3])), m.index, end);
    else if (reference !== undefined)
      add(nearestDate(Number(m[4] ?? m[6]), Number(m[5] ?? m[7]), reference), m.index, end);
  }
  if (reference !== undefined) {
    for (const m of text.matchAll(MONTH_DAY)) {
      const month = MONTH_NAMES.indexOf((m[1] ?? m[4] ?? '').toLowerCase().slice(0, 3)) + 1;
      add(nearestDate(month, Number(m[2] ?? m[3]), reference), m.index, m.index + m[0].length);
    }
  }
  if (today === undefined) return;
  for (const m of text.matchAll(WEEKDAY_EN)) {
    add(nextWeekday(WEEKDAY_INDEX[(m[1] ?? '').toLowerCase()] ?? 0, today), m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(WEEKDAY_ZH)) {
    add(nextWeekday(WEEKDAY_INDEX[m[1] ?? ''] ?? 0, today), m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(RELATIVE_DAY)) {
    const word = (m[1] ?? m[2] ?? '').toLowerCase();
    const offset = word === '後天' ? 2 : 1;
    add(fromDayNumber(dayNumber(today) + offset), m.index, m.index + m[0].length);
  }
}

function readDays(text: string, c: Collector): void {
  const returns = RETURN_WORDS.test(text);
  if (!returns && !DELIVERY_WORDS.test(text) && !/business|working|工作天|工作日/i.test(text)) return;
  if (!returns) {
    for (const m of text.matchAll(RANGE_DAYS)) {
      c.add(
        { type: 'delivery-days', min: Number(m[1]), max: Number(m[2]), within: false },
        m.index,
        m.index + m[0].length,
      );
    }
  }
  for (const m of text.matchAll(SINGLE_DAYS)) {
    const days = parseCount(m[2] ?? '');
    if (days === undefined) continue;
    const start = m.index + (m[1] === undefined ? 0 : m[0].indexOf(m[2] ?? ''));
    const end = m.index + m[0].length;
    if (returns) c.add({ type: 'return-days', days }, start, end);
    else
      c.add(
        { type: 'delivery-days', min: days, max: days, within: m[1] !== undefined || m[3] !== undefined },
        start,
        end,
      );
  }
}

function readFlags(text: string, c: Collector): void {
  for (const m of text.matchAll(FREE_SHIPPING)) {
    c.add({ type: 'free-shipping', threshold: THRESHOLD_WORDS.test(text) }, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(FREE_RETURNS))
    c.add({ type: 'free-returns' }, m.index, m.index + m[0].length);
  for (const m of text.matchAll(PROMISE)) c.add({ type: 'promise' }, m.index, m.index + m[0].length);
}

/** Statements that something was done, one per kind of action; refusals and conditionals claim nothing. */
function readActions(text: string, c: Collector): void {
  if (NOT_DONE.test(text.trim())) return;
  for (const [action, words] of ACTION_WORDS) {
    const m = [...text.matchAll(words)][0];
    if (m === undefined) continue;
    if (action === 'cancelled' && !mentionsOrder(text)) continue;
    c.addAround({ type: 'action', action }, m.index, m.index + m[0].length);
  }
}

/** Capitalized names ("Salomon X Ultra 4") that no fact calls anything. */
function readNames(text: string, c: Collector, index: FactIndex): void {
  const lower = text.toLowerCase();
  for (const name of index.knownNames) {
    let at = lower.indexOf(name);
    while (at >= 0) {
      c.reserve(at, at + name.length);
      at = lower.indexOf(name, at + name.length);
    }
  }
  for (const m of text.matchAll(CAPITALIZED_RUN)) {
    const words = m[0].split(/\s+/);
    let first = 0;
    while (first < words.length && NOT_NAME_WORDS.has((words[first] ?? '').toLowerCase())) first += 1;
    const kept = words.slice(first);
    const capitalized = kept.filter((w) => /^[A-Z]/.test(w) && !NOT_NAME_WORDS.has(w.toLowerCase()));
    if (kept.length < 2 || capitalized.length === 0) continue;
    if (capitalized.length < 2 && !kept.some((w) => /\d/.test(w))) continue;
    const name = kept.join(' ');
    const start = m.index + m[0].indexOf(kept[0] ?? '');
    const end = start + name.length;
    if (c.isTaken(start, end)) continue;
    const lowered = name.toLowerCase();
    if (index.knownNames.some((known) => known.includes(lowered) || lowered.includes(known))) continue;
    c.add({ type: 'unknown-product', name }, start, end);
  }
  for (const m of text.matchAll(/「([^」]{2,40})」/g)) {
    const name = m[1] ?? '';
    const lowered = name.toLowerCase();
    if (index.knownNames.some((known) => known.includes(lowered) || lowered.includes(known))) continue;
    if (/[A-Z0-9]/.test(name) && /^[A-Z0-9_-]+$/.test(name)) continue;
    c.add({ type: 'unknown-product', name }, m.index, m.index + m[0].length);
  }
}

export interface ExtractedDraft {
  readonly sentences: readonly Sentence[];
  readonly claims: readonly Claim[];
}

export function extractClaims(draft: string, index: FactIndex, options: ExtractOptions): ExtractedDraft {
  const sentences = splitSentences(draft);
  const reference = options.today ?? index.shipping[0]?.earliest;
  const claims: Claim[] = [];
  sentences.forEach((sentence, i) => {
    const c = new Collector(sentence, i);
    const text = sentence.text;
    readFlags(text, c);
    readCodes(text, c, index);
    readDates(text, c, reference, options.today);
    readMoney(text, c, options.currency);
    readPercents(text, c);
    readDays(text, c);
    readStock(text, c);
    readNames(text, c, index);
    readActions(text, c);
    claims.push(...c.claims.sort((a, b) => a.start - b.start));
  });
  return { sentences, claims };
}
