/**
 * The same brain over a different shop: a kitchenware catalog imported from a Shopify CSV, with
 * its own options, tags and a store of its own for pickup. Nothing here is tuned to the demo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeed } from '../../../catalog/import/index.js';
import { loadConfig, ManualClock } from '../../../core/index.js';
import { type AppServices, createServices } from '../../../server/index.js';
import { KITCHEN_CSV, kitchenCatalogSynonyms } from '../../nlu/eval/evaluation-catalogs.js';
import type { ProductCardItem } from '../../tools/index.js';
import { sessionContext } from '../../tools/test-fixtures.js';
import type { RulesBrain } from '../index.js';
import { storeVocabulary, TestConversation, type TestTurn, testBrain } from '../test-conversation.js';

const SHOP = { en: 'Daan Kitchen Shop', 'zh-TW': '大安廚房店' };

let services: AppServices;
let brain: RulesBrain;

beforeAll(async () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 20, 2));
  services = await createServices({ ...loadConfig({}), db: 'sqlite::memory:' }, { clock });
  // The shop's one location hands out orders: imported stock lands there.
  await services.inventory.upsertLocation({
    code: 'DAAN',
    name: SHOP,
    kind: 'store',
    priority: 1,
    channels: ['online', 'pos'],
    pickup: true,
    address: null,
  });
  const summary = await importFeed({
    catalog: services.catalog,
    inventory: services.inventory,
    format: 'shopify',
    input: KITCHEN_CSV,
    currency: 'TWD',
    actor: 'test',
  });
  expect(summary.created).toBeGreaterThan(20);
  await services.settled();
  brain = testBrain(await storeVocabulary(services, kitchenCatalogSynonyms()), 'TWD');
}, 60_000);
afterAll(() => services.close());

function conversation(locale = 'en'): TestConversation {
  return new TestConversation(services, brain, sessionContext({ locale }));
}

function items(turn: TestTurn): readonly ProductCardItem[] {
  return turn.result.reply.cards.flatMap((card) => (card.type === 'products' ? card.items : []));
}

function expectGrounded(chat: TestConversation): void {
  for (const turn of chat.turns) expect(turn.verification.interventions, turn.result.reply.text).toEqual([]);
}

describe('the rules brain on an imported kitchen shop', () => {
  it('asks about a field of this catalog, takes the answer, and shows products with reasons', async () => {
    const chat = conversation();
    const asked = await chat.say('anything for induction?');
    const awaiting = asked.result.dialogue.awaiting;
    if (awaiting.kind !== 'question') throw new Error(`expected a question: ${asked.result.reply.text}`);
    const [answer] = awaiting.values;
    if (answer === undefined) throw new Error('a question without values');
    const shown = items(await chat.say(answer));
    expect(shown.length).toBeGreaterThan(0);
    for (const item of shown) {
      expect(item.reason).toContain('induction');
      expect(item.reason).toContain(`pick up today at ${SHOP.en}`);
    }
    expect(shown.length).toBeLessThanOrEqual(3);
    expectGrounded(chat);
  });

  it('compares and checks stock in Chinese, with the shop as the pickup place', async () => {
    const chat = conversation('zh-TW');
    let turn = await chat.say('有 Kiri 的刀嗎');
    while (turn.result.dialogue.awaiting.kind === 'question') turn = await chat.say('都可以');
    const shown = items(turn);
    expect(shown.length).toBeGreaterThan(1);
    const compared = await chat.say('比較第一個和第二個');
    expect(items(compared).map((i) => i.productId)).toEqual([shown[0]?.productId, shown[1]?.productId]);
    const second = await chat.say('第二個有貨嗎');
    expect(second.tools.map((t) => t.name)).toContain('check_availability');
    expect(second.result.reply.text).toContain(shown[1]?.title);
    expect(second.result.reply.text).toContain(SHOP['zh-TW']);
    expectGrounded(chat);
  });

  it('quotes the description sentence that answers a question, and nothing else of it', async () => {
    const chat = conversation();
    let turn = await chat.say('cast iron skillet');
    while (turn.result.dialogue.awaiting.kind === 'question') turn = await chat.say('any');
    const answer = await chat.say('can the skillet go in the oven?');
    expect(answer.result.reply.text).toContain('“Pre-seasoned skillet that goes from hob to oven.”');
    expectGrounded(chat);
  });

  it('reads "the sage one" against the options of the products on screen', async () => {
    const chat = conversation();
    let turn = await chat.say('nonstick frying pan');
    while (turn.result.dialogue.awaiting.kind === 'question') turn = await chat.say('any');
    const sage = items(turn).filter((i) => i.options.some((o) => o.values.includes('Sage')));
    expect(sage.length).toBe(1);
    const described = await chat.say('the sage one');
    expect(items(described).map((i) => i.productId)).toEqual([sage[0]?.productId]);
    const sized = await chat.say('is the sage one in stock in 24 cm?');
    expect(sized.result.reply.text).toMatch(/\d+ available|sold out/u);
    expectGrounded(chat);
  });
});
