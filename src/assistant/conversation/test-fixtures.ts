/**
 * A small store and a scripted rules brain for the conversation engine's tests: one rain jacket
 * in stock, one customer, and a brain whose understanding and replies are fixed by the test, so
 * the tests exercise the pipeline (storage, routing, tools, guard, handoff), not language.
 */
import { formatMoney, loadConfig, ManualClock } from '../../core/index.js';
import { type AppServices, createServices } from '../../server/index.js';
import type { Store } from '../../store/index.js';
import type { Intent, Understanding } from '../nlu/index.js';
import type { RulesBrain, RulesReply, RulesTurn } from '../rules-brain/index.js';
import { type AssistantOptions, createAssistant } from './create-assistant.js';
import type { Assistant } from './types.js';

export const JACKET_PRICE = 248_000;
export const SHOPPER_EMAIL = 'yichun.lin@example.com';
export const TOKEN_SECRET = 'conversation-test-secret-0123456789';

export interface ScriptedRulesBrain extends RulesBrain {
  /** Every turn the brain answered, in order. */
  readonly turns: RulesTurn[];
  /** Runs before the brain answers a turn; a test may hold it there. */
  beforeRespond: (turn: RulesTurn) => Promise<void>;
}

const CUES: readonly [RegExp, Intent, number][] = [
  [/person|human|真人/i, 'human', 0.95],
  [/^(hi|hello|你好)/i, 'greeting', 0.97],
  [/\badd\b|加入/i, 'add_to_cart', 0.92],
  [/^(yes|ok|好)/i, 'affirm', 0.9],
  [/price|how much|多少錢|code/i, 'price_promotion', 0.9],
];

/** Understands by keyword; answers a request for a person with a handoff, "add" by adding the jacket. */
export function scriptedRulesBrain(jacketVariantId: () => string): ScriptedRulesBrain {
  const brain: ScriptedRulesBrain = {
    turns: [],
    beforeRespond: async () => {},
    understand(text): Understanding {
      const cue = CUES.find(([pattern]) => pattern.test(text));
      return {
        text,
        language: /[\u4e00-\u9fff]/u.test(text) ? 'zh-TW' : 'en',
        mixed: false,
        intent: cue?.[1] ?? 'browse',
        confidence: cue?.[2] ?? 0.4,
        runnerUp: null,
        entities: [],
      };
    },
    async respond(turn): Promise<RulesReply> {
      brain.turns.push(turn);
      await brain.beforeRespond(turn);
      // Each answered turn counts one, so a lost update of the dialogue shows.
      const dialogue = {
        ...turn.dialogue,
        misses: turn.dialogue.misses + 1,
        lastIntent: turn.understanding.intent,
      };
      if (turn.understanding.intent === 'human') {
        return {
          reply: {
            text: 'I have asked our team to join; a person will answer here.',
            cards: [],
            suggestions: [],
          },
          dialogue,
          handoff: { reason: 'shopper_asked', note: 'wants a person\nabout an order' },
        };
      }
      if (turn.understanding.intent === 'add_to_cart') {
        const result = await turn.runTool('cart_add', { variantId: jacketVariantId(), quantity: 1 });
        const cart = result.cards?.find((card) => card.type === 'cart');
        const total = cart?.type === 'cart' ? formatMoney(cart.total, turn.language) : '';
        return {
          reply: {
            text: `Added the jacket. Your cart total is ${total}.`,
            cards: result.cards ?? [],
            suggestions: [],
          },
          dialogue,
        };
      }
      if (turn.understanding.intent === 'price_promotion') {
        // States a price without a tool call: only the session's earlier facts can back it.
        return { reply: { text: 'The jacket is NT$2,480.00.', cards: [], suggestions: [] }, dialogue };
      }
      return {
        reply: {
          text: turn.language === 'zh-TW' ? '好的，我來幫您。' : 'Sure, let me help.',
          cards: [],
          suggestions: [{ label: 'Show my cart', text: 'show my cart' }],
        },
        dialogue,
      };
    },
    greeting: (language) => ({
      text: language === 'zh-TW' ? '您好，我是 AI 購物助理。' : "Hi, I'm the store's AI shopping assistant.",
      cards: [],
      suggestions: [],
    }),
    noteCards: (dialogue) => ({ ...dialogue, focus: 'noted' }),
  };
  return brain;
}

export interface ConversationFixture {
  readonly services: AppServices;
  readonly clock: ManualClock;
  readonly assistant: Assistant;
  readonly brain: ScriptedRulesBrain;
  readonly productId: string;
  readonly variantId: string;
  readonly customerId: string;
}

/** The store on `store` (or in-memory SQLite), with the assistant built over the scripted brain. */
export async function conversationFixture(
  options: { store?: Store; assistant?: Partial<AssistantOptions> } = {},
): Promise<ConversationFixture> {
  const clock = new ManualClock(Date.UTC(2026, 10, 20, 2));
  const services = await createServices(
    { ...loadConfig({}), db: 'sqlite::memory:' },
    { clock, ...(options.store === undefined ? {} : { store: options.store }) },
  );
  const [upserted] = await services.catalog.upsertProducts([
    {
      handle: 'storm-shell-jacket',
      title: { en: 'Storm shell jacket', 'zh-TW': '防風雨外套' },
      brand: 'Hollowpine',
      categoryPath: ['Clothing', 'Jackets'],
      tags: ['waterproof'],
      variants: [{ sku: 'JKT-1', optionValues: [], price: { amount: JACKET_PRICE, currency: 'TWD' } }],
    },
  ]);
  const product = upserted?.product;
  const variant = product?.variants[0];
  if (product === undefined || variant === undefined) throw new Error('the jacket was not stored');
  const location = await services.inventory.defaultLocation();
  await services.inventory.adjust({
    variantId: variant.id,
    locationId: location.id,
    kind: 'receive',
    quantity: 5,
    actor: 'test',
  });
  const customer = await services.customers.create({ name: '林怡君', email: SHOPPER_EMAIL });
  await services.settled();
  const brain = scriptedRulesBrain(() => variant.id);
  const assistant = createAssistant({
    services,
    rulesBrain: brain,
    options: {
      currency: 'TWD',
      persona: { storeName: 'Hillside Outfitters', assistantName: 'Mei' },
      customerTokenSecret: TOKEN_SECRET,
      ...options.assistant,
    },
  });
  return {
    services,
    clock,
    assistant,
    brain,
    productId: product.id,
    variantId: variant.id,
    customerId: customer.id,
  };
}
