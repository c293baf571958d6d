/**
 * Handing the conversation to a person. An offer waits for the shopper's yes like any previewed
 * action (kept as the pending handoff with its reason); the hand-over itself is the reply's
 * `handoff`, which queues the session for staff. The words say only what happens: the team is
 * asked and will answer here; no named person is said to be notified.
 */
import type { HandoffReason } from '../../conversation/types.js';
import { say, talkToPerson } from '../phrasing.js';
import type { DialogueState, RulesReply, RulesTurn } from '../types.js';
import { answer, chips, chipsOf } from './answer.js';

/** The pending action of an offered handoff; it has no engine confirmation to redeem. */
export const HANDOFF_ACTION = 'handoff_to_human';

const REASONS: ReadonlySet<string> = new Set<HandoffReason>([
  'shopper_asked',
  'repeated_failure',
  'frustration',
  'outside_policy',
  'high_value_cart',
  'tool_requested',
]);

export function offeredHandoff(
  dialogue: DialogueState,
): { readonly reason: HandoffReason; readonly note: string } | null {
  const pending = dialogue.pending;
  if (pending === null || pending.tool !== HANDOFF_ACTION) return null;
  const { reason, note } = pending.input;
  if (typeof reason !== 'string' || !REASONS.has(reason)) return null;
  return { reason: reason as HandoffReason, note: typeof note === 'string' ? note : '' };
}

/** Says what went wrong (the lead) and offers a person; a yes or "a person please" hands over. */
export function offerHandoff(turn: RulesTurn, lead: string, reason: HandoffReason, note: string): RulesReply {
  const offer = say(turn.language, {
    en: 'Would you like me to ask a member of our team to help?',
    'zh-TW': '需要我請我們的團隊成員來協助您嗎？',
  });
  return answer(turn, `${lead} ${offer}`, {
    suggestions: [talkToPerson(turn.language), ...chipsOf(turn.language, chips.no)],
    dialogue: {
      pending: { tool: HANDOFF_ACTION, input: { reason, note }, confirmationId: '' },
      awaiting: { kind: 'confirmation' },
      misses: turn.dialogue.misses,
    },
  });
}

export function handOver(turn: RulesTurn, reason: HandoffReason, note: string, lead = ''): RulesReply {
  const words = say(turn.language, {
    en: 'I’ve asked a member of our team to join this chat; they’ll reply here as soon as they can. Until then I’m still here — I’m an AI assistant, and I can keep helping with products, your cart and your orders.',
    'zh-TW':
      '我已請我們的團隊成員加入這段對話，有同仁可以處理時會直接在這裡回覆您。在那之前我仍在這裡——我是 AI 助理，可以繼續協助您找商品、處理購物車和訂單。',
  });
  return answer(turn, lead === '' ? words : `${lead} ${words}`, {
    handoff: { reason, note: note === '' ? turn.text : note },
  });
}
