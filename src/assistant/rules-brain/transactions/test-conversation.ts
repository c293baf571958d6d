/**
 * Test support for the transaction handlers: the demo store on in-memory SQLite with the rules
 * brain, conversations run by the brain's shared test conversation (each reply checked by the
 * grounding guard against its own turn's facts), and products put on screen as a search would.
 */
import { defaultSynonymGroups } from '../../../catalog/search/index.js';
import { demoSynonyms } from '../../../demo/index.js';
import type { Verification } from '../../guard/index.js';
import { createToolbox, type Toolbox, type ToolContext } from '../../tools/index.js';
import { createToolFixture, sessionContext, type ToolFixture } from '../../tools/test-fixtures.js';
import type { RulesBrain } from '../index.js';
import { storeVocabulary, TestConversation, testBrain } from '../test-conversation.js';
import type { DialogueState, RulesReply } from '../types.js';

export interface Store {
  readonly fixture: ToolFixture;
  readonly toolbox: Toolbox;
  readonly brain: RulesBrain;
}

export async function createStore(): Promise<Store> {
  const fixture = await createToolFixture();
  const vocabulary = await storeVocabulary(fixture.services, [...defaultSynonymGroups, ...demoSynonyms]);
  return { fixture, toolbox: createToolbox(fixture.services), brain: testBrain(vocabulary, 'TWD') };
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
  const conversation = new TestConversation(store.fixture.services, store.brain, sessionContext({ locale }));
  return {
    context: conversation.context,
    get dialogue() {
      return conversation.dialogue;
    },
    async show(query) {
      const result = await store.toolbox.runTool(
        'search_products',
        { query, limit: 4 },
        conversation.context,
      );
      conversation.dialogue = store.brain.noteCards(conversation.dialogue, result.cards ?? []);
    },
    async say(text) {
      const turn = await conversation.say(text);
      return {
        ...turn.result,
        dialogue: conversation.dialogue,
        intent: turn.understanding.intent,
        tools: turn.tools.map((tool) => tool.name),
        verification: turn.verification,
      };
    },
  };
}
