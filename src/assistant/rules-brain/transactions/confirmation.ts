/**
 * The shopper's yes or no to what is pending. Yes runs the previewed action with its confirmation
 * (the tools re-check that the amounts are still those previewed); no drops it and says nothing
 * happened. With nothing pending, a yes or no gets a short answer asking what to do next.
 */
import { z } from 'zod';
import type { OrderFact } from '../../facts/index.js';
import type { ToolResult } from '../../tools/index.js';
import { money, say, talkToPerson } from '../phrasing.js';
import type { IntentHandler, PendingConfirmation, RulesReply, RulesTurn } from '../types.js';
import { answer, chips, chipsOf } from './answer.js';
import { attempt } from './attempt.js';
import { currentCart } from './cart-answer.js';
import { checkoutForm } from './checkout.js';
import { HANDOFF_ACTION, handOver, offeredHandoff } from './handoff.js';
import { cancelDone, exchangeDone, returnDone } from './order-change-words.js';
import { readChange } from './order-outputs.js';
import { refusalWords } from './refusals.js';

const paymentOutcome = z.object({
  status: z.enum(['paid', 'requires_action']),
  orderNumber: z.string().optional(),
});

function paidWords(turn: RulesTurn, result: ToolResult): string {
  const { language } = turn;
  const outcome = paymentOutcome.parse(result.output);
  if (outcome.status === 'requires_action') {
    return say(language, {
      en: 'Your bank wants you to approve this payment: please follow the step shown below. Nothing is final until it’s approved.',
      'zh-TW': '您的銀行需要您確認這筆付款：請依照下方的步驟完成。確認之前，訂單尚未成立。',
    });
  }
  const order = result.facts.find((f): f is OrderFact => f.kind === 'order');
  const total = order === undefined ? '' : money(order.total, language);
  return say(language, {
    en: `Payment done: order ${outcome.orderNumber ?? ''} is placed, and ${total} was charged. Thank you!`,
    'zh-TW': `付款完成：訂單 ${outcome.orderNumber ?? ''} 已成立，已扣款 ${total}。謝謝您！`,
  });
}

function doneWords(turn: RulesTurn, tool: string, result: ToolResult): string {
  const { language } = turn;
  switch (tool) {
    case 'pay_with_saved_method':
      return paidWords(turn, result);
    case 'cancel_order':
      return cancelDone(readChange(result, turn.context.currency), language);
    case 'return_items':
      return returnDone(readChange(result, turn.context.currency), language);
    case 'exchange_items':
      return exchangeDone(readChange(result, turn.context.currency), language);
    default:
      return say(language, { en: 'Done.', 'zh-TW': '已完成。' });
  }
}

async function runPending(turn: RulesTurn, pending: PendingConfirmation): Promise<RulesReply> {
  const { language } = turn;
  const ran = await attempt(turn, pending.tool, { ...pending.input, confirm: pending.confirmationId });
  if (!ran.ok) {
    return answer(turn, refusalWords(ran.error, language), {
      suggestions: [...chipsOf(language, chips.viewCart, chips.orderStatus), talkToPerson(language)],
    });
  }
  return answer(turn, doneWords(turn, pending.tool, ran.result), {
    cards: ran.result.cards ?? [],
    suggestions: chipsOf(language, chips.orderStatus),
  });
}

/** A yes word standing alone or before a pause: "好，麻煩幫我確認" is a yes, "可以換別的嗎" is not. */
const YES =
  /^\s*(?:yes|yeah|yep|yup|ok(?:ay)?|sure|please do|go ahead|do it|confirm(?:ed)?|correct|that'?s right|好的?|可以|是的|對|沒問題|確認|確定)(?=$|[\s,，.。!！~～])/iu;
const NO = /^\s*(?:no|nope|don'?t|do not|stop|never ?mind|cancel that|不|別|算了|先不|取消|免了)/iu;
/** Anything that makes a yes less than explicit: a question, or a no somewhere in it. */
const HEDGED = /[?？]|\b(?:no|not|don'?t|cancel|wait|but)\b|不|別|算了|取消|等等|但是/iu;

/**
 * A yes or no to a pending action, read from its first words when the NLU saw something else in
 * the message. Money moves only on an explicit yes: a question or a "but" is not one. Null when
 * it is neither, or nothing is pending.
 */
export function answerToPending(turn: RulesTurn): IntentHandler | null {
  if (turn.dialogue.pending === null) return null;
  const { intent } = turn.understanding;
  if (intent === 'affirm' || intent === 'deny') return null;
  if (NO.test(turn.text)) return deny;
  if (YES.test(turn.text) && !HEDGED.test(turn.text)) return affirm;
  return null;
}

export const affirm: IntentHandler = async (turn) => {
  const { pending } = turn.dialogue;
  const handoff = offeredHandoff(turn.dialogue);
  if (handoff !== null) return handOver(turn, handoff.reason, handoff.note);
  if (pending !== null && pending.tool !== HANDOFF_ACTION) return runPending(turn, pending);
  return answer(
    turn,
    say(turn.language, {
      en: 'Great — what would you like to do next?',
      'zh-TW': '好的，接下來想做什麼呢？',
    }),
    { suggestions: chipsOf(turn.language, chips.viewCart, chips.orderStatus) },
  );
};

const DECLINED: Readonly<Record<string, { en: string; 'zh-TW': string }>> = {
  pay_with_saved_method: { en: 'OK, I haven’t charged anything.', 'zh-TW': '好的，我沒有扣款。' },
  cancel_order: { en: 'OK, your order stays as it is.', 'zh-TW': '好的，訂單維持不變。' },
  return_items: { en: 'OK, I haven’t opened a return.', 'zh-TW': '好的，我沒有申請退貨。' },
  exchange_items: { en: 'OK, I haven’t opened an exchange.', 'zh-TW': '好的，我沒有申請換貨。' },
  modify_order: { en: 'OK, your order stays as it is.', 'zh-TW': '好的，訂單維持不變。' },
};

export const deny: IntentHandler = async (turn) => {
  const { language } = turn;
  const { pending } = turn.dialogue;
  if (pending === null || pending.tool === HANDOFF_ACTION) {
    return answer(
      turn,
      say(language, {
        en: 'No problem. What else can I help with?',
        'zh-TW': '沒問題。還有什麼可以幫您的嗎？',
      }),
      { suggestions: chipsOf(language, chips.viewCart, chips.orderStatus) },
    );
  }
  const words = say(
    language,
    DECLINED[pending.tool] ?? { en: 'OK, I’ve left it.', 'zh-TW': '好的，已取消。' },
  );
  if (pending.tool === 'pay_with_saved_method') {
    const cart = await currentCart(turn);
    if (cart !== null && cart.lines.length > 0) return checkoutForm(turn, cart, words);
  }
  return answer(turn, words, { suggestions: chipsOf(language, chips.orderStatus) });
};
