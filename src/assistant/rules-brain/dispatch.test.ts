import { beforeAll, describe, expect, it } from 'vitest';
import { evaluationCatalogs } from '../nlu/eval/evaluation-catalogs.js';
import type { Vocabulary } from '../nlu/index.js';
import { ToolError } from '../tools/index.js';
import { type DispatchTable, dispatch, MISSES_BEFORE_HANDOFF } from './dispatch.js';
import { createRulesBrain, initialDialogue } from './index.js';
import { noteCards } from './note-cards.js';
import type { DialogueState, RulesReply, RulesTurn } from './types.js';

let vocabulary: Vocabulary;
beforeAll(async () => {
  vocabulary = (await evaluationCatalogs()).outdoor?.vocabulary as Vocabulary;
});

const brain = () =>
  createRulesBrain({
    vocabulary: () => vocabulary,
    currency: 'TWD',
    storeName: 'Trailhead',
    assistantName: 'Aisle',
  });

function turn(text: string, dialogue: DialogueState = initialDialogue): RulesTurn {
  const understanding = brain().understand(text, { dialogue, locale: 'en' });
  return {
    text,
    understanding,
    language: understanding.language,
    dialogue,
    context: {
      sessionId: 's',
      locale: 'en',
      currency: 'TWD',
      shopper: { customerId: null, verified: false },
      cartId: null,
      cartToken: null,
      channel: 'online',
    },
    runTool: () => Promise.reject(new ToolError('search_products', 'invalid_input', 'refused')),
  };
}

const said =
  (label: string) =>
  async (t: RulesTurn): Promise<RulesReply> => ({
    reply: { text: `${label}: ${t.text}`, cards: [], suggestions: [] },
    dialogue: t.dialogue,
  });

const empty: DispatchTable = { handlers: {}, answerQuestion: said('answer') };

describe('the greeting', () => {
  it('says it is an AI assistant of the store, what it can do, and that a person is available', () => {
    const english = brain().greeting('en');
    expect(english.text).toMatch(/AI shopping assistant/u);
    expect(english.text).toContain('Trailhead');
    expect(english.text).toContain('Aisle');
    expect(english.text).toMatch(/person/u);
    expect(english.suggestions.map((s) => s.text)).toContain('Talk to a person');
    const chinese = brain().greeting('zh-TW');
    expect(chinese.text).toMatch(/AI 購物助理/u);
    expect(chinese.text).toMatch(/真人/u);
  });
});

describe('dispatching a turn', () => {
  it('answers an intent no handler takes with what the assistant can do, and counts a miss', async () => {
    const result = await dispatch(turn('what is the meaning of life'), empty);
    expect(result.reply.text).toMatch(/find products, check stock, your cart and orders/u);
    expect(result.reply.suggestions.length).toBeGreaterThan(0);
    expect(result.dialogue.misses).toBe(1);
  });

  it('hands the session to a person after repeated misses', async () => {
    let dialogue = initialDialogue;
    let result: RulesReply | undefined;
    for (let i = 0; i < MISSES_BEFORE_HANDOFF; i += 1) {
      result = await dispatch(turn('qwerty asdf', dialogue), empty);
      dialogue = result.dialogue;
    }
    expect(result?.handoff?.reason).toBe('repeated_failure');
    expect(result?.dialogue.misses).toBe(0);
  });

  it('turns a tool refusal into a plain apology instead of an error', async () => {
    const failing: DispatchTable = {
      handlers: { browse: (t) => t.runTool('search_products', {}).then(() => said('never')(t)) },
      answerQuestion: said('answer'),
    };
    const result = await dispatch(turn('hiking shoes'), failing);
    expect(result.reply.text).toMatch(/couldn't get that done/u);
  });

  it('reads a short reply as the answer to the waiting question, and "skip" too', async () => {
    const asking: DialogueState = {
      ...initialDialogue,
      awaiting: { kind: 'question', option: 'option:Size', values: ['41', '42', '43'] },
    };
    for (const text of ['42', 'skip', '都可以', 'any']) {
      const result = await dispatch(turn(text, asking), { ...empty, handlers: { browse: said('browse') } });
      expect(result.reply.text).toBe(`answer: ${text}`);
    }
    const movedOn = await dispatch(turn('where is my order?', asking), {
      ...empty,
      handlers: { order_status: said('order') },
    });
    expect(movedOn.reply.text).toBe('order: where is my order?');
    expect(movedOn.dialogue.awaiting).toEqual({ kind: 'none' });
  });

  it('reads "any" with a need but no question as: show what fits', async () => {
    const need = { query: '', terms: [], price: null, size: '42', asked: [], questions: 0 };
    const result = await dispatch(turn('都可以', { ...initialDialogue, need }), empty);
    expect(result.reply.text).toBe('answer: 都可以');
    expect(result.dialogue.misses).toBe(0);
  });

  it('sends a size given while a variant is awaited to add_to_cart', async () => {
    const awaiting: DialogueState = {
      ...initialDialogue,
      awaiting: { kind: 'variant', productId: 'p1', option: 'Size', quantity: 1 },
    };
    const result = await dispatch(turn('size 42', awaiting), {
      ...empty,
      handlers: { add_to_cart: said('add'), refine: said('refine') },
    });
    expect(result.reply.text).toBe('add: size 42');
    expect(result.dialogue.lastIntent).toBe('refine');
  });
});

describe('noting cards another brain showed', () => {
  const item = (productId: string) => ({
    productId,
    title: `Product ${productId}`,
    brand: null,
    price: { amount: 100_00, currency: 'TWD' },
    compareAtPrice: null,
    imageUrl: null,
    badges: [],
    stock: { status: 'in_stock' as const, available: 3, pickupToday: [] },
    options: [],
    variants: [],
  });

  it('replaces the shown list with a list, and makes a single product the one under discussion', () => {
    const listed = noteCards(initialDialogue, [{ type: 'products', items: [item('a'), item('b')] }]);
    expect(listed.shown.map((p) => p.productId)).toEqual(['a', 'b']);
    const focused = noteCards(listed, [{ type: 'products', items: [item('b')] }]);
    expect(focused.shown.map((p) => p.productId)).toEqual(['a', 'b']);
    expect(focused.focus).toBe('b');
    const other = noteCards(focused, [{ type: 'products', items: [item('z')] }]);
    expect(other.shown.map((p) => p.productId)).toEqual(['z']);
  });
});
