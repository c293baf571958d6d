/**
 * The cart in words: one line per item with its price after discounts, then discounts, shipping
 * and the total. Every amount comes from the quote fact of this turn.
 */
import type { Language } from '../../nlu/index.js';
import { money } from '../phrasing.js';
import type { CartLine, CartState } from './cart-state.js';

export function lineLabel(line: CartLine, language: Language): string {
  if (line.options.length === 0) return line.title;
  const options = line.options.join(' / ');
  return language === 'zh-TW' ? `${line.title}（${options}）` : `${line.title} (${options})`;
}

function lineText(line: CartLine, language: Language): string {
  const label = lineLabel(line, language);
  if (line.unavailable) {
    return language === 'zh-TW'
      ? `• ${label} × ${line.quantity}：目前無法購買`
      : `• ${label} × ${line.quantity}: no longer available`;
  }
  const total = money(line.total, language);
  if (line.discount.amount === 0) {
    return language === 'zh-TW'
      ? `• ${label} × ${line.quantity}：${total}`
      : `• ${label} × ${line.quantity}: ${total}`;
  }
  const off = money(line.discount, language);
  return language === 'zh-TW'
    ? `• ${label} × ${line.quantity}：${total}（已折 ${off}）`
    : `• ${label} × ${line.quantity}: ${total} (${off} off)`;
}

/** Discounts, shipping and total, in one sentence. */
export function totalsText(cart: CartState, language: Language): string {
  const { quote } = cart;
  const zh = language === 'zh-TW';
  const parts: string[] = [];
  if (quote.discount.amount > 0) {
    parts.push(
      zh ? `折扣 ${money(quote.discount, language)}` : `discounts ${money(quote.discount, language)}`,
    );
  }
  parts.push(
    quote.shipping.amount === 0
      ? zh
        ? '運費免費'
        : 'shipping free'
      : zh
        ? `運費 ${money(quote.shipping, language)}`
        : `shipping ${money(quote.shipping, language)}`,
  );
  const total = money(quote.total, language);
  if (zh) return `${parts.join('，')}，合計 ${total}。`;
  const [first = '', ...rest] = parts;
  return `${first.charAt(0).toUpperCase()}${first.slice(1)}${rest.map((p) => `, ${p}`).join('')}; total ${total}.`;
}

export function cartText(cart: CartState, language: Language): string {
  const heading = language === 'zh-TW' ? '您的購物車：' : 'Your cart:';
  return [heading, ...cart.lines.map((line) => lineText(line, language)), totalsText(cart, language)].join(
    '\n',
  );
}
