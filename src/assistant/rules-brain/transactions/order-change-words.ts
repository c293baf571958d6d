/**
 * What an order change will do and what it did, in words: the refund (or charge) exactly as the
 * engine previewed it and where the money goes. The same function words the preview and the
 * result, so the shopper hears the same figures before and after the yes.
 */
import type { Language } from '../../nlu/index.js';
import { list, money, type Phrase, say } from '../phrasing.js';
import type { OrderChange } from './order-outputs.js';

const DESTINATION: Readonly<Record<string, Phrase>> = {
  original: { en: 'your original payment method', 'zh-TW': '原付款方式' },
  store_credit: { en: 'store credit', 'zh-TW': '購物金' },
  gift_card: { en: 'a gift card', 'zh-TW': '禮物卡' },
};

function destination(code: string | undefined, language: Language): string {
  return say(language, DESTINATION[code ?? 'original'] ?? { en: code ?? '', 'zh-TW': code ?? '' });
}

/** "NT$2,432 to PayPal" / "NT$2,432 退回 PayPal", for each refund the plan makes now. */
function refundsNow(change: OrderChange, language: Language): string | null {
  if (change.refunds.length === 0) return null;
  return list(
    language,
    change.refunds.map((r) => {
      const amount = money(r.amount, language);
      return language === 'zh-TW' ? `${amount} 退回 ${r.to}` : `${amount} to ${r.to}`;
    }),
  );
}

/** Money the change moves besides a refund on receipt: a charge for a dearer replacement, or money back now. */
function difference(change: OrderChange, language: Language): string {
  if (change.charge !== null) {
    const charge = money(change.charge, language);
    const methods = list(language, change.chargeMethods);
    return say(language, {
      en: `you pay ${charge} more${methods === '' ? '' : ` with ${methods}`}`,
      'zh-TW': `需補差額 ${charge}${methods === '' ? '' : `（${methods}）`}`,
    });
  }
  const back = refundsNow(change, language);
  if (back !== null) return say(language, { en: `you get ${back} back`, 'zh-TW': `${back}` });
  return say(language, { en: 'there is no price difference', 'zh-TW': '沒有價差' });
}

export function cancelPreview(change: OrderChange, language: Language): string {
  const n = change.orderNumber;
  const back = refundsNow(change, language);
  if (back === null) {
    return say(language, {
      en: `Order ${n} has no payment to refund. Shall I cancel it?`,
      'zh-TW': `訂單 ${n} 沒有需要退回的款項。確定要取消嗎？`,
    });
  }
  return say(language, {
    en: `If I cancel order ${n}, you get ${back}. Shall I cancel it?`,
    'zh-TW': `取消訂單 ${n} 後，${back}。確定要取消嗎？`,
  });
}

export function cancelDone(change: OrderChange, language: Language): string {
  const n = change.orderNumber;
  const back = refundsNow(change, language);
  return say(language, {
    en: `Order ${n} is cancelled.${back === null ? '' : ` Refunded: ${back}.`}`,
    'zh-TW': `訂單 ${n} 已取消。${back === null ? '' : `已退款：${back}。`}`,
  });
}

function onReceipt(change: OrderChange, language: Language): string {
  if (change.refundOnReceipt === null) return '';
  const to = destination(change.refundTo, language);
  const amount = money(change.refundOnReceipt, language);
  return say(language, {
    en: ` Once the parcel reaches us, ${amount} will be refunded to ${to}.`,
    'zh-TW': `我們收到退回的包裹後，將退款 ${amount} 至${to}。`,
  });
}

export function returnPreview(change: OrderChange, items: string, language: Language): string {
  return `${say(language, {
    en: `Return from order ${change.orderNumber}: ${items}.`,
    'zh-TW': `訂單 ${change.orderNumber} 退貨：${items}。`,
  })}${onReceipt(change, language)} ${say(language, {
    en: 'Shall I open the return?',
    'zh-TW': '要為您申請退貨嗎？',
  })}`;
}

export function returnDone(change: OrderChange, language: Language): string {
  return `${say(language, {
    en: `Your return for order ${change.orderNumber} is open. Please send the items back.`,
    'zh-TW': `訂單 ${change.orderNumber} 的退貨申請已成立，請將商品寄回。`,
  })}${onReceipt(change, language)}`;
}

export function exchangePreview(
  change: OrderChange,
  item: string,
  replacement: string,
  language: Language,
): string {
  return say(language, {
    en: `Exchange on order ${change.orderNumber}: ${item} for ${replacement}; ${difference(change, language)}. Shall I open the exchange?`,
    'zh-TW': `訂單 ${change.orderNumber} 換貨：${item} 換成 ${replacement}；${difference(change, language)}。要為您申請換貨嗎？`,
  });
}

export function exchangeDone(change: OrderChange, language: Language): string {
  return say(language, {
    en: `Your exchange for order ${change.orderNumber} is open: the replacement is reserved for you. Please send the original item back.${change.charge === null ? '' : ` Charged: ${money(change.charge, language)}.`}`,
    'zh-TW': `訂單 ${change.orderNumber} 的換貨申請已成立，替換商品已為您保留，請將原商品寄回。${change.charge === null ? '' : `已收取差額 ${money(change.charge, language)}。`}`,
  });
}
