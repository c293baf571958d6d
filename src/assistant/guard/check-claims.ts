/**
 * Each claim against the facts: supported, unsupported (nothing in the facts says it) or
 * contradicted (the facts say otherwise), with the value it should have had when one fact
 * answers it unambiguously.
 */
import { currencyExponent, formatMoney, type Money } from '../../core/index.js';
import type { Fact, StockFact } from '../facts/index.js';
import { checkAction } from './action-claims.js';
import type { Claim } from './claims.js';
import { type AmountReference, type AmountRole, amountKey, type FactIndex } from './fact-index.js';
import type { Sentence } from './sentences.js';

export type ClaimStatus = 'supported' | 'unsupported' | 'contradicted';

export interface CheckedClaim {
  readonly claim: Claim;
  readonly status: ClaimStatus;
  readonly reason: string;
  readonly fact?: Fact;
  /** The words to put in place of the claim's, when exactly one fact says what it should be. */
  readonly correction?: string;
}

export interface CheckContext {
  readonly index: FactIndex;
  readonly sentences: readonly Sentence[];
  readonly locale: string;
  /** Numbers the shopper wrote this turn (a budget, a quantity): repeated as a range or refusal, they claim nothing. */
  readonly shopperNumbers: ReadonlySet<number>;
  /** Products named anywhere in the draft, for sentences that name none ("It is in stock"). */
  readonly draftProducts: readonly string[];
}

const NEGATION =
  /\b(?:not|n't|cannot|no longer|expired|invalid|unfortunately|isn't|doesn't|won't)\b|不適用|無法|不能|已過期|已結束|未達|沒辦法|不符合|不可/i;
const ROLE_WORDS: readonly [AmountRole, RegExp][] = [
  ['total', /\b(?:total|altogether|in all|grand total|comes to|pay)\b|總計|合計|總額|總共|共計|應付/i],
  ['subtotal', /\bsubtotal\b|小計/i],
  ['shipping', /\b(?:shipping|delivery) (?:fee|cost|is|costs)\b|運費/i],
  ['tax', /\b(?:tax|vat)\b|稅/i],
  ['refund', /\brefund\w*|退款|退還/i],
  ['discount', /\b(?:save|saving|discount|off)\b|折抵|折扣|省下?|優惠/i],
];

/** Words that make a sentence refuse what it repeats: "90% off isn't something I can give". */
const REFUSAL =
  /\b(?:not|never|cannot|can't|unable|won't|isn't|aren't|doesn't|don't|didn't|sorry|unfortunately)\b|n't\b|(?<!不)不(?!錯)|沒有|沒辦法|無法|抱歉|未能|並非/i;
/** A range right before or after the amount: "under NT$3,000", "3000元以下" is a budget, not a price. */
const RANGE_BEFORE =
  /(?:\b(?:under|below|up to|less than|at most|at least|within|budget(?: of)?|around|about|between|over|above|cheaper than)|\bbetween\b.*\band|預算(?:是|為)?|低於|高於|大約|不超過)\s*$/i;
const RANGE_AFTER = /^\s*(?:以下|以內|以上|左右|之間)/;
/** Words that state an amount as the store's price, total, discount, refund or grant. */
const GRANT =
  /\b(?:total|pay|paying|paid|now|off|discount\w*|applied|apply|locked|refund\w*|credit\w*|charged?|costs?|price[sd]?|get|deal|confirmed|done|yours|matched|honou?r\w*)\b|總額|總計|合計|應付|付|現在|折|優惠|套用|退款|退還|購物金|加值|價|只要|成功|鎖定/i;

/**
 * A number the shopper wrote may be repeated in a refusal, as a range ("jackets under NT$3,000")
 * or in a question that grants nothing; stated as the store's price, total or discount it is a
 * claim like any other, whoever said the number first.
 */
function echoesShopper(claim: Claim, value: number, context: CheckContext): boolean {
  if (!context.shopperNumbers.has(value)) return false;
  const sentence = context.sentences[claim.sentence];
  if (sentence === undefined) return false;
  if (REFUSAL.test(sentence.text)) return true;
  const at = claim.start - sentence.start;
  const before = sentence.text.slice(0, at);
  const after = sentence.text.slice(at + claim.text.length);
  if (RANGE_BEFORE.test(before) || RANGE_AFTER.test(after)) return true;
  return /[?？]\s*$/.test(sentence.text) && !GRANT.test(sentence.text);
}

export function productsIn(text: string, index: FactIndex): string[] {
  const lower = text.toLowerCase();
  return index.products.filter((p) => p.names.some((n) => lower.includes(n))).map((p) => p.fact.productId);
}

function locationsIn(text: string, index: FactIndex): string[] {
  const lower = text.toLowerCase();
  return index.locations.filter((l) => l.names.some((n) => lower.includes(n))).map((l) => l.locationId);
}

function sentenceOf(claim: Claim, context: CheckContext): string {
  return context.sentences[claim.sentence]?.text ?? '';
}

/** Places named in the claim's clause ("台北信義店還有2雙，台中店缺貨" has one per clause), else in its sentence. */
function placesOf(claim: Claim, context: CheckContext): string[] {
  const sentence = context.sentences[claim.sentence];
  if (sentence === undefined) return [];
  const at = claim.start - sentence.start;
  const text = sentence.text;
  const before = Math.max(...[...'，,；;、'].map((d) => text.lastIndexOf(d, at)));
  const afterCandidates = [...'，,；;、'].map((d) => text.indexOf(d, at)).filter((i) => i >= 0);
  const clause = text.slice(
    before + 1,
    afterCandidates.length > 0 ? Math.min(...afterCandidates) : text.length,
  );
  const inClause = locationsIn(clause, context.index);
  return inClause.length > 0 ? inClause : locationsIn(text, context.index);
}

/** Products the sentence is about: those it names, else those the draft names. */
function subjectProducts(claim: Claim, context: CheckContext): string[] {
  const named = productsIn(sentenceOf(claim, context), context.index);
  return named.length > 0 ? named : [...context.draftProducts];
}

const supported = (claim: Claim, reason: string, fact?: Fact): CheckedClaim =>
  fact === undefined ? { claim, status: 'supported', reason } : { claim, status: 'supported', reason, fact };

function distinctMoney(references: readonly AmountReference[]): Money[] {
  const seen = new Map<string, Money>();
  for (const r of references) seen.set(amountKey(r.money), r.money);
  return [...seen.values()];
}

function checkMoney(claim: Extract<Claim, { type: 'money' }>, context: CheckContext): CheckedClaim {
  const { index } = context;
  const { money, tolerance } = claim;
  const exact = index.amounts.get(amountKey(money))?.[0];
  if (exact) return supported(claim, `matches the ${exact.role}`, exact.fact);
  if (tolerance > 0) {
    const near = index.allAmounts.find(
      (r) =>
        r.money.currency === money.currency && Math.abs(Math.abs(r.money.amount) - money.amount) <= tolerance,
    );
    if (near) return supported(claim, `rounds the ${near.role}`, near.fact);
  }
  if (echoesShopper(claim, money.amount / 10 ** currencyExponent(money.currency), context)) {
    return supported(claim, 'repeats an amount the shopper wrote');
  }
  const sentence = sentenceOf(claim, context);
  const role = ROLE_WORDS.find(([, words]) => words.test(sentence))?.[0];
  const products = new Set(subjectProducts(claim, context));
  let expected: AmountReference[] = [];
  if (role !== undefined && role !== 'discount') {
    expected = index.allAmounts.filter((r) => r.role === role && r.productId === null);
  }
  if (expected.length === 0 && products.size > 0) {
    expected = index.allAmounts.filter(
      (r) => r.role === 'price' && r.productId !== null && products.has(r.productId),
    );
  }
  const values = distinctMoney(expected);
  const first = expected[0];
  if (first === undefined) return { claim, status: 'unsupported', reason: `no fact states ${claim.text}` };
  const base = { claim, status: 'contradicted' as const, fact: first.fact };
  if (values.length === 1 && values[0] !== undefined) {
    const formatted = formatMoney(values[0], context.locale);
    // Keep the draft's style: "NT$2,980" is corrected to "NT$3,280", not "NT$3,280.00".
    const correction = /\.\d/.test(claim.text) ? formatted : formatted.replace(/\.0+(?!\d)/, '');
    return { ...base, reason: `the ${first.role} is ${correction}`, correction };
  }
  return { ...base, reason: `${claim.text} is none of the ${first.role}s in the facts` };
}

function samePercent(claimed: number, actual: number): boolean {
  return (
    Math.abs(claimed - actual) < 0.005 || claimed === Math.round(actual) || claimed === Math.floor(actual)
  );
}

function checkPercent(claim: Extract<Claim, { type: 'percent' }>, context: CheckContext): CheckedClaim {
  const match = context.index.percents.find((p) => samePercent(claim.percent, p.percent));
  if (match) return supported(claim, 'matches a percentage in the facts', match.fact);
  if (echoesShopper(claim, claim.percent, context))
    return supported(claim, 'repeats a percentage the shopper wrote');
  const named = context.index.promotions.filter(
    (p) =>
      p.percents.length === 1 &&
      (sentenceOf(claim, context).toLowerCase().includes(p.name.toLowerCase()) ||
        p.codes.some((code) => sentenceOf(claim, context).includes(code))),
  );
  const promotion = named[0];
  if (named.length === 1 && promotion !== undefined && claim.form === 'percent') {
    const percent = promotion.percents[0] ?? 0;
    return {
      claim,
      status: 'contradicted',
      reason: `${promotion.name} is ${percent}% off`,
      fact: promotion,
      correction: `${percent}%`,
    };
  }
  return { claim, status: 'unsupported', reason: `no promotion or price gives ${claim.percent}% off` };
}

function stockCandidates(claim: Claim, context: CheckContext): StockFact[] {
  const products = subjectProducts(claim, context);
  if (products.length === 0) return [...context.index.stock];
  const entries = context.index.products.filter((p) => products.includes(p.fact.productId));
  const related = context.index.stock.filter(
    (s) =>
      (s.productId !== null && products.includes(s.productId)) ||
      entries.some((e) => e.variantIds.has(s.variantId)),
  );
  return related.length > 0 ? related : [...context.index.stock];
}

/** Available units at the places the sentence names, or in total when it names none. */
function availableAt(stock: StockFact, places: readonly string[]): number {
  if (places.length === 0) return stock.available;
  return stock.locations
    .filter((l) => places.includes(l.locationId))
    .reduce((sum, l) => sum + l.available, 0);
}

function checkStockCount(
  claim: Extract<Claim, { type: 'stock-count' }>,
  context: CheckContext,
): CheckedClaim {
  const candidates = stockCandidates(claim, context);
  const first = candidates[0];
  if (first === undefined) return { claim, status: 'unsupported', reason: 'no stock fact' };
  const places = placesOf(claim, context);
  const match = candidates.find(
    (s) => availableAt(s, places) === claim.count || s.locations.some((l) => l.available === claim.count),
  );
  if (match) return supported(claim, 'matches the available stock', match);
  const asked = context.shopperNumbers.has(claim.count)
    ? candidates.find((s) => availableAt(s, places) >= claim.count)
    : undefined;
  if (asked) return supported(claim, 'the quantity the shopper asked for is available', asked);
  const base = { claim, status: 'contradicted' as const, fact: first };
  if (candidates.length > 1) return { ...base, reason: `no variant has ${claim.count} available` };
  const actual = availableAt(first, places);
  if (actual === 0) return { ...base, reason: 'it is out of stock there' };
  return {
    ...base,
    reason: `${actual} available`,
    correction: claim.text.replace(
      /\d+|[零〇一二兩两三四五六七八九十百千萬]+(?=\s*[件個雙組台瓶包份盒套]|$)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b/i,
      String(actual),
    ),
  };
}

function checkAvailability(
  claim: Extract<Claim, { type: 'availability' }>,
  context: CheckContext,
): CheckedClaim {
  const candidates = stockCandidates(claim, context);
  const first = candidates[0];
  if (first === undefined) return { claim, status: 'unsupported', reason: 'no stock fact' };
  const places = placesOf(claim, context);
  const match = candidates.find((s) => availableAt(s, places) > 0 === claim.inStock);
  if (match) return supported(claim, claim.inStock ? 'units are available' : 'nothing is available', match);
  return {
    claim,
    status: 'contradicted',
    reason: claim.inStock ? 'nothing is available there' : 'units are available there',
    fact: first,
  };
}

function checkCode(claim: Extract<Claim, { type: 'code' }>, context: CheckContext): CheckedClaim {
  const promotions = context.index.codes.get(claim.code.toUpperCase()) ?? [];
  const usable = promotions.find((p) => p.status !== 'rejected');
  if (usable) return supported(claim, `${usable.name} takes this code`, usable);
  const rejected = promotions[0];
  if (rejected === undefined)
    return { claim, status: 'unsupported', reason: `no promotion has the code ${claim.code}` };
  if (NEGATION.test(sentenceOf(claim, context))) {
    return supported(claim, `says the code does not apply (${rejected.reasonCode ?? 'rejected'})`, rejected);
  }
  return {
    claim,
    status: 'contradicted',
    reason: `the code does not apply: ${rejected.reasonCode ?? 'rejected'}`,
    fact: rejected,
  };
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

function shippingCandidates(context: CheckContext) {
  const selected = context.index.shipping.filter((s) => s.selected);
  return selected.length > 0 ? selected : context.index.shipping;
}

function formatDate(iso: string, locale: string): string {
  const [, month, day] = iso.split('-').map(Number);
  if (locale.startsWith('zh')) return `${month}月${day}日`;
  return new Intl.DateTimeFormat('en', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(iso),
  );
}

function checkDeliveryDate(
  claim: Extract<Claim, { type: 'delivery-date' }>,
  context: CheckContext,
): CheckedClaim {
  const options = shippingCandidates(context);
  const first = options[0];
  if (first === undefined) return { claim, status: 'unsupported', reason: 'no delivery estimate' };
  const day = dayNumber(claim.date);
  const match = context.index.shipping.find((o) =>
    claim.by ? dayNumber(o.latest) <= day : dayNumber(o.earliest) <= day && day <= dayNumber(o.latest),
  );
  if (match) return supported(claim, `within ${match.earliest}…${match.latest}`, match);
  const base = {
    claim,
    status: 'contradicted' as const,
    fact: first,
    reason: `delivery is ${first.earliest}…${first.latest}`,
  };
  return options.length === 1 && claim.by
    ? { ...base, correction: formatDate(first.latest, context.locale) }
    : base;
}

function checkDeliveryDays(
  claim: Extract<Claim, { type: 'delivery-days' }>,
  context: CheckContext,
): CheckedClaim {
  const options = shippingCandidates(context);
  const first = options[0];
  if (first === undefined) return { claim, status: 'unsupported', reason: 'no delivery estimate' };
  const match = context.index.shipping.find((o) =>
    claim.within
      ? o.maxBusinessDays <= claim.max
      : claim.min === claim.max
        ? claim.min === o.minBusinessDays || claim.min === o.maxBusinessDays
        : claim.min === o.minBusinessDays && claim.max === o.maxBusinessDays,
  );
  if (match)
    return supported(claim, `${match.minBusinessDays}–${match.maxBusinessDays} business days`, match);
  const range = `${first.minBusinessDays}–${first.maxBusinessDays}`;
  const base = {
    claim,
    status: 'contradicted' as const,
    fact: first,
    reason: `delivery takes ${range} business days`,
  };
  if (options.length !== 1) return base;
  const correction =
    claim.min === claim.max
      ? claim.text.replace(/\d+/, String(first.maxBusinessDays))
      : claim.text.replace(/\d+\s?(?:-|–|—|~|～|to|到|至)\s?\d+/i, range);
  return { ...base, correction };
}

function checkReturnDays(
  claim: Extract<Claim, { type: 'return-days' }>,
  context: CheckContext,
): CheckedClaim {
  const policy = context.index.policy;
  if (policy === null) return { claim, status: 'unsupported', reason: 'no return policy fact' };
  // Only products the sentence names: "shoes: 30 days" next to a bag's 14 days is about shoes.
  const named = productsIn(sentenceOf(claim, context), context.index);
  const products = context.index.products.filter((p) => named.includes(p.fact.productId));
  const windows =
    products.length === 0
      ? policy.windows
      : policy.windows.filter((w) => {
          if (w.ruleId === null) return true;
          return products.some(
            ({ fact }) =>
              (w.categories === null || w.categories.some((c) => fact.categoryPath.includes(c))) &&
              (w.tags === null || w.tags.some((t) => fact.tags.includes(t))),
          );
        });
  // A product a category rule covers does not get the default window, unless a tier rule may apply.
  const specific = windows.filter((w) => w.ruleId !== null && w.tiers === null);
  const applicable =
    products.length > 0 && specific.length > 0 ? windows.filter((w) => w.ruleId !== null) : windows;
  if (applicable.some((w) => w.days === claim.days))
    return supported(claim, 'matches the return window', policy);
  const days = [...new Set(applicable.map((w) => w.days))];
  const base = {
    claim,
    status: 'contradicted' as const,
    fact: policy,
    reason: `the return window is ${days.join(' or ')} days`,
  };
  return days.length === 1
    ? { ...base, correction: claim.text.replace(/\d+|[零〇一二兩两三四五六七八九十百]+/, String(days[0])) }
    : base;
}

function checkFreeShipping(
  claim: Extract<Claim, { type: 'free-shipping' }>,
  context: CheckContext,
): CheckedClaim {
  const { index } = context;
  const free = index.shipping.find((o) => o.fee.amount === 0);
  if (free) return supported(claim, 'a shipping option costs nothing', free);
  const promotion = index.promotions.find((p) => p.freeShipping && p.status !== 'rejected');
  if (promotion) return supported(claim, `${promotion.name} makes shipping free`, promotion);
  const threshold = index.shipping.find((o) => o.freeOver !== null);
  if (threshold && claim.threshold) return supported(claim, 'free over a threshold', threshold);
  if (NEGATION.test(sentenceOf(claim, context))) return supported(claim, 'says shipping is not free');
  return { claim, status: 'unsupported', reason: 'no fact makes shipping free' };
}

export function checkClaim(claim: Claim, context: CheckContext): CheckedClaim {
  switch (claim.type) {
    case 'money':
      return checkMoney(claim, context);
    case 'percent':
      return checkPercent(claim, context);
    case 'stock-count':
      return checkStockCount(claim, context);
    case 'availability':
      return checkAvailability(claim, context);
    case 'code':
      return checkCode(claim, context);
    case 'delivery-date':
      return checkDeliveryDate(claim, context);
    case 'delivery-days':
      return checkDeliveryDays(claim, context);
    case 'return-days':
      return checkReturnDays(claim, context);
    case 'free-shipping':
      return checkFreeShipping(claim, context);
    case 'free-returns':
      return context.index.policy?.freeReturns
        ? supported(claim, 'the policy makes returns free', context.index.policy)
        : { claim, status: 'unsupported', reason: 'no fact makes returns free' };
    case 'promise':
      return { claim, status: 'unsupported', reason: 'a promise or instruction no fact backs' };
    case 'unknown-product':
      return { claim, status: 'unsupported', reason: `no product called ${claim.name} in the facts` };
    case 'action': {
      const checked = checkAction(claim.action, sentenceOf(claim, context), context.index);
      if (!checked.supported) return { claim, status: 'unsupported', reason: checked.reason };
      return supported(claim, checked.reason, checked.order);
    }
  }
}
