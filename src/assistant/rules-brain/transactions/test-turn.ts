/** Test support: a rules-brain turn without a store, for handlers' pure decisions. */
import type { Entity, Intent, Understanding } from '../../nlu/index.js';
import { initialDialogue } from '../index.js';
import type { DialogueState, RulesTurn } from '../types.js';

export function bareTurn(
  text: string,
  entities: readonly Entity[] = [],
  options: { readonly intent?: Intent; readonly dialogue?: Partial<DialogueState> } = {},
): RulesTurn {
  const understanding: Understanding = {
    text,
    language: 'zh-TW',
    mixed: false,
    intent: options.intent ?? 'remove_from_cart',
    confidence: 0.9,
    runnerUp: null,
    entities,
  };
  return {
    text,
    understanding,
    language: 'zh-TW',
    dialogue: { ...initialDialogue, ...options.dialogue },
    context: {
      sessionId: 's',
      locale: 'zh-TW',
      currency: 'TWD',
      shopper: { customerId: null, verified: false },
      cartId: null,
      cartToken: null,
      channel: 'online',
    },
    runTool: async () => {
      throw new Error('no tools here');
    },
  };
}
