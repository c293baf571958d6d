/**
 * How a cart answer reads: a lead sentence, the cart's totals (or all of it) from this turn's
 * quote, the cart card and the next steps; and the answers for an empty or missing cart.
 */
import { say } from '../phrasing.js';
import type { RulesReply, RulesTurn } from '../types.js';
import { type AnswerOptions, answer, chips, chipsOf } from './answer.js';
import { attempt } from './attempt.js';
import { type CartState, readCart } from './cart-state.js';
import { cartText, totalsText } from './cart-words.js';

/** A cart answer: the lead sentence, the cart's totals (or all of it), the card and the next steps. */
export function cartAnswer(
  turn: RulesTurn,
  lead: string,
  cart: CartState,
  options: { readonly whole?: boolean; readonly dialogue?: AnswerOptions['dialogue'] } = {},
): RulesReply {
  const { language } = turn;
  const empty = cart.lines.length === 0;
  const body = empty
    ? say(language, { en: 'Your cart is now empty.', 'zh-TW': '購物車現在是空的。' })
    : options.whole === true
      ? cartText(cart, language)
      : totalsText(cart, language);
  return answer(turn, lead === '' ? body : `${lead}\n${body}`, {
    cards: cart.card === undefined ? [] : [cart.card],
    suggestions: empty ? [] : chipsOf(language, chips.checkout, chips.viewCart),
    ...(options.dialogue === undefined ? {} : { dialogue: options.dialogue }),
  });
}

export function refused(turn: RulesTurn, words: string): RulesReply {
  return answer(turn, words, { suggestions: chipsOf(turn.language, chips.viewCart) });
}

/** The cart as it stands, or null when there is none yet (the tools refuse with no_cart). */
export async function currentCart(turn: RulesTurn): Promise<CartState | null> {
  if (turn.context.cartId === null) return null;
  const quoted = await attempt(turn, 'get_quote', {});
  return quoted.ok ? readCart(quoted.result) : null;
}

export function emptyCart(turn: RulesTurn): RulesReply {
  return answer(
    turn,
    say(turn.language, {
      en: 'Your cart is empty. Tell me what you’re looking for and I’ll find it.',
      'zh-TW': '您的購物車是空的。告訴我您想找什麼，我來幫您找。',
    }),
  );
}
