/**
 * assistant/rules-brain — the embedded default brain: offline, no keys. It reads the shopper with
 * `nlu/` (vocabulary built from the catalog), acts through the same tools as the LLM brain, asks
 * the question that best narrows the candidates, and replies from templates in English or
 * Traditional Chinese.
 */
import type { Reply } from '../conversation/types.js';
import {
  INTENTS,
  type Intent,
  type Language,
  type Understanding,
  understand,
  type Vocabulary,
} from '../nlu/index.js';
import type { Card } from '../tools/index.js';
import { greetingReply } from './brain-replies.js';
import { answerQuestion, discoveryHandlers } from './discovery/index.js';
import { dispatch } from './dispatch.js';
import { noteCards } from './note-cards.js';
import { takeOver, transactionHandlers } from './transactions/index.js';
import type { DialogueState, RulesReply, RulesTurn } from './types.js';

export { MISSES_BEFORE_HANDOFF } from './dispatch.js';
export { pickVariant, type VariantChoice, wantedValues } from './pick-variant.js';
export type { Answer } from './question.js';
export { describes, resolveProducts, shownFromCard } from './resolve-products.js';
export type { ProductDetails } from './tool-outputs.js';
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
  understand(
    text: string,
    options: { readonly dialogue: DialogueState; readonly locale: string },
  ): Understanding;
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

function isIntent(value: string | null): value is Intent {
  return value !== null && (INTENTS as readonly string[]).includes(value);
}

export function createRulesBrain(options: RulesBrainOptions): RulesBrain {
  const handlers = { ...transactionHandlers, ...discoveryHandlers };
  return {
    understand(text, { dialogue, locale }) {
      const previous = dialogue.lastIntent;
      return understand(text, {
        vocabulary: options.vocabulary(),
        locale,
        currency: options.currency,
        state: {
          awaitingConfirmation: dialogue.awaiting.kind === 'confirmation',
          awaitingIdentity: dialogue.awaiting.kind === 'identity',
          showingProducts: dialogue.shown.length > 0,
          ...(isIntent(previous) ? { previousIntent: previous } : {}),
        },
      });
    },
    respond: (turn) => dispatch(turn, { handlers, answerQuestion, takeOver }),
    greeting: (language) => greetingReply(language, options),
    noteCards,
  };
}

export { discoveryHandlers, transactionHandlers };
