/**
 * Checkout. The checkout card opens the store's form, which takes the address and the card:
 * payment never travels as chat text. A verified shopper with a saved payment method is offered
 * one-tap payment instead: the exact total is previewed, and the charge runs only on their yes.
 */
import { z } from 'zod';
import type { QuoteFact } from '../../facts/index.js';
import type { ToolResult } from '../../tools/index.js';
import { money, say } from '../phrasing.js';
import type { IntentHandler, RulesReply, RulesTurn } from '../types.js';
import { answer, chips, chipsOf } from './answer.js';
import { attempt } from './attempt.js';
import { currentCart, emptyCart } from './cart-answer.js';
import type { CartState } from './cart-state.js';
import { refusalWords } from './refusals.js';

const savedMethodPreview = z.object({ confirmationId: z.string(), method: z.string() });
const checkoutOutput = z.object({
  ready: z.boolean(),
  missing: z.array(z.enum(['email', 'shippingAddress'])).optional(),
});

const MISSING_WORDS = {
  email: { en: 'your email', 'zh-TW': '電子郵件' },
  shippingAddress: { en: 'your shipping address', 'zh-TW': '收件地址' },
} as const;

function quoteOf(result: ToolResult): QuoteFact | undefined {
  return result.facts.find((fact): fact is QuoteFact => fact.kind === 'quote');
}

/** One-tap payment for a verified shopper, or null when they have no saved method or address. */
async function offerSavedMethod(turn: RulesTurn, cart: CartState): Promise<RulesReply | null> {
  if (!turn.context.shopper.verified) return null;
  const input = {};
  const preview = await attempt(turn, 'pay_with_saved_method', input);
  if (!preview.ok) return null;
  const { confirmationId, method: label } = savedMethodPreview.parse(preview.result.output);
  // The brand and last digits name the card; its expiry ("(12/30)") would read as a date claim.
  const method = label.replace(/\s*\(\d{1,2}\/\d{2,4}\)\s*$/, '');
  const { language } = turn;
  // The preview prices the cart with the account's address and tier, which may differ from before.
  const quote = quoteOf(preview.result) ?? cart.quote;
  const total = money(quote.total, language);
  return answer(
    turn,
    say(language, {
      en: `Your total is ${total}. I can pay it now with ${method}, shipping to the address on your account. Shall I place the order? (Say no to use the checkout form instead.)`,
      'zh-TW': `總金額 ${total}。我可以直接用 ${method} 付款，寄送到帳戶上的地址。要現在下單嗎？（若想改用結帳表單，請回答“不要”。）`,
    }),
    {
      cards: [...(cart.card === undefined ? [] : [cart.card]), ...(preview.result.cards ?? [])],
      suggestions: chipsOf(language, chips.yes, chips.no),
      dialogue: {
        pending: { tool: 'pay_with_saved_method', input, confirmationId },
        awaiting: { kind: 'confirmation' },
      },
    },
  );
}

/** The checkout form: what it will ask for, and the total from this turn's quote. */
export async function checkoutForm(turn: RulesTurn, cart: CartState, lead = ''): Promise<RulesReply> {
  const { language } = turn;
  const started = await attempt(turn, 'start_checkout', {});
  if (!started.ok) {
    return answer(turn, refusalWords(started.error, language), {
      suggestions: chipsOf(language, chips.viewCart),
    });
  }
  const output = checkoutOutput.parse(started.result.output);
  // Checkout may have joined the cart to the shopper's account; the total is re-read, never assumed.
  const quote = quoteOf(started.result) ?? (await currentCart(turn))?.quote ?? cart.quote;
  const total = money(quote.total, language);
  const missing = (output.missing ?? []).map((field) => say(language, MISSING_WORDS[field]));
  const asks =
    missing.length === 0
      ? say(language, { en: 'your card', 'zh-TW': '付款資料' })
      : say(language, {
          en: `${missing.join(', ')} and your card`,
          'zh-TW': `${missing.join('、')}以及付款資料`,
        });
  const text = say(language, {
    en: `Your total is ${total}. The checkout form below takes ${asks}; please enter payment there, never in the chat.`,
    'zh-TW': `總金額 ${total}。請在下方的結帳表單填寫${asks}；付款資料請只填在表單中，不要傳到對話裡。`,
  });
  return answer(turn, lead === '' ? text : `${lead} ${text}`, { cards: started.result.cards ?? [] });
}

export const checkout: IntentHandler = async (turn) => {
  const cart = await currentCart(turn);
  if (cart === null || cart.lines.length === 0) return emptyCart(turn);
  return (await offerSavedMethod(turn, cart)) ?? checkoutForm(turn, cart);
};
