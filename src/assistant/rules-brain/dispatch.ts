/**
 * One turn of the rules brain: a short reply to a waiting question goes to what asked it; any
 * other message goes to its intent's handler; an intent no handler takes gets an honest "I did
 * not follow" that counts as a miss, and after a few misses in a row the session goes to a person.
 */
import type { Intent } from '../nlu/index.js';
import { ToolError } from '../tools/index.js';
import { handOverReply, notUnderstoodReply, toolFailedReply } from './brain-replies.js';
import { type Answer, answersVariantQuestion, isSkip, readAnswer } from './question.js';
import type { DialogueState, IntentHandler, RulesReply, RulesTurn } from './types.js';

export type AnswerHandler = (turn: RulesTurn, answer: Answer) => Promise<RulesReply>;

export interface DispatchTable {
  readonly handlers: Partial<Record<Intent, IntentHandler>>;
  /** Takes the answer to the question discovery asked ("Which colour?"). */
  readonly answerQuestion: AnswerHandler;
  /** A handler that must answer whatever the intent (an upset shopper, a coupon code, an awaited identity). */
  readonly takeOver?: (turn: RulesTurn) => IntentHandler | null;
}

/** Misses in a row after which a person takes over. */
export const MISSES_BEFORE_HANDOFF = 3;

/** Intents that mean the shopper moved on, even in a short reply to a question. */
const MOVING_ON: ReadonlySet<Intent> = new Set([
  'add_to_cart',
  'remove_from_cart',
  'update_quantity',
  'view_cart',
  'checkout',
  'order_status',
  'cancel_order',
  'return_order',
  'exchange_order',
  'policy',
  'identify',
  'greeting',
  'thanks',
  'human',
  'compare',
  'stock',
  'price_promotion',
]);

function asIntent(turn: RulesTurn, intent: Intent): RulesTurn {
  return { ...turn, understanding: { ...turn.understanding, intent } };
}

/** A turn that did not help: one more miss, and a person after a few. */
function missed(turn: RulesTurn, reply: RulesReply['reply']): RulesReply {
  const misses = turn.dialogue.misses + 1;
  const dialogue: DialogueState = { ...turn.dialogue, misses, awaiting: { kind: 'none' } };
  if (misses < MISSES_BEFORE_HANDOFF) return { reply, dialogue };
  return {
    reply: handOverReply(turn.language),
    dialogue: { ...dialogue, misses: 0 },
    handoff: {
      reason: 'repeated_failure',
      note: `the assistant missed ${misses} messages in a row: "${turn.text}"`,
    },
  };
}

async function route(turn: RulesTurn, table: DispatchTable): Promise<RulesReply | null> {
  const taken = table.takeOver?.(turn) ?? null;
  if (taken !== null) return taken(turn);
  const { awaiting } = turn.dialogue;
  const { intent, entities } = turn.understanding;
  if (!MOVING_ON.has(intent)) {
    const answer = readAnswer(turn.text, entities, awaiting);
    if (answer !== null) return table.answerQuestion(turn, answer);
    // "any" with no question waiting still means: show me what fits what I asked for.
    if (turn.dialogue.need !== null && isSkip(turn.text)) return table.answerQuestion(turn, { kind: 'skip' });
    if (awaiting.kind === 'variant' && answersVariantQuestion(turn.text, entities)) {
      const addToCart = table.handlers.add_to_cart;
      if (addToCart !== undefined) return addToCart(asIntent(turn, 'add_to_cart'));
    }
  }
  const handler = table.handlers[intent];
  return handler === undefined ? null : handler(turn);
}

export async function dispatch(turn: RulesTurn, table: DispatchTable): Promise<RulesReply> {
  let result: RulesReply | null;
  try {
    result = await route(turn, table);
  } catch (error) {
    if (!ToolError.isInstance(error)) throw error;
    return missed(turn, toolFailedReply(turn.language));
  }
  if (result === null) return missed(turn, notUnderstoodReply(turn.language));
  const before = turn.dialogue;
  const after = result.dialogue;
  const helped = after.misses <= before.misses;
  // A question the turn neither answered nor re-asked is stale: the next short reply is not its answer.
  const stale = before.awaiting.kind === 'question' && after.awaiting === before.awaiting;
  return {
    ...result,
    dialogue: {
      ...after,
      misses: helped ? 0 : after.misses,
      awaiting: stale ? { kind: 'none' } : after.awaiting,
      lastIntent: turn.understanding.intent,
    },
  };
}
