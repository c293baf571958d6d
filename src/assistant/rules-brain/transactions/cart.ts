/**
 * The cart's lines: remove one, change a quantity, and show the cart with per-line discounts,
 * shipping and the total from the quote. Every cart answer carries the cart card.
 */
import { chip, say } from '../phrasing.js';
import type { IntentHandler, RulesReply, RulesTurn } from '../types.js';
import { addToCart } from './add-to-cart.js';
import { answer } from './answer.js';
import { attempt } from './attempt.js';
import { cartAnswer, currentCart, emptyCart, refused } from './cart-answer.js';
import { type CartLine, readCart } from './cart-state.js';
import { lineLabel } from './cart-words.js';
import { countIn, quantityOf } from './quantity.js';
import { refusalWords } from './refusals.js';
import { whichLines } from './which-lines.js';

/** Ask which line when the message fits several; the chips name each line so the reply is unambiguous. */
function whichLine(
  turn: RulesTurn,
  lines: readonly CartLine[],
  verb: { en: string; 'zh-TW': string },
): RulesReply {
  const { language } = turn;
  return answer(
    turn,
    say(language, {
      en: `Which item do you mean? ${lines.map((l, i) => `${i + 1}. ${lineLabel(l, language)}`).join(' ')}`,
      'zh-TW': `請問是哪一件？${lines.map((l, i) => `${i + 1}. ${lineLabel(l, language)}`).join(' ')}`,
    }),
    {
      suggestions: lines
        .slice(0, 6)
        .map((line) =>
          chip(language, { en: `${verb.en} ${line.title}`, 'zh-TW': `${verb['zh-TW']}${line.title}` }),
        ),
    },
  );
}

async function changeLine(turn: RulesTurn, line: CartLine, quantity: number): Promise<RulesReply> {
  const { language } = turn;
  const changed =
    quantity === 0
      ? await attempt(turn, 'cart_remove', { lineId: line.lineId })
      : await attempt(turn, 'cart_update', { lineId: line.lineId, quantity });
  if (!changed.ok) return refused(turn, refusalWords(changed.error, language));
  const label = lineLabel(line, language);
  const lead =
    quantity === 0
      ? say(language, { en: `Removed ${label} from your cart.`, 'zh-TW': `已將 ${label} 從購物車移除。` })
      : say(language, { en: `${label} is now × ${quantity}.`, 'zh-TW': `${label} 已改為 ${quantity} 件。` });
  return cartAnswer(turn, lead, readCart(changed.result));
}

const removeFromCart: IntentHandler = async (turn) => {
  const cart = await currentCart(turn);
  if (cart === null || cart.lines.length === 0) return emptyCart(turn);
  const lines = whichLines(turn, cart.lines);
  const [line] = lines;
  if (lines.length !== 1 || line === undefined) {
    return whichLine(turn, lines.length === 0 ? cart.lines : lines, { en: 'Remove', 'zh-TW': '移除' });
  }
  return changeLine(turn, line, 0);
};

const updateQuantity: IntentHandler = async (turn) => {
  const cart = await currentCart(turn);
  if (cart === null || cart.lines.length === 0) return emptyCart(turn);
  const quantity = quantityOf(turn) ?? countIn(turn.text);
  const lines = whichLines(turn, cart.lines);
  const [line] = lines;
  if (lines.length !== 1 || line === undefined) {
    return whichLine(turn, lines.length === 0 ? cart.lines : lines, { en: 'Change', 'zh-TW': '修改' });
  }
  if (quantity === null) {
    return answer(
      turn,
      say(turn.language, {
        en: `How many ${line.title} would you like?`,
        'zh-TW': `${line.title}要幾件？`,
      }),
    );
  }
  return changeLine(turn, line, quantity);
};

const viewCart: IntentHandler = async (turn) => {
  const cart = await currentCart(turn);
  if (cart === null || cart.lines.length === 0) return emptyCart(turn);
  return cartAnswer(turn, '', cart, { whole: true });
};

export const cartHandlers = {
  add_to_cart: addToCart,
  remove_from_cart: removeFromCart,
  update_quantity: updateQuantity,
  view_cart: viewCart,
} satisfies Record<string, IntentHandler>;
