/**
 * `/checkout` in `aisle chat`: the terminal's version of the widget's checkout form. It asks for
 * what the cart still needs (email, shipping address, shipping option), shows the total the rules
 * priced, and pays with a payment-method token — never a card number — through the same cart
 * service the HTTP checkout uses.
 */
import { randomUUID } from 'node:crypto';
import type { CartService, CartView, PostalAddress } from '../../cart/index.js';
import { AisleError, formatMoney } from '../../core/index.js';
import { containsCardNumber } from '../../payments/index.js';
import { type ChatLanguage, type Paint, renderCart } from './chat-screen.js';

export interface CheckoutConsole {
  /** Shows `question` and answers the next line typed, trimmed; null when input has ended. */
  ask(question: string): Promise<string | null>;
  write(line?: string): void;
}

export interface TerminalCheckoutOptions {
  readonly cart: Pick<
    CartService,
    'getCart' | 'setDetails' | 'setShipping' | 'startCheckout' | 'completeCheckout'
  >;
  readonly cartId: string;
  readonly language: ChatLanguage;
  readonly paint: Paint;
  readonly console: CheckoutConsole;
  /** The sandbox's test tokens, offered as examples; null with a real payment provider. */
  readonly testTokens: readonly string[] | null;
}

const WORDS = {
  en: {
    email: 'Email for the receipt',
    name: 'Name on the parcel',
    line1: 'Street address',
    city: 'City',
    postalCode: 'Postal code',
    country: 'Country code',
    option: 'Shipping option number',
    token: 'Payment method token',
    examples: 'test cards',
    enterToStop: 'Enter to stop',
    noCardNumbers: 'Please never type a card number here: use a payment method token.',
    stopped: 'Checkout stopped; your cart is kept.',
    paid: (number: string, total: string) => `Paid ${total}. Your order number is ${number}.`,
    challenge: 'Your bank wants to confirm this payment. Finish it here, then ask me about your order:',
  },
  'zh-TW': {
    email: '收據寄送的電子郵件',
    name: '收件人姓名',
    line1: '地址',
    city: '城市',
    postalCode: '郵遞區號',
    country: '國家代碼',
    option: '運送方式編號',
    token: '付款方式代碼',
    examples: '測試卡',
    enterToStop: '直接按 Enter 停止',
    noCardNumbers: '請不要在這裡輸入卡號，請輸入付款方式代碼。',
    stopped: '已停止結帳，購物車內容會保留。',
    paid: (number: string, total: string) => `已付款 ${total}，訂單編號 ${number}。`,
    challenge: '銀行需要確認這筆付款，請在這裡完成後再問我訂單狀態：',
  },
} as const;

/** Runs the form; answers the order number once paid, or null when the shopper stopped or must finish elsewhere. */
export async function checkoutInTerminal(options: TerminalCheckoutOptions): Promise<string | null> {
  const { cart, cartId, language, paint, console: io } = options;
  const words = WORDS[language];
  const money = (amount: Parameters<typeof formatMoney>[0]) => formatMoney(amount, language);

  /** Runs a cart change; a refusal (bad email, address, option) is shown and answers null. */
  const tryCart = async (change: () => Promise<CartView>) => {
    try {
      return await change();
    } catch (error) {
      if (!AisleError.isInstance(error) || error.status >= 500) throw error;
      io.write(paint('red', `  ${error.message}`));
      return null;
    }
  };
  /** Asks until the cart accepts the answer; null when the shopper gives an empty answer. */
  const askUntil = async (question: string, apply: (answer: string) => Promise<CartView>) => {
    for (;;) {
      const answer = await io.ask(question);
      if (answer === null || answer === '') return null;
      const view = await tryCart(() => apply(answer));
      if (view !== null) return view;
    }
  };
  const stop = () => {
    io.write(paint('dim', `  ${words.stopped}`));
    return null;
  };

  let view = await cart.getCart(cartId);
  for (const line of renderCart(view, language, paint)) io.write(line);
  if (view.quote.lines.length === 0) return null;

  if (view.cart.email === null) {
    const next = await askUntil(words.email, (email) => cart.setDetails(cartId, { email }));
    if (next === null) return stop();
    view = next;
  }
  if (view.cart.shippingAddress === null) {
    const address: Partial<Record<keyof PostalAddress, string>> = {};
    for (const field of ['name', 'line1', 'city', 'postalCode'] as const) {
      const answer = await io.ask(words[field]);
      if (answer === null || answer === '') return stop();
      address[field] = answer;
    }
    const country = await io.ask(`${words.country} [TW]`);
    if (country === null) return stop();
    const next = await tryCart(() =>
      cart.setShipping(cartId, {
        address: { ...(address as PostalAddress), country: (country || 'TW').toUpperCase() },
      }),
    );
    if (next === null) return stop();
    view = next;
  }
  const shippingOptions = view.quote.shipping.options;
  if (view.cart.shippingOptionId === null && shippingOptions.length > 0) {
    shippingOptions.forEach((option, index) => {
      const name = option.name[language] ?? option.name.en ?? option.id;
      const dates = `${option.estimate.earliest} – ${option.estimate.latest}`;
      io.write(
        `  ${paint('cyan', `${index + 1}.`)} ${name}  ${paint('bold', money(option.fee))}  ${paint('dim', dates)}`,
      );
    });
    const next = await askUntil(words.option, async (answer) => {
      const chosen =
        shippingOptions[Number(answer) - 1] ?? shippingOptions.find((option) => option.id === answer);
      return cart.setShipping(cartId, { optionId: chosen?.id ?? answer });
    });
    if (next === null) return stop();
    view = next;
  }

  for (const line of renderCart(view, language, paint)) io.write(line);
  const examples = options.testTokens === null ? '' : `; ${words.examples}: ${options.testTokens.join(', ')}`;
  for (;;) {
    const token = await io.ask(`${words.token} (${words.enterToStop}${examples})`);
    if (token === null || token === '') return stop();
    if (containsCardNumber(token)) {
      io.write(paint('red', `  ${words.noCardNumbers}`));
      continue;
    }
    try {
      await cart.startCheckout(cartId);
      const outcome = await cart.completeCheckout(cartId, {
        tenders: [{ type: 'card', token }],
        idempotencyKey: randomUUID(),
      });
      if (outcome.status === 'completed') {
        io.write(paint('green', `  ${words.paid(outcome.order.number, money(outcome.total))}`));
        return outcome.order.number;
      }
      io.write(
        paint('yellow', `  ${words.challenge} ${outcome.challenge.url ?? outcome.challenge.challengeId}`),
      );
      return null;
    } catch (error) {
      if (!AisleError.isInstance(error) || error.status >= 500) throw error;
      io.write(paint('red', `  ${error.message}`));
    }
  }
}
