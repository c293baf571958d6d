/**
 * A tool's refusal in plain words. Each sentence states only what the engine decided (its code
 * and the states or reasons it named); it never guesses why, and never says whether an order or
 * account the shopper may not see exists.
 */

import type { Language } from '../../nlu/index.js';
import type { ToolError } from '../../tools/index.js';
import { type Phrase, say } from '../phrasing.js';
import { reasonWords, statesWords, statusWords } from './order-words.js';

const PLAIN: Readonly<Record<string, Phrase>> = {
  no_cart: { en: 'Your cart is empty.', 'zh-TW': '您的購物車是空的。' },
  empty_cart: { en: 'Your cart is empty.', 'zh-TW': '您的購物車是空的。' },
  cart_empty: { en: 'Your cart is empty.', 'zh-TW': '您的購物車是空的。' },
  order_not_found: {
    en: 'I couldn’t find that order among your orders.',
    'zh-TW': '在您的訂單中找不到這筆訂單。',
  },
  identification_failed: {
    en: 'I couldn’t match those details to an account.',
    'zh-TW': '這些資料對不到任何帳戶。',
  },
  too_many_attempts: {
    en: 'That was too many attempts to confirm who you are, so I can’t try again in this chat.',
    'zh-TW': '身分確認的嘗試次數過多，這次對話無法再試。',
  },
  shopper_not_identified: {
    en: 'I need to confirm who you are first.',
    'zh-TW': '我需要先確認您的身分。',
  },
  shopper_not_verified: {
    en: 'I need to confirm who you are first.',
    'zh-TW': '我需要先確認您的身分。',
  },
  no_saved_method: {
    en: 'There is no saved payment method on your account.',
    'zh-TW': '您的帳戶沒有儲存的付款方式。',
  },
  no_shipping_address: {
    en: 'There is no shipping address on your account.',
    'zh-TW': '您的帳戶沒有收件地址。',
  },
  out_of_stock: { en: 'That item is out of stock.', 'zh-TW': '這件商品目前缺貨。' },
  insufficient_stock: {
    en: 'There aren’t enough in stock for that quantity.',
    'zh-TW': '庫存不足以供應這個數量。',
  },
  item_unavailable: { en: 'That item is no longer for sale.', 'zh-TW': '這件商品已不再販售。' },
  final_sale: {
    en: 'That item was sold as final sale, so it can’t be returned.',
    'zh-TW': '這件商品屬於最終出清，無法退貨。',
  },
  outside_return_window: {
    en: 'That item is past its return window, so I can’t start a return for it.',
    'zh-TW': '這件商品已超過退貨期限，無法申請退貨。',
  },
  quantity_exceeds_delivered: {
    en: 'Those units were already returned or exchanged, or haven’t been delivered yet.',
    'zh-TW': '這些數量已退換過，或尚未送達。',
  },
  quantity_exceeds_open: {
    en: 'Those units were already returned or exchanged, or haven’t been delivered yet.',
    'zh-TW': '這些數量已退換過，或尚未送達。',
  },
  payment_declined: { en: 'The payment was declined.', 'zh-TW': '付款未獲授權。' },
  cart_full: { en: 'Your cart can’t hold more different items.', 'zh-TW': '購物車的商品種類已達上限。' },
  too_many_coupons: { en: 'Your cart can’t take more codes.', 'zh-TW': '購物車無法再加入更多優惠碼。' },
  confirmation_stale: {
    en: 'The amounts changed since you agreed, so I didn’t go ahead.',
    'zh-TW': '金額在您同意後有變動，所以我沒有執行。',
  },
  confirmation_invalid: {
    en: 'That confirmation no longer matches, so I didn’t go ahead.',
    'zh-TW': '這個確認已經不符，所以我沒有執行。',
  },
  payment_method_required: {
    en: 'That replacement costs more, and I can’t take payment for the difference here.',
    'zh-TW': '替換商品的價格較高，我無法在這裡收取差額。',
  },
  not_same_product: {
    en: 'An exchange can only be for another size or colour of the same product.',
    'zh-TW': '換貨只能換同一商品的其他尺寸或顏色。',
  },
};

const ACTION: Readonly<Record<string, Phrase>> = {
  not_cancellable: { en: 'cancelled', 'zh-TW': '取消' },
  not_modifiable: { en: 'changed', 'zh-TW': '修改' },
  not_returnable: { en: 'returned', 'zh-TW': '退貨' },
  not_exchangeable: { en: 'exchanged', 'zh-TW': '換貨' },
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function refusalWords(error: ToolError, language: Language): string {
  const plain = PLAIN[error.code];
  if (plain !== undefined) return say(language, plain);
  const details = error.details ?? {};
  const action = ACTION[error.code];
  if (action !== undefined) {
    const verb = say(language, action);
    const status = typeof details.status === 'string' ? details.status : null;
    const allowed = strings(details.allowedStates);
    if (status === null) {
      return language === 'zh-TW' ? `這筆訂單目前無法${verb}。` : `This order can’t be ${verb} any more.`;
    }
    const now =
      language === 'zh-TW'
        ? `這筆訂單目前${statusWords(status, language)}，無法${verb}`
        : `This order is ${statusWords(status, language)}, so it can’t be ${verb}`;
    if (allowed.length === 0) return `${now}${language === 'zh-TW' ? '。' : '.'}`;
    return language === 'zh-TW'
      ? `${now}；只有在訂單${statesWords(allowed, language)}時才能${verb}。`
      : `${now}; that is possible only while an order is ${statesWords(allowed, language)}.`;
  }
  if (error.code === 'reason_not_allowed') {
    const reasons = strings(details.allowedReasons);
    return language === 'zh-TW'
      ? `依照本店政策，只有${reasonWords(reasons, language)}的情況可以辦理。`
      : `Under the store’s policy that is possible only for ${reasonWords(reasons, language)}.`;
  }
  return language === 'zh-TW'
    ? '商店系統沒有接受這個要求。'
    : 'The store’s system didn’t accept that request.';
}
