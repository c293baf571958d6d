/**
 * How `aisle chat` draws a conversation in a terminal: product cards as numbered lists with price
 * and stock, quick replies as numbered chips, the cart in one line, in the shopper's language, with
 * colour only when the output is a terminal. Pure functions from the assistant's shapes to lines.
 */
import { inspect } from 'node:util';
import type { Reply, ShopperState, Suggestion } from '../../assistant/index.js';
import type { CartView } from '../../cart/index.js';
import { localize } from '../../catalog/index.js';
import { formatMoney, type Money } from '../../core/index.js';

export type ChatLanguage = 'en' | 'zh-TW';

type Card = Reply['cards'][number];
type ProductCardItem = Extract<Card, { type: 'products' }>['items'][number];

type Style = 'bold' | 'dim' | 'cyan' | 'green' | 'yellow' | 'red' | 'magenta';

/** Wraps text in a terminal style, or leaves it plain when colour is off. */
export type Paint = (style: Style, text: string) => string;

/**
 * The decision to colour is the caller's (a terminal, NO_COLOR unset); util.styleText would decide
 * again from the environment, so the codes come from util.inspect's table.
 */
export function createPaint(colour: boolean): Paint {
  if (!colour) return (_style, text) => text;
  return (style, text) => {
    const [open, close] = inspect.colors[style] ?? [0, 0];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}

const LABELS = {
  en: {
    you: 'you',
    assistant: 'assistant',
    was: 'was',
    inStock: (n: number) => `in stock (${n})`,
    lowStock: (n: number) => `only ${n} left`,
    outOfStock: 'out of stock',
    pickupToday: 'pick up today',
    cart: 'Cart',
    items: (n: number) => (n === 1 ? '1 item' : `${n} items`),
    cartHint: '/cart for details',
    emptyCart: 'Your cart is empty.',
    subtotal: 'Subtotal',
    discount: 'Discounts',
    shipping: 'Shipping',
    total: 'Total',
    quickReplies: 'type a number for a quick reply',
    checkout: (total: string) => `Checkout: ${total}`,
    stillNeeded: 'still needed',
    email: 'email',
    shippingAddress: 'shipping address',
    confirm: 'reply yes to go ahead, or no',
    challenge: 'Your bank wants to confirm this payment',
    order: (number: string, status: string) => `Order ${number}: ${status}`,
    staffJoined: 'A person has joined the conversation.',
    waiting: 'Waiting for a person to join; they will answer here.',
    backToAssistant: 'The assistant is answering again.',
    closed: 'This conversation is closed. /restart starts a new one.',
    help: 'Commands: /cart shows your cart, /checkout pays for it, /restart starts over, /quit leaves.',
    checkoutHint: 'Type /checkout to give your details and pay here.',
    bye: 'Bye!',
  },
  'zh-TW': {
    you: '你',
    assistant: 'AI 助理',
    was: '原價',
    inStock: (n: number) => `有貨（${n}）`,
    lowStock: (n: number) => `只剩 ${n} 件`,
    outOfStock: '缺貨',
    pickupToday: '今天可取貨',
    cart: '購物車',
    items: (n: number) => `${n} 件商品`,
    cartHint: '輸入 /cart 看明細',
    emptyCart: '購物車是空的。',
    subtotal: '小計',
    discount: '折扣',
    shipping: '運費',
    total: '總計',
    quickReplies: '輸入數字即可快速回覆',
    checkout: (total: string) => `結帳：${total}`,
    stillNeeded: '還需要',
    email: '電子郵件',
    shippingAddress: '收件地址',
    confirm: '回覆「好」繼續，或「不要」取消',
    challenge: '銀行需要確認這筆付款',
    order: (number: string, status: string) => `訂單 ${number}：${status}`,
    staffJoined: '真人客服已加入對話。',
    waiting: '正在等候真人客服，他們會在這裡回覆你。',
    backToAssistant: 'AI 助理繼續為你服務。',
    closed: '這段對話已結束，輸入 /restart 重新開始。',
    help: '指令：/cart 看購物車，/checkout 結帳付款，/restart 重新開始，/quit 離開。',
    checkoutHint: '輸入 /checkout 填寫資料並在這裡付款。',
    bye: '再見！',
  },
} as const;

export type ChatLabels = (typeof LABELS)[ChatLanguage];

export function labels(language: ChatLanguage): ChatLabels {
  return LABELS[language];
}

function money(value: Money, language: ChatLanguage): string {
  return formatMoney(value, language);
}

function stockLine(item: ProductCardItem, language: ChatLanguage, paint: Paint): string {
  const text = labels(language);
  const { status, available, pickupToday } = item.stock;
  const stock =
    status === 'out_of_stock'
      ? paint('red', text.outOfStock)
      : status === 'low_stock'
        ? paint('yellow', text.lowStock(available))
        : paint('green', text.inStock(available));
  const separator = language === 'zh-TW' ? '、' : ', ';
  return pickupToday.length === 0 ? stock : `${stock} · ${text.pickupToday}: ${pickupToday.join(separator)}`;
}

function productLines(item: ProductCardItem, index: number, language: ChatLanguage, paint: Paint): string[] {
  const text = labels(language);
  const title = item.brand === null ? item.title : `${item.title} · ${paint('dim', item.brand)}`;
  const price = [paint('bold', money(item.price, language))];
  if (item.compareAtPrice !== null)
    price.push(paint('dim', `${text.was} ${money(item.compareAtPrice, language)}`));
  for (const badge of item.badges) price.push(paint('magenta', badge));
  const lines = [`  ${paint('cyan', `${index + 1}.`)} ${paint('bold', title)}`, `     ${price.join('  ')}`];
  lines.push(`     ${stockLine(item, language, paint)}`);
  const options = item.options
    .filter((option) => option.values.length > 1)
    .map((option) => `${option.name}: ${option.values.join(' ')}`);
  if (options.length > 0) lines.push(`     ${paint('dim', options.join(' · '))}`);
  if (item.reason !== undefined) lines.push(`     ${paint('green', item.reason)}`);
  return lines;
}

/** The lines a card adds below the assistant's words. */
export function renderCard(card: Card, language: ChatLanguage, paint: Paint): string[] {
  const text = labels(language);
  switch (card.type) {
    case 'products':
      return card.items.flatMap((item, index) => productLines(item, index, language, paint));
    case 'cart':
      return [cartSummary(card, language, paint)];
    case 'checkout': {
      const missing = card.missing.map((field) => (field === 'email' ? text.email : text.shippingAddress));
      const line = paint('bold', text.checkout(money(card.total, language)));
      return [missing.length === 0 ? `  ${line}` : `  ${line} · ${text.stillNeeded}: ${missing.join(', ')}`];
    }
    case 'payment-challenge':
      return [`  ${paint('yellow', text.challenge)}${card.url === null ? '' : `: ${card.url}`}`];
    case 'confirmation':
      return [`  ${paint('bold', card.summary)}`, `  ${paint('dim', text.confirm)}`];
    case 'order':
      return [`  ${paint('bold', text.order(card.number, card.status))}`];
  }
}

export function renderSuggestions(
  suggestions: readonly Suggestion[],
  language: ChatLanguage,
  paint: Paint,
): string[] {
  if (suggestions.length === 0) return [];
  const chips = suggestions.map((s, index) => `${paint('cyan', `[${index + 1}]`)} ${s.label}`);
  return [`  ${chips.join('   ')}`, `  ${paint('dim', `(${labels(language).quickReplies})`)}`];
}

/** "Cart · 2 items · NT$6,560 (/cart for details)". */
export function cartSummary(
  cart: { readonly itemCount: number; readonly total: Money },
  language: ChatLanguage,
  paint: Paint,
): string {
  const text = labels(language);
  return `  ${paint('green', `${text.cart} · ${text.items(cart.itemCount)} · ${money(cart.total, language)}`)} ${paint('dim', `(${text.cartHint})`)}`;
}

/** What `/cart` prints: each line with its price and discounts, then shipping and the total. */
export function renderCart(view: CartView | null, language: ChatLanguage, paint: Paint): string[] {
  const text = labels(language);
  if (view === null || view.quote.lines.length === 0) return [`  ${text.emptyCart}`];
  const { quote } = view;
  const lines = quote.lines.map((line) => {
    const options = line.optionValues.length > 0 ? ` (${line.optionValues.join(', ')})` : '';
    const discounts = line.discounts.map((d) =>
      paint('magenta', `  −${money(d.amount, language)} ${d.name}`),
    );
    return `  ${line.quantity} × ${localize(line.title, language)}${options}  ${paint('bold', money(line.total, language))}${discounts.join('')}`;
  });
  lines.push(`  ${paint('dim', `${text.subtotal} ${money(quote.subtotal, language)}`)}`);
  if (quote.discount.amount > 0)
    lines.push(`  ${paint('magenta', `${text.discount} −${money(quote.discount, language)}`)}`);
  if (quote.shipping.option !== null) {
    lines.push(`  ${paint('dim', `${text.shipping} ${money(quote.shipping.total, language)}`)}`);
  }
  lines.push(`  ${paint('bold', `${text.total} ${money(quote.total, language)}`)}`);
  return lines;
}

/** A line for a status change someone else caused (a person joined, the assistant is back). */
export function statusNotice(status: ShopperState['status'], language: ChatLanguage): string {
  const text = labels(language);
  switch (status) {
    case 'staff':
      return text.staffJoined;
    case 'waiting':
      return text.waiting;
    case 'assistant':
      return text.backToAssistant;
    case 'closed':
      return text.closed;
  }
}
