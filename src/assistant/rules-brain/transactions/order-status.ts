/**
 * Where an order is: its state in plain words, the carrier and tracking number when it has
 * shipped, its total from the order fact; or the shopper's recent orders when they name none.
 * Chips offer the next step the order's state makes sensible.
 */
import type { Suggestion } from '../../conversation/types.js';
import type { Language } from '../../nlu/index.js';
import { chip, money, say } from '../phrasing.js';
import type { RulesReply, RulesTurn } from '../types.js';
import { answer } from './answer.js';
import { attempt } from './attempt.js';
import { readOrder, readOrderList } from './order-outputs.js';
import { statusWords } from './order-words.js';
import { refusalWords } from './refusals.js';

export function orderChips(language: Language, number: string, status: string): Suggestion[] {
  if (status === 'pending' || status === 'paid') {
    return [chip(language, { en: `Cancel order ${number}`, 'zh-TW': `取消訂單 ${number}` })];
  }
  if (status === 'delivered') {
    return [
      chip(language, { en: `Return items from ${number}`, 'zh-TW': `退貨 ${number}` }),
      chip(language, { en: `Exchange items from ${number}`, 'zh-TW': `換貨 ${number}` }),
    ];
  }
  return [];
}

export async function recentOrders(
  turn: RulesTurn,
  lead: string,
  chipFor: (number: string) => Suggestion,
): Promise<RulesReply> {
  const { language } = turn;
  const listed = await attempt(turn, 'order_status', {});
  if (!listed.ok) return answer(turn, refusalWords(listed.error, language));
  const orders = readOrderList(listed.result);
  if (orders.length === 0) {
    return answer(
      turn,
      say(language, { en: 'I don’t see any orders on your account.', 'zh-TW': '您的帳戶目前沒有訂單。' }),
    );
  }
  const lines = orders.map((o) => {
    const total = o.fact === undefined ? '' : `, ${money(o.fact.total, language)}`;
    return `• ${o.number}: ${statusWords(o.status, language)}${total}`;
  });
  return answer(turn, [lead, ...lines].join('\n'), {
    suggestions: orders.slice(0, 5).map((o) => chipFor(o.number)),
  });
}

export async function orderStatus(turn: RulesTurn, order: string | null): Promise<RulesReply> {
  const { language } = turn;
  if (order === null) {
    return recentOrders(
      turn,
      say(language, { en: 'Your recent orders:', 'zh-TW': '您最近的訂單：' }),
      (number) => chip(language, { en: `Order ${number}`, 'zh-TW': `查詢訂單 ${number}` }),
    );
  }
  const found = await attempt(turn, 'order_status', { order });
  if (!found.ok) return answer(turn, refusalWords(found.error, language));
  const { summary, fact } = readOrder(found.result);
  const sentences = [
    say(language, {
      en: `Order ${summary.number} is ${statusWords(summary.status, language)}.`,
      'zh-TW': `訂單 ${summary.number} ${statusWords(summary.status, language)}。`,
    }),
  ];
  if (summary.trackingNumber !== undefined) {
    const carrier = summary.carrier ?? '';
    sentences.push(
      say(language, {
        en: `Carrier: ${carrier}, tracking number ${summary.trackingNumber}.`,
        'zh-TW': `物流：${carrier}，追蹤編號 ${summary.trackingNumber}。`,
      }),
    );
  }
  const items = summary.lines.map((line) => {
    const options = line.options.length === 0 ? '' : ` (${line.options.join(' / ')})`;
    return `• ${line.title}${options} × ${line.quantity}`;
  });
  if (fact !== undefined) {
    sentences.push(
      say(language, {
        en: `Total: ${money(fact.total, language)}.`,
        'zh-TW': `訂單金額：${money(fact.total, language)}。`,
      }),
    );
  }
  return answer(turn, [sentences.join(' '), ...items].join('\n'), {
    cards: found.result.cards ?? [],
    suggestions: orderChips(language, summary.number, summary.status),
  });
}
