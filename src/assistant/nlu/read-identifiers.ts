/**
 * Identifiers a shopper types: emails, order numbers ("#A1002", "訂單 A1002"), coupon codes
 * (upper-case codes such as WELCOME10), and, when identifying themselves, a name and a postal code
 * ("I'm Amy Chen, 10491").
 */
import { isClaimed, type MessageScan, readMatches, spanOf } from './message-scan.js';
import type { Entity } from './types.js';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const ORDER_AFTER_WORD =
  /(?:order|訂單|订单|單號|单号)\s*(?:number|no\.?|id|編號|编号|號碼|号码|號|号)?\s*(?:is|是)?\s*[:：#＃]?\s*(#?[a-z]{0,2}-?\d{3,10})(?![a-z0-9])/giu;
const ORDER_WITH_HASH = /[#＃]\s?([a-z]{0,2}\d{3,10})(?![a-z0-9])/giu;
const ORDER_BARE = /(?<![a-z0-9])([a-z]\d{4,8})(?![a-z0-9])/giu;
const COUPON_CONTEXT =
  /(?:code|coupon|promo|voucher|discount|優惠碼|优惠码|折扣碼|折扣码|折價券|折价券|優惠券|优惠券|序號|代碼|代码)/iu;
const CODE_CANDIDATE = /(?<![\p{L}\p{N}])([A-Z][A-Z0-9]{3,19})(?![\p{L}\p{N}])/gu;
/** Upper-case words that are not codes. */
const NOT_CODES = new Set([
  'GPS',
  'UPF',
  'USB',
  'NTD',
  'TWD',
  'USD',
  'EVA',
  'HELLO',
  'THANKS',
  'HELP',
  'ASAP',
  'PLEASE',
]);
const POSTAL_CONTEXT = /(?:zip|postal|post\s?code|postcode|郵遞區號|邮递区号|郵編|邮编|區號)/iu;
const POSTAL = /(?<![\p{N}#])(\d{3}(?:\d{2,3})?)(?![\p{N}])/gu;
const ENGLISH_NAME =
  /\b(?:[Ii]'?m|[Ii] am|[Mm]y name is|[Mm]y name's|[Tt]his is|[Nn]ame\s*[:：]|[Ii]t's|[Ii]t is)\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})/gu;
const CHINESE_NAME =
  /(?:我是|我叫|我的名字是|名字是|名字叫|姓名\s*[:：]?)\s*([\p{Script=Han}]{2,4}?)(?=[，,。.\s、；;！!]|\d|$)/gu;
/** Words after 我是 that start a sentence rather than a name. */
const NOT_NAME_START = /^(?:想|要|問|说|說|來|来|在|新|會|会|你|不|老|第|男|女|剛|刚)/u;

export function readEmails(scan: MessageScan): Entity[] {
  return readMatches(scan, EMAIL, (match, span) => ({ type: 'email', value: match[0], ...span }));
}

export function readOrderNumbers(scan: MessageScan): Entity[] {
  const value = (text: string): string => text.replace(/[#＃-]/g, '').toUpperCase();
  return [
    ...readMatches(
      scan,
      ORDER_AFTER_WORD,
      (match, span) => ({ type: 'order', value: value(match[1]!), ...span }),
      1,
    ),
    ...readMatches(scan, ORDER_WITH_HASH, (match, span) => ({
      type: 'order',
      value: value(match[1]!),
      ...span,
    })),
    ...readMatches(
      scan,
      ORDER_BARE,
      (match, span) => ({ type: 'order', value: value(match[1]!), ...span }),
      1,
    ),
  ];
}

export function readCoupons(scan: MessageScan): Entity[] {
  const inContext = COUPON_CONTEXT.test(scan.original);
  const entities: Entity[] = [];
  for (const match of scan.original.matchAll(CODE_CANDIDATE)) {
    const code = match[1]!;
    const start = match.index;
    const end = start + code.length;
    if (NOT_CODES.has(code) || isClaimed(scan, start, end)) continue;
    const looksLikeCode = /\d/u.test(code) && /[A-Z]{3}/u.test(code);
    if (!looksLikeCode && !inContext) continue;
    scan.claimed.push(spanOf(scan, start, end));
    entities.push({ type: 'coupon', value: code, ...spanOf(scan, start, end) });
  }
  return entities;
}

export function readNames(scan: MessageScan): Entity[] {
  const entities: Entity[] = [];
  for (const match of scan.original.matchAll(ENGLISH_NAME)) {
    const name = match[1]!;
    const start = match.index + match[0].length - name.length;
    if (isClaimed(scan, start, start + name.length)) continue;
    scan.claimed.push(spanOf(scan, start, start + name.length));
    entities.push({ type: 'name', value: name, ...spanOf(scan, start, start + name.length) });
  }
  for (const match of scan.original.matchAll(CHINESE_NAME)) {
    const name = match[1]!;
    if (NOT_NAME_START.test(name)) continue;
    const start = match.index + match[0].length - name.length;
    if (isClaimed(scan, start, start + name.length)) continue;
    scan.claimed.push(spanOf(scan, start, start + name.length));
    entities.push({ type: 'name', value: name, ...spanOf(scan, start, start + name.length) });
  }
  return entities;
}

/** A postal code is read only when the message is about identity: a postal word, a name, an email, or the assistant asked. */
export function readPostalCodes(scan: MessageScan, identifying: boolean): Entity[] {
  if (!identifying && !POSTAL_CONTEXT.test(scan.original)) return [];
  return readMatches(scan, POSTAL, (match, span) => ({ type: 'postalCode', value: match[1]!, ...span }), 1);
}
