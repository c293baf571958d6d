/**
 * A coupon code the shopper typed: the engine decides. Applied, the answer states the discount
 * it granted in this quote; refused, it states the engine's reason in plain words and nothing more.
 */
import type { Money } from '../../../core/index.js';
import type { PromotionFact } from '../../facts/index.js';
import type { Entity, Language } from '../../nlu/index.js';
import { money, type Phrase, say } from '../phrasing.js';
import type { IntentHandler } from '../types.js';
import { answer } from './answer.js';
import { attempt } from './attempt.js';
import { cartAnswer } from './cart-answer.js';
import { readCart } from './cart-state.js';
import { refusalWords } from './refusals.js';

type Reason = (name: string, threshold: string | null) => Phrase;

const REASONS: Readonly<Record<string, Reason>> = {
  unknown_code: () => ({ en: 'it doesn’t match any promotion', 'zh-TW': '這個優惠碼不存在' }),
  inactive: (name) => ({ en: `${name} is not active`, 'zh-TW': `「${name}」目前未啟用` }),
  not_started: (name) => ({ en: `${name} hasn’t started yet`, 'zh-TW': `「${name}」尚未開始` }),
  expired: (name) => ({ en: `${name} has ended`, 'zh-TW': `「${name}」已經結束` }),
  usage_limit_reached: (name) => ({
    en: `${name} has reached its usage limit`,
    'zh-TW': `「${name}」的使用次數已達上限`,
  }),
  budget_exhausted: (name) => ({ en: `${name} has run out`, 'zh-TW': `「${name}」的優惠額度已用完` }),
  customer_not_eligible: (name) => ({
    en: `your account doesn’t meet the conditions of ${name}`,
    'zh-TW': `您的帳戶不符合「${name}」的使用條件`,
  }),
  min_subtotal_not_met: (name, threshold) =>
    threshold === null
      ? { en: `the cart’s subtotal is below what ${name} needs`, 'zh-TW': `購物車小計未達「${name}」的門檻` }
      : {
          en: `${name} needs a subtotal of ${threshold}`,
          'zh-TW': `「${name}」需消費滿 ${threshold}`,
        },
  min_items_not_met: (name) => ({
    en: `the cart has fewer items than ${name} needs`,
    'zh-TW': `購物車件數未達「${name}」的門檻`,
  }),
  channel_not_eligible: (name) => ({
    en: `${name} isn’t available here`,
    'zh-TW': `「${name}」不適用於這個購物管道`,
  }),
  outside_time_window: (name) => ({
    en: `${name} isn’t valid right now`,
    'zh-TW': `「${name}」目前不在適用時段`,
  }),
  no_matching_items: (name) => ({
    en: `no item in your cart qualifies for ${name}`,
    'zh-TW': `購物車中沒有適用「${name}」的商品`,
  }),
  no_shipping_to_discount: (name) => ({
    en: `${name} discounts shipping, and your shipping is already free`,
    'zh-TW': `「${name}」是運費優惠，而您的運費已經免費`,
  }),
  not_combinable: (name) => ({
    en: `${name} can’t be combined with a promotion already applied`,
    'zh-TW': `「${name}」無法與已套用的優惠合併使用`,
  }),
  exclusive_applied: (name) => ({
    en: `another promotion on your cart saves you more and can’t be combined with ${name}`,
    'zh-TW': `購物車已套用更優惠且不可合併的優惠，因此未套用「${name}」`,
  }),
  better_promotion_applied: (name) => ({
    en: `another promotion on your cart saves you more than ${name}`,
    'zh-TW': `購物車已套用比「${name}」更優惠的活動`,
  }),
};

function reasonText(
  code: string,
  reason: string | null,
  fact: PromotionFact | undefined,
  language: Language,
) {
  const name = fact?.name ?? code;
  const [threshold] = fact?.amounts ?? [];
  const phrase = REASONS[reason ?? '']?.(
    name,
    threshold === undefined ? null : money(threshold, language),
  ) ?? {
    en: 'it doesn’t apply to this cart',
    'zh-TW': '它不適用於這個購物車',
  };
  return say(language, phrase);
}

export const applyCoupon: IntentHandler = async (turn) => {
  const { language } = turn;
  const entity = turn.understanding.entities.find(
    (e): e is Extract<Entity, { type: 'coupon' }> => e.type === 'coupon',
  );
  if (entity === undefined) {
    return answer(
      turn,
      say(language, {
        en: 'Which code would you like to use? Type it as it was given to you.',
        'zh-TW': '請問要使用哪個優惠碼？請照原樣輸入。',
      }),
    );
  }
  const code = entity.value.toUpperCase();
  const applied = await attempt(turn, 'apply_coupon', { code });
  if (!applied.ok) return answer(turn, refusalWords(applied.error, language));
  const cart = readCart(applied.result);
  const refusal = cart.refusedCoupons.find((notice) => notice.code === code);
  if (refusal !== undefined) {
    const fact = cart.rejected.find((p) => p.codes.includes(code));
    const why = reasonText(code, refusal.reason, fact, language);
    const refusedWords = say(language, {
      en: `The code ${code} was not applied: ${why}.`,
      'zh-TW': `優惠碼 ${code} 無法使用：${why}。`,
    });
    // Gift cards are tenders, not promotions: a shopper typing one here is pointed to where it works.
    const lead =
      refusal.reason === 'unknown_code'
        ? `${refusedWords} ${say(language, {
            en: 'If it’s a gift card, you can use it in the checkout form when you pay.',
            'zh-TW': '如果這是禮物卡，可以在結帳表單付款時使用。',
          })}`
        : refusedWords;
    return cart.lines.length === 0 ? answer(turn, lead) : cartAnswer(turn, lead, cart);
  }
  const granted: Money | null = cart.applied.find((p) => p.codes.includes(code))?.granted ?? null;
  const lead =
    granted === null || granted.amount === 0
      ? say(language, { en: `The code ${code} is on your cart.`, 'zh-TW': `優惠碼 ${code} 已加入購物車。` })
      : say(language, {
          en: `The code ${code} is applied: ${money(granted, language)} off.`,
          'zh-TW': `優惠碼 ${code} 已套用，折抵 ${money(granted, language)}。`,
        });
  return cartAnswer(turn, lead, cart);
};
