/** Order states and change reasons as a shopper reads them. Unknown codes read as themselves. */
import type { Language } from '../../nlu/index.js';
import { list, type Phrase, say } from '../phrasing.js';

const STATUS: Readonly<Record<string, Phrase>> = {
  pending: { en: 'received and waiting to be packed', 'zh-TW': '已成立，等待出貨準備' },
  paid: { en: 'paid and waiting to be packed', 'zh-TW': '已付款，等待出貨準備' },
  processed: { en: 'being packed', 'zh-TW': '正在揀貨包裝' },
  shipped: { en: 'on its way', 'zh-TW': '已出貨，運送中' },
  delivered: { en: 'delivered', 'zh-TW': '已送達' },
  cancelled: { en: 'cancelled', 'zh-TW': '已取消' },
  return_requested: { en: 'waiting for your return to arrive', 'zh-TW': '退貨申請中，等待收到退回商品' },
  returned: { en: 'returned', 'zh-TW': '已完成退貨' },
  exchange_requested: { en: 'waiting for your exchange to arrive', 'zh-TW': '換貨申請中，等待收到換回商品' },
  exchanged: { en: 'exchanged', 'zh-TW': '已完成換貨' },
};

const REASON: Readonly<Record<string, Phrase>> = {
  wrong_size: { en: 'the wrong size', 'zh-TW': '尺寸不合' },
  defective: { en: 'a defect', 'zh-TW': '商品瑕疵' },
  wrong_item: { en: 'a wrong item sent', 'zh-TW': '寄錯商品' },
  changed_mind: { en: 'a change of mind', 'zh-TW': '改變心意' },
  not_as_expected: { en: 'not as expected', 'zh-TW': '與預期不符' },
};

const readable = (code: string) => code.replaceAll('_', ' ');

export function statusWords(status: string, language: Language): string {
  const phrase = STATUS[status];
  return phrase === undefined ? readable(status) : say(language, phrase);
}

export function reasonWords(reasons: readonly string[], language: Language): string {
  return list(
    language,
    reasons.map((reason) => {
      const phrase = REASON[reason];
      return phrase === undefined ? readable(reason) : say(language, phrase);
    }),
  );
}

/** "pending or paid" / "已成立或已付款": the states in which an action is allowed. */
export function statesWords(states: readonly string[], language: Language): string {
  const words = states.map((state) => statusWords(state, language));
  if (words.length <= 1) return words.join('');
  const last = words[words.length - 1];
  const head = words.slice(0, -1);
  return language === 'zh-TW' ? `${head.join('、')}或${last}` : `${head.join(', ')} or ${last}`;
}
