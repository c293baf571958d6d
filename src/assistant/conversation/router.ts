/**
 * Which brain answers a turn. The rules brain is cheap, instant and deterministic, so it takes
 * every turn it is confident about in the intents it serves well; the language model takes the
 * rest. A short answer goes back to the brain that asked the question.
 */

import { ValidationError } from '../../core/index.js';
import { INTENTS, type Intent, type Understanding } from '../nlu/index.js';
import type { DialogueState } from '../rules-brain/index.js';
import type { TurnTrace } from './types.js';

/** Transactions (cart, checkout, orders, identity, confirmations) and small talk. */
export const DEFAULT_RULES_INTENTS: readonly Intent[] = [
  'add_to_cart',
  'remove_from_cart',
  'update_quantity',
  'view_cart',
  'checkout',
  'order_status',
  'cancel_order',
  'return_order',
  'exchange_order',
  'identify',
  'affirm',
  'deny',
  'greeting',
  'thanks',
  'human',
];

export const DEFAULT_ROUTER_CONFIDENCE = 0.8;

export interface RouterOptions {
  readonly llmAvailable: boolean;
  /** The rules brain serves a turn whose understanding is at least this confident. */
  readonly confidence: number;
  readonly rulesIntents: ReadonlySet<Intent>;
}

export interface RouteDecision {
  readonly brain: 'rules' | 'llm';
  /** Why, in a few words, for the trace. */
  readonly route: string;
}

export interface RouteInput {
  readonly understanding: Understanding;
  readonly dialogue: DialogueState;
  /** The brain that wrote the previous reply. */
  readonly lastBrain: TurnTrace['brain'] | null;
}

export function chooseBrain(input: RouteInput, options: RouterOptions): RouteDecision {
  const { understanding, dialogue, lastBrain } = input;
  const score = `${understanding.intent} ${understanding.confidence.toFixed(2)}`;
  if (!options.llmAvailable) return { brain: 'rules', route: 'no LLM configured' };
  const rulesAnsweredLast = lastBrain === 'rules' || lastBrain === 'fallback';
  if (rulesAnsweredLast && (dialogue.awaiting.kind !== 'none' || dialogue.pending !== null)) {
    return { brain: 'rules', route: `answers the rules brain's ${dialogue.awaiting.kind} (${score})` };
  }
  const shortAnswer = understanding.intent === 'affirm' || understanding.intent === 'deny';
  if (lastBrain === 'llm' && shortAnswer)
    return { brain: 'llm', route: `answers the model's question (${score})` };
  if (!options.rulesIntents.has(understanding.intent)) {
    return { brain: 'llm', route: `intent not served by rules (${score})` };
  }
  if (understanding.confidence < options.confidence) {
    return { brain: 'llm', route: `low confidence (${score} < ${options.confidence})` };
  }
  return { brain: 'rules', route: `confident (${score})` };
}

/** Reads a configured list of intents; unknown names are a configuration error. */
export function parseRulesIntents(names: readonly string[] | undefined): ReadonlySet<Intent> {
  if (names === undefined) return new Set(DEFAULT_RULES_INTENTS);
  const known = new Set<string>(INTENTS);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ValidationError(
      `AISLE_ROUTER_RULES_INTENTS names unknown intents: ${unknown.join(', ')} (known: ${INTENTS.join(', ')})`,
      { unknown },
      'invalid_config',
    );
  }
  return new Set(names as Intent[]);
}
