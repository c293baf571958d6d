/**
 * Test support: a conversation with the rules brain over a real store. Each turn reads the
 * message, runs the brain with the store's toolbox, and checks the reply with the grounding guard
 * against the facts of that turn alone.
 */

import type { SynonymGroups } from '../../catalog/search/index.js';
import type { AppServices } from '../../server/index.js';
import { FactSet } from '../facts/index.js';
import { type Verification, verify } from '../guard/index.js';
import { buildVocabulary, type Understanding, type Vocabulary } from '../nlu/index.js';
import { createToolbox, type Toolbox, type ToolContext } from '../tools/index.js';
import { createRulesBrain, initialDialogue, type RulesBrain } from './index.js';
import type { DialogueState, RulesReply } from './types.js';

export interface TestTurn {
  readonly understanding: Understanding;
  readonly result: RulesReply;
  readonly verification: Verification;
  readonly tools: readonly { readonly name: string; readonly input: Record<string, unknown> }[];
}

export async function storeVocabulary(services: AppServices, synonyms: SynonymGroups): Promise<Vocabulary> {
  const products = [];
  for await (const product of services.catalog.allProducts()) products.push(product);
  return buildVocabulary(products, { synonyms });
}

export function testBrain(vocabulary: Vocabulary, currency: string): RulesBrain {
  return createRulesBrain({
    vocabulary: () => vocabulary,
    currency,
    storeName: 'Trailhead',
    assistantName: 'Aisle',
  });
}

export class TestConversation {
  dialogue: DialogueState = initialDialogue;
  readonly turns: TestTurn[] = [];
  private readonly toolbox: Toolbox;

  constructor(
    services: AppServices,
    private readonly brain: RulesBrain,
    readonly context: ToolContext,
  ) {
    this.toolbox = createToolbox(services);
  }

  async say(text: string): Promise<TestTurn> {
    const toolbox = this.toolbox;
    const understanding = this.brain.understand(text, {
      dialogue: this.dialogue,
      locale: this.context.locale,
    });
    const facts = new FactSet();
    const tools: { name: string; input: Record<string, unknown> }[] = [];
    const result = await this.brain.respond({
      text,
      understanding,
      language: understanding.language,
      dialogue: this.dialogue,
      context: this.context,
      runTool: async (name, input) => {
        tools.push({ name, input });
        const ran = await toolbox.runTool(name, input, this.context);
        facts.add(...ran.facts);
        return ran;
      },
    });
    const verification = verify(result.reply.text, facts, {
      locale: understanding.language,
      currency: this.context.currency,
      shopperText: text,
    });
    this.dialogue = JSON.parse(JSON.stringify(result.dialogue)) as DialogueState;
    const turn = { understanding, result, verification, tools };
    this.turns.push(turn);
    return turn;
  }
}
