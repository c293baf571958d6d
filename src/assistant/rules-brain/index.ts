/**
 * assistant/rules-brain — the embedded default brain: offline, no keys. It reads the shopper with
 * `nlu/` (vocabulary built from the catalog), acts through the same tools as the LLM brain, asks
 * the question that best narrows the candidates, and replies from templates in English or
 * Traditional Chinese.
 */
import { type Language, type Understanding, understand, type Vocabulary } from '../nlu/index.js';
import type { Reply } from '../conversation/types.js';
import type { Card } from '../tools/index.js';
import { discoveryHandlers } from './discovery/index.js';
import { transactionHandlers } from './transactions/index.js';
import type { DialogueState, RulesReply, RulesTurn } from './types.js';

export type * from './types.js';

export interface RulesBrainOptions {
  /** The catalog's vocabulary as it is now (rebuilt by the caller when the catalog changes). */
  readonly vocabulary: () => Vocabulary;
  /** ISO 4217 code of the store currency. */
  readonly currency: string;
  readonly storeName: string;
  readonly assistantName: string;
}

export interface RulesBrain {
  understand(text: string, options: { readonly dialogue: DialogueState; readonly locale: string }): Understanding;
  respond(turn: RulesTurn): Promise<RulesReply>;
  /** The first message of every session: who the assistant is (an AI) and what it can do. */
  greeting(language: Language): Reply;
  /** After a turn another brain served: remember the products its cards showed. */
  noteCards(dialogue: DialogueState, cards: readonly Card[]): DialogueState;
}

export const initialDialogue: DialogueState = {
  need: null,
  shown: [],
  focus: null,
  pending: null,
  awaiting: { kind: 'none' },
  misses: 0,
  lastIntent: null,
};

export { discoveryHandlers, transactionHandlers };
