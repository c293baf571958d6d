/**
 * The conversation around the shopping: hello, thanks, a message the brain cannot help with,
 * asking for a person, and a shopper who is upset. The assistant never pretends: it says it is an
 * AI, says what it can do when it cannot help, and offers a person when things go badly.
 */

import { MISSES_BEFORE_HANDOFF } from '../dispatch.js';
import { say, talkToPerson } from '../phrasing.js';
import type { IntentHandler, RulesReply, RulesTurn } from '../types.js';
import { answer, chips, chipsOf } from './answer.js';
import { handOver, offeredHandoff, offerHandoff } from './handoff.js';

export const greeting: IntentHandler = async (turn) =>
  answer(
    turn,
    say(turn.language, {
      en: 'Hi! I’m the store’s AI shopping assistant. What are you looking for today?',
      'zh-TW': '您好！我是本店的 AI 購物助理，今天想找些什麼呢？',
    }),
    {
      suggestions: [
        ...chipsOf(turn.language, chips.viewCart, chips.orderStatus),
        talkToPerson(turn.language),
      ],
    },
  );

export const thanks: IntentHandler = async (turn) =>
  answer(
    turn,
    say(turn.language, {
      en: 'You’re welcome! Is there anything else I can help with?',
      'zh-TW': '不客氣！還有什麼可以幫您的嗎？',
    }),
    { suggestions: chipsOf(turn.language, chips.viewCart, chips.orderStatus) },
  );

/** A person because the shopper asked; an offer made earlier keeps its own reason. */
export const human: IntentHandler = async (turn) => {
  const offered = offeredHandoff(turn.dialogue);
  if (offered !== null) return handOver(turn, offered.reason, offered.note);
  return handOver(turn, 'shopper_asked', `the shopper asked for a person: "${turn.text}"`);
};

const FRUSTRATION_EN =
  /\b(?:useless|stupid|terrible|awful|ridiculous|horrible|hopeless|pathetic|rubbish|garbage|worst|wtf|waste of (?:my )?time|not helpful|unhelpful|fed up|sick of|so annoying|annoyed|frustrat\w*|angry)\b/iu;
const FRUSTRATION_ZH =
  /很爛|爛透|好爛|太爛|氣死|生氣|沒用|没用|垃圾|搞什麼|煩死|很煩|不爽|太扯|廢物|受不了|什麼鬼|無言/u;
const SHOUTING = /[!！]{3,}|[?？]{3,}/u;

/** Words and punctuation of someone upset, in either language; none of them come from the catalog. */
export function isFrustrated(text: string): boolean {
  return FRUSTRATION_EN.test(text) || FRUSTRATION_ZH.test(text) || SHOUTING.test(text);
}

export const frustrated: IntentHandler = async (turn) =>
  offerHandoff(
    turn,
    say(turn.language, {
      en: 'I’m sorry this has been frustrating.',
      'zh-TW': '很抱歉讓您感到不愉快。',
    }),
    'frustration',
    `the shopper is upset: "${turn.text}"`,
  );

/** An upset shopper who also asks for something gets the answer, after an apology. */
export function apologising(handler: IntentHandler): IntentHandler {
  return async (turn) => {
    const result = await handler(turn);
    const sorry = say(turn.language, { en: 'I’m sorry for the trouble.', 'zh-TW': '很抱歉造成您的困擾。' });
    return { ...result, reply: { ...result.reply, text: `${sorry} ${result.reply.text}` } };
  };
}

/**
 * A message the brain cannot help with: say so, say what it can do, and count the miss; after a
 * few in a row, hand over to a person (the dispatcher's threshold).
 */
export function missed(turn: RulesTurn): RulesReply {
  const misses = turn.dialogue.misses + 1;
  if (misses >= MISSES_BEFORE_HANDOFF) {
    return handOver(
      turn,
      'repeated_failure',
      `the assistant could not help ${misses} times in a row; last message: "${turn.text}"`,
      say(turn.language, {
        en: 'I’m sorry I keep missing what you need.',
        'zh-TW': '很抱歉，我一直沒能理解您的需要。',
      }),
    );
  }
  return answer(
    turn,
    say(turn.language, {
      en: 'Sorry, I can’t help with that. I can find products, check stock and prices, look after your cart and checkout, and help with orders, returns and exchanges.',
      'zh-TW':
        '抱歉，這部分我幫不上忙。我可以幫您找商品、查庫存和價格、處理購物車與結帳，也能協助訂單、退貨和換貨。',
    }),
    {
      suggestions: [
        ...chipsOf(turn.language, chips.viewCart, chips.orderStatus),
        talkToPerson(turn.language),
      ],
      dialogue: { misses },
    },
  );
}
