/**
 * Machine-readable reasons and the words for them. The assistant answers "why didn't my code
 * work?" from these codes and details, so each message states only what the engine decided.
 */
import { formatMoney } from '../core/index.js';
import type { FailedCheck } from './conditions.js';
import type { LocalizedMessage } from './types.js';

export type ReasonCode =
  | 'inactive'
  | 'not_started'
  | 'expired'
  | 'coupon_required'
  | 'unknown_code'
  | 'usage_limit_reached'
  | 'budget_exhausted'
  | 'customer_not_eligible'
  | 'min_subtotal_not_met'
  | 'min_items_not_met'
  | 'channel_not_eligible'
  | 'outside_time_window'
  | 'not_in_experiment'
  | 'conditions_not_met'
  | 'no_matching_items'
  | 'no_shipping_to_discount'
  | 'not_combinable'
  | 'exclusive_applied'
  | 'better_promotion_applied'
  | 'floor_price'
  | 'capped'
  | 'budget_clipped';

export interface Explained {
  readonly code: ReasonCode;
  readonly reason: string;
  readonly message: LocalizedMessage;
  readonly details: Readonly<Record<string, unknown>>;
}

interface Words {
  readonly name: string;
  readonly currency: string;
  readonly details: Readonly<Record<string, unknown>>;
}

const formatted = new Map<string, string>();

/**
 * core's `formatMoney` builds an Intl.NumberFormat per call (~0.1 ms), and a quote explains
 * many thresholds, so formatted amounts are remembered (a bounded set: thresholds and caps).
 */
function money(amount: unknown, currency: string, locale: string): string {
  if (typeof amount !== 'number') return String(amount);
  const key = `${locale}|${currency}|${amount}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatMoney({ amount, currency }, locale);
    if (formatted.size >= 10_000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

function day(instant: unknown): string {
  return typeof instant === 'number' ? new Date(instant).toISOString().slice(0, 10) : String(instant);
}

const templates: Record<ReasonCode, (w: Words) => LocalizedMessage> = {
  inactive: ({ name }) => ({ en: `${name} is not active.`, 'zh-TW': `「${name}」目前未啟用。` }),
  not_started: ({ name, details }) => ({
    en: `${name} starts on ${day(details.startsAt)}.`,
    'zh-TW': `「${name}」將於 ${day(details.startsAt)} 開始。`,
  }),
  expired: ({ name, details }) => ({
    en: `${name} ended on ${day(details.endsAt)}.`,
    'zh-TW': `「${name}」已於 ${day(details.endsAt)} 結束。`,
  }),
  coupon_required: ({ name }) => ({
    en: `${name} needs a promotion code.`,
    'zh-TW': `「${name}」需要輸入優惠碼。`,
  }),
  unknown_code: ({ details }) => ({
    en: `The code ${String(details.code)} does not match any promotion.`,
    'zh-TW': `優惠碼 ${String(details.code)} 不存在。`,
  }),
  usage_limit_reached: ({ name, details }) =>
    details.scope === 'customer'
      ? {
          en: `You have already used ${name} the maximum number of times.`,
          'zh-TW': `您使用「${name}」的次數已達上限。`,
        }
      : { en: `${name} has been fully redeemed.`, 'zh-TW': `「${name}」已達使用次數上限。` },
  budget_exhausted: ({ name }) => ({
    en: `${name} has used up its budget.`,
    'zh-TW': `「${name}」的優惠預算已用完。`,
  }),
  customer_not_eligible: ({ name, details }) =>
    details.field === 'customer.firstOrder'
      ? { en: `${name} is for first orders only.`, 'zh-TW': `「${name}」僅限首次購物使用。` }
      : details.field === 'customer.id' && details.actual === undefined
        ? { en: `${name} needs you to sign in.`, 'zh-TW': `「${name}」需要登入會員。` }
        : { en: `Your account is not eligible for ${name}.`, 'zh-TW': `您的帳戶不符合「${name}」的資格。` },
  min_subtotal_not_met: ({ name, currency, details }) => ({
    en: `${name} needs a subtotal of ${money(details.expected, currency, 'en')}; the cart has ${money(details.actual, currency, 'en')}.`,
    'zh-TW': `「${name}」需消費滿 ${money(details.expected, currency, 'zh-TW')}，目前小計 ${money(details.actual, currency, 'zh-TW')}。`,
  }),
  min_items_not_met: ({ name, details }) => ({
    en: `${name} needs ${String(details.expected)} items; the cart has ${String(details.actual)}.`,
    'zh-TW': `「${name}」需購買 ${String(details.expected)} 件，目前 ${String(details.actual)} 件。`,
  }),
  channel_not_eligible: ({ name }) => ({
    en: `${name} is not available on this channel.`,
    'zh-TW': `「${name}」不適用於此購物管道。`,
  }),
  outside_time_window: ({ name }) => ({
    en: `${name} is not valid at this time.`,
    'zh-TW': `「${name}」目前不在適用時段。`,
  }),
  not_in_experiment: ({ name }) => ({
    en: `${name} is not offered to you right now.`,
    'zh-TW': `「${name}」目前未提供給您。`,
  }),
  conditions_not_met: ({ name }) => ({
    en: `The cart does not meet the conditions of ${name}.`,
    'zh-TW': `購物車未符合「${name}」的條件。`,
  }),
  no_matching_items: ({ name }) => ({
    en: `No item in the cart qualifies for ${name}.`,
    'zh-TW': `購物車中沒有適用「${name}」的商品。`,
  }),
  no_shipping_to_discount: ({ name }) => ({
    en: `${name} discounts shipping, and this order's shipping is already free or not available.`,
    'zh-TW': `「${name}」為運費優惠，但此訂單運費已免費或無可用的配送方式。`,
  }),
  not_combinable: ({ name, details }) => ({
    en: `${name} cannot be combined with ${String(details.conflictsWith)}.`,
    'zh-TW': `「${name}」無法與「${String(details.conflictsWith)}」合併使用。`,
  }),
  exclusive_applied: ({ name, details }) => ({
    en: `${name} was not applied because ${String(details.appliedInstead)} saves you more and cannot be combined.`,
    'zh-TW': `「${name}」未套用，因為「${String(details.appliedInstead)}」更優惠且不可合併。`,
  }),
  better_promotion_applied: ({ name, details }) => ({
    en: `${name} was not applied because ${String(details.appliedInstead)} saves you more.`,
    'zh-TW': `「${name}」未套用，因為「${String(details.appliedInstead)}」更優惠。`,
  }),
  floor_price: ({ name }) => ({
    en: `${name} was reduced so no item sells below its minimum price.`,
    'zh-TW': `「${name}」的折扣已調整，以免商品低於最低售價。`,
  }),
  capped: ({ name, currency, details }) => ({
    en: `${name} was reduced because discounts per order are capped at ${money(details.cap, currency, 'en')}.`,
    'zh-TW': `「${name}」的折扣已調整，每筆訂單折扣上限為 ${money(details.cap, currency, 'zh-TW')}。`,
  }),
  budget_clipped: ({ name }) => ({
    en: `${name} was reduced to what is left of its budget.`,
    'zh-TW': `「${name}」的折扣已調整為剩餘預算。`,
  }),
};

const reasons: Record<ReasonCode, string> = {
  inactive: 'promotion is not active',
  not_started: 'promotion has not started',
  expired: 'promotion has ended',
  coupon_required: 'promotion requires a code that was not entered',
  unknown_code: 'entered code matches no promotion',
  usage_limit_reached: 'usage limit reached',
  budget_exhausted: 'spend budget exhausted',
  customer_not_eligible: 'customer does not meet the conditions',
  min_subtotal_not_met: 'cart subtotal below the minimum',
  min_items_not_met: 'cart item count below the minimum',
  channel_not_eligible: 'channel not eligible',
  outside_time_window: 'outside the time window',
  not_in_experiment: 'experiment variant not eligible',
  conditions_not_met: 'conditions not met',
  no_matching_items: 'no cart line matches',
  no_shipping_to_discount: 'no shipping fee to discount',
  not_combinable: 'cannot combine with an applied promotion',
  exclusive_applied: 'an exclusive promotion saves more',
  better_promotion_applied: 'another promotion saves more',
  floor_price: 'clipped by the price floor',
  capped: 'clipped by the order discount cap',
  budget_clipped: 'clipped to the remaining budget',
};

export function explain(
  code: ReasonCode,
  name: string,
  currency: string,
  details: Record<string, unknown> = {},
): Explained {
  return { code, reason: reasons[code], message: templates[code]({ name, currency, details }), details };
}

/** The reason code a failed condition leaf stands for. */
export function codeForFailedCheck(check: FailedCheck): ReasonCode {
  const { field, op } = check;
  if (field === 'cart.subtotal' && (op === 'gt' || op === 'gte')) return 'min_subtotal_not_met';
  if (field === 'cart.itemCount' && (op === 'gt' || op === 'gte')) return 'min_items_not_met';
  if (field.startsWith('customer.')) return 'customer_not_eligible';
  if (field === 'coupons') return 'coupon_required';
  if (field === 'channel') return 'channel_not_eligible';
  if (field === 'now' || field.startsWith('time.')) return 'outside_time_window';
  if (field.startsWith('experiment.')) return 'not_in_experiment';
  if (field === 'lines') return 'no_matching_items';
  return 'conditions_not_met';
}
