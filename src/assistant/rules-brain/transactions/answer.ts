/**
 * How a transaction handler answers: the words, the cards it chose from its tool results, the
 * quick replies, and the dialogue as it stands after the turn. Anything the reply does not set
 * is cleared: a new answer asks nothing and waits for no yes unless it says so.
 */
import type { Suggestion } from '../../conversation/types.js';
import type { Language } from '../../nlu/index.js';
import type { Card } from '../../tools/index.js';
import { chip, type Phrase } from '../phrasing.js';
import type { DialogueState, RulesReply, RulesTurn } from '../types.js';

export interface AnswerOptions {
  readonly cards?: readonly Card[];
  readonly suggestions?: readonly Suggestion[];
  readonly dialogue?: Partial<DialogueState>;
  readonly handoff?: RulesReply['handoff'];
}

export function answer(turn: RulesTurn, text: string, options: AnswerOptions = {}): RulesReply {
  const dialogue: DialogueState = {
    ...turn.dialogue,
    pending: null,
    awaiting: { kind: 'none' },
    misses: 0,
    lastIntent: turn.understanding.intent,
    ...options.dialogue,
  };
  return {
    reply: { text, cards: options.cards ?? [], suggestions: options.suggestions ?? [] },
    dialogue,
    ...(options.handoff === undefined ? {} : { handoff: options.handoff }),
  };
}

/** Quick replies shared by many answers; each sends a message the NLU reads as the named intent. */
export const chips = {
  viewCart: { en: 'Show my cart', 'zh-TW': '看購物車' },
  checkout: { en: 'Check out', 'zh-TW': '結帳' },
  yes: { en: 'Yes', 'zh-TW': '好' },
  no: { en: 'No', 'zh-TW': '不要' },
  orderStatus: { en: 'Where is my order?', 'zh-TW': '我的訂單到哪了' },
  returns: { en: 'Return policy', 'zh-TW': '退貨政策' },
} as const satisfies Record<string, Phrase>;

export function chipsOf(language: Language, ...phrases: readonly Phrase[]): Suggestion[] {
  return phrases.map((phrase) => chip(language, phrase));
}
