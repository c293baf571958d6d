/**
 * End to end on the demo store with the real rules brain and no language model: a new shopper
 * goes from "I need waterproof hiking shoes" to a cart with a line, in English and in Chinese,
 * answering the assistant's questions by tapping its suggestion chips as a shopper would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ManualClock } from '../../core/index.js';
import { demoSynonyms, seedDemo, seedDemoCommerce } from '../../demo/index.js';
import { type AppServices, createServices } from '../../server/index.js';
import type { SentReply } from './types.js';

const MAX_TURNS = 8;

let services: AppServices;

beforeAll(async () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 20, 2));
  services = await createServices(
    { ...loadConfig({}), db: 'sqlite::memory:' },
    { clock, synonyms: demoSynonyms },
  );
  await seedDemo(services);
  await seedDemoCommerce(services);
  await services.settled();
});

afterAll(() => services.close());

const hasProducts = (sent: SentReply) => sent.reply.cards.some((card) => card.type === 'products');

/** The chip a shopper taps to answer a question: a real value, not "any". */
function firstChip(sent: SentReply, skip: RegExp): string {
  const chip = sent.reply.suggestions.find((suggestion) => !skip.test(suggestion.text));
  if (chip === undefined) throw new Error(`nothing to answer "${sent.reply.text}" with`);
  return chip.text;
}

describe.each([
  {
    locale: 'en',
    need: 'I need waterproof hiking shoes',
    add: 'add the first one to my cart',
    skip: /^any$/i,
  },
  { locale: 'zh-TW', need: '我想買防水登山鞋', add: '第一個加入購物車', skip: /^都可以$/ },
])('a new shopper in $locale', ({ locale, need, add, skip }) => {
  it('goes from a need to a cart with a line, without a language model', async () => {
    const { assistant } = services;
    const { sessionId, greeting } = await assistant.startSession({ locale });
    expect(greeting.text).toContain('AI');

    let sent = await assistant.send(sessionId, need);
    for (let turn = 0; !hasProducts(sent) && turn < MAX_TURNS; turn++) {
      sent = await assistant.send(sessionId, firstChip(sent, skip));
    }
    expect(hasProducts(sent)).toBe(true);
    const shownVariants = new Set(
      sent.reply.cards.flatMap((card) =>
        card.type === 'products' ? card.items.flatMap((item) => item.variants.map((v) => v.variantId)) : [],
      ),
    );

    sent = await assistant.send(sessionId, add);
    for (let turn = 0; sent.state.cart === null && turn < MAX_TURNS; turn++) {
      sent = await assistant.send(sessionId, firstChip(sent, skip));
    }
    expect(sent.state.cart).toMatchObject({ itemCount: 1 });
    expect(sent.state.cart?.total.amount).toBeGreaterThan(0);

    const { messages } = await assistant.transcript(sessionId);
    const traces = messages.flatMap((message) => (message.trace === undefined ? [] : [message.trace]));
    expect(traces.every((trace) => trace.brain === 'rules')).toBe(true);
    const added = traces
      .flatMap((trace) => trace.tools)
      .filter((call) => call.name === 'cart_add' && call.ok);
    expect(added).toHaveLength(1);
    // The line is one of the waterproof hiking shoes the assistant showed.
    expect(shownVariants.has((added[0]?.input as { variantId: string } | undefined)?.variantId ?? '')).toBe(
      true,
    );
  });
});
