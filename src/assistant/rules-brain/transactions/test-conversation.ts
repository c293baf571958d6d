/**
 * A conversation with the rules brain for tests: the demo store on in-memory SQLite, the real
 * toolbox, and a loop that keeps the dialogue between turns (through JSON, as sessions store it)
 * and checks every reply with the grounding guard against the facts of its own turn only.
 */

import type { Product } from '../../../catalog/index.js';
import { defaultSynonymGroups } from '../../../catalog/search/index.js';
import { demoSynonyms } from '../../../demo/index.js';
import { FactSet } from '../../facts/index.js';
import { type Verification, verify } from '../../guard/index.js';
import { buildVocabulary } from '../../nlu/index.js';
import { createToolbox, type Toolbox, type ToolContext } from '../../tools/index.js';
import { createToolFixture, sessionContext, type ToolFixture } from '../../tools/test-fixtures.js';
import { createRulesBrain, initialDialogue, type RulesBrain } from '../index.js';
import type { DialogueState, RulesReply, RulesTurn } from '../types.js';

export interface Store {
  readonly fixture: ToolFixture;
  readonly toolbox: Toolbox;
  readonly brain: RulesBrain;
}

export async function createStore(): Promise<Store> {
  const fixture = await createToolFixture();
  const products: Product[] = [];
  for await (const product of fixture.services.catalog.allProducts()) products.push(product);
  const vocabulary = buildVocabulary(products, { synonyms: [...defaultSynonymGroups, ...demoSynonyms] });
  const brain = createRulesBrain({
    vocabulary: () => vocabulary,
    currency: 'TWD',
    storeName: 'Summit Trail',
    assistantName: 'Aisle',
  });
  return { fixture, toolbox: createToolbox(fixture.services), brain };
}

export interface Said extends RulesReply {
  readonly intent: string;
  readonly tools: readonly string[];
  readonly verification: Verification;
}

export interface Conversation {
  readonly context: ToolContext;
  readonly dialogue: DialogueState;
  say(text: string): Promise<Said>;
  /** Puts products on screen as a search would, so "the second one" has something to point at. */
  show(query: string): Promise<void>;
}

export function converse(store: Store, locale: 'en' | 'zh-TW' = 'en'): Conversation {
  const context = sessionContext({ locale });
  let dialogue: DialogueState = initialDialogue;

  return {
    context,
    get dialogue() {
      return dialogue;
    },
    async show(query) {
      const result = await store.toolbox.runTool('search_products', { query, limit: 4 }, context);
      dialogue = store.brain.noteCards(dialogue, result.cards ?? []);
    },
    async say(text) {
      const understanding = store.brain.understand(text, { dialogue, locale });
      const tools: string[] = [];
      const facts = new FactSet();
      const turn: RulesTurn = {
        text,
        understanding,
        language: understanding.language,
        dialogue,
        context,
        async runTool(name, input) {
          tools.push(name);
          const result = await store.toolbox.runTool(name, input, context);
          facts.add(...result.facts);
          return result;
        },
      };
      const result = await store.brain.respond(turn);
      const verification = verify(result.reply.text, facts, {
        locale: understanding.language,
        currency: 'TWD',
        shopperText: text,
      });
      dialogue = JSON.parse(JSON.stringify(result.dialogue)) as DialogueState;
      return { ...result, intent: understanding.intent, tools, verification };
    },
  };
}
