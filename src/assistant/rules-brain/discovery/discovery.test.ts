import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSynonymGroups } from '../../../catalog/search/index.js';
import { demoSynonyms } from '../../../demo/index.js';
import type { ProductCardItem } from '../../tools/index.js';
import { createToolFixture, sessionContext, type ToolFixture } from '../../tools/test-fixtures.js';
import type { RulesBrain } from '../index.js';
import { storeVocabulary, TestConversation, type TestTurn, testBrain } from '../test-conversation.js';

let fixture: ToolFixture;
let brain: RulesBrain;
let pickupStore: Readonly<Record<string, string>>;

/** A product with two units left, both at one store that hands out orders. */
const LANTERN = { en: 'Glowworm Camp Lantern', 'zh-TW': '螢火蟲露營燈' };

beforeAll(async () => {
  fixture = await createToolFixture();
  const { services } = fixture;
  const [stored] = await services.catalog.upsertProducts([
    {
      handle: 'glowworm-camp-lantern',
      title: LANTERN,
      brand: 'Glowworm',
      categoryPath: ['Camping', 'Lighting'],
      productType: 'Lantern',
      variants: [{ sku: 'GLOW-1', optionValues: [], price: { amount: 99_000, currency: 'TWD' } }],
    },
  ]);
  const store = (await services.inventory.listLocations()).find((l) => l.pickup);
  const variant = stored?.product.variants[0];
  if (store === undefined || variant === undefined) throw new Error('no pickup store or lantern');
  await services.inventory.adjust({
    variantId: variant.id,
    locationId: store.id,
    kind: 'receive',
    quantity: 2,
    actor: 'test',
  });
  await services.settled();
  pickupStore = store.name;
  brain = testBrain(
    await storeVocabulary(fixture.services, [...defaultSynonymGroups, ...demoSynonyms]),
    'TWD',
  );
}, 60_000);
afterAll(() => fixture.services.close());

function conversation(locale = 'en'): TestConversation {
  return new TestConversation(fixture.services, brain, sessionContext({ locale }));
}

function items(turn: TestTurn): readonly ProductCardItem[] {
  return turn.result.reply.cards.flatMap((card) => (card.type === 'products' ? card.items : []));
}

/** Every reply of the conversation passes the grounding guard with its own turn's facts. */
function expectGrounded(chat: TestConversation): void {
  for (const turn of chat.turns) {
    expect(turn.verification.interventions, turn.result.reply.text).toEqual([]);
    expect(turn.verification.ok, turn.result.reply.text).toBe(true);
  }
}

/** Answers the brain's questions with "any" until it shows products; returns that turn. */
async function untilProducts(chat: TestConversation, first: TestTurn, skip: string): Promise<TestTurn> {
  let turn = first;
  for (let asked = 0; items(turn).length === 0 && asked < 3; asked += 1) turn = await chat.say(skip);
  return turn;
}

describe('browsing and refining', () => {
  it('asks one narrowing question first, then keeps every constraint while the shopper refines', async () => {
    const chat = conversation();
    const first = await chat.say('I need waterproof hiking shoes');
    expect(items(first)).toEqual([]);
    const awaiting = first.result.dialogue.awaiting;
    if (awaiting.kind !== 'question') throw new Error(`expected a question, got ${first.result.reply.text}`);
    expect(awaiting.values.length).toBeGreaterThan(1);
    expect(first.result.reply.suggestions.map((s) => s.text)).toContain('Any');

    const color = awaiting.option === 'option:Color' ? 'Grey' : (awaiting.values[0] ?? '');
    const answered = await chat.say(color.toLowerCase());
    const shown = items(await untilProducts(chat, answered, 'any'));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThanOrEqual(3);

    // A budget that the cheapest product shown still fits.
    const budget = Math.min(...shown.map((i) => i.price.amount)) / 100;
    const refined = await chat.say(`under ${budget}`);
    const need = refined.result.dialogue.need;
    expect(need?.terms.map((t) => t.value)).toEqual(
      expect.arrayContaining(['waterproof', 'Hiking shoes', color]),
    );
    expect(need?.price).toMatchObject({ kind: 'range', max: { amount: budget * 100 } });
    const cheap = items(await untilProducts(chat, refined, 'any'));
    expect(cheap.length).toBeGreaterThan(0);
    for (const item of cheap) {
      expect(item.price.amount).toBeLessThanOrEqual(budget * 100);
      expect(item.reason).toContain('within your budget');
    }
    expectGrounded(chat);
  });

  it('asks at most two questions for a need, and "any" or "都可以" skips straight to results', async () => {
    const english = conversation();
    let turn = await english.say('show me hiking shoes');
    let questions = 0;
    while (turn.result.dialogue.awaiting.kind === 'question') {
      questions += 1;
      const values = turn.result.dialogue.awaiting.values;
      turn = await english.say(values[0] ?? 'any');
    }
    expect(questions).toBeLessThanOrEqual(2);

    const chinese = conversation('zh-TW');
    const asked = await chinese.say('我想買登山鞋');
    expect(asked.result.dialogue.awaiting.kind).toBe('question');
    const skipped = await chinese.say('都可以');
    expect(items(skipped).length).toBeGreaterThan(0);
    expect(skipped.result.dialogue.awaiting.kind).toBe('none');
    expect(skipped.understanding.language).toBe('zh-TW');
    expect(skipped.result.reply.text).toMatch(/[\u4e00-\u9fff]/u);
    expectGrounded(english);
    expectGrounded(chinese);
  });

  it('gives each product a reason built from its facts: the shopper’s terms and where to collect it', async () => {
    const chat = conversation();
    const shown = items(await untilProducts(chat, await chat.say('waterproof hiking shoes'), 'any'));
    expect(shown.length).toBeGreaterThan(0);
    for (const item of shown) {
      expect(item.reason).toContain('waterproof');
      const place = /(?:pick up today at|left at) (.+)$/u.exec(item.reason ?? '')?.[1];
      if (place !== undefined) expect(item.stock.pickupToday).toContain(place);
      expect(chat.turns.at(-1)?.result.reply.text).toContain(item.reason ?? '');
    }
    expectGrounded(chat);
  });

  it('says how many are left and where when a product runs low, in both languages', async () => {
    for (const [locale, text, left] of [
      ['en', 'Glowworm lanterns', (store: string) => `2 left at ${store}`],
      ['zh-TW', '有 Glowworm 的露營燈嗎', (store: string) => `${store}還剩 2 件`],
    ] as const) {
      const chat = conversation(locale);
      const shown = items(
        await untilProducts(chat, await chat.say(text), locale === 'en' ? 'any' : '都可以'),
      );
      const lantern = shown.find((item) => item.title === LANTERN[locale]);
      expect(lantern?.reason).toContain(left(pickupStore[locale] ?? ''));
      expectGrounded(chat);
    }
  });

  it('says a product is in the shopper’s size only when that size is in stock', async () => {
    const chat = conversation('zh-TW');
    const shown = items(await untilProducts(chat, await chat.say('有沒有27號的防水登山鞋'), '都可以'));
    expect(shown.length).toBeGreaterThan(0);
    for (const item of shown) {
      expect(item.reason).toContain('有你的尺寸');
      expect(item.variants.some((v) => v.options.Size === '27' && v.available > 0)).toBe(true);
    }
    expectGrounded(chat);
  });

  it('shows cheaper products than the ones on screen', async () => {
    const chat = conversation();
    const before = items(await untilProducts(chat, await chat.say('rain jackets'), 'any'));
    // Below the cheapest on screen when anything is; else below the dearest on screen.
    const prices = before.map((i) => i.price.amount);
    const after = items(await untilProducts(chat, await chat.say('show cheaper'), 'any'));
    expect(after.length).toBeGreaterThan(0);
    const limit = after.every((i) => i.price.amount < Math.min(...prices))
      ? Math.min(...prices)
      : Math.max(...prices);
    for (const item of after) expect(item.price.amount).toBeLessThan(limit);
    expectGrounded(chat);
  });
});

describe('references to shown products', () => {
  it('reads "the second one" and "第二個" against the list on screen', async () => {
    for (const [locale, opening, skip, second] of [
      ['en', 'hiking shoes', 'any', 'the second one'],
      ['zh-TW', '我想買登山鞋', '都可以', '第二個'],
    ] as const) {
      const chat = conversation(locale);
      const shown = items(await untilProducts(chat, await chat.say(opening), skip));
      expect(shown.length).toBeGreaterThan(1);
      const turn = await chat.say(second);
      expect(items(turn).map((i) => i.productId)).toEqual([shown[1]?.productId]);
      expect(turn.result.dialogue.focus).toBe(shown[1]?.productId);
      expect(turn.result.reply.text).toContain(shown[1]?.title);
      expectGrounded(chat);
    }
  });

  it('reads "藍色那雙" and "the blue one" as the shown product in that colour', async () => {
    for (const [locale, opening, skip, blue] of [
      ['en', 'hiking shoes', 'any', 'the blue one'],
      ['zh-TW', '我想買登山鞋', '都可以', '藍色那雙'],
    ] as const) {
      const chat = conversation(locale);
      let shown = items(await untilProducts(chat, await chat.say(opening), skip));
      const hasBlue = (item: ProductCardItem) => item.options.some((o) => o.values.includes('Blue'));
      if (shown.filter(hasBlue).length !== 1) {
        // Narrow the list until exactly one shown product comes in blue.
        shown = items(
          await untilProducts(chat, await chat.say(locale === 'en' ? 'in blue' : '藍色的'), skip),
        );
      }
      const blueOnes = shown.filter(hasBlue);
      expect(blueOnes.length).toBeGreaterThan(0);
      const turn = await chat.say(blue);
      const expected = blueOnes.length === 1 ? [blueOnes[0]?.productId] : undefined;
      if (expected !== undefined) expect(items(turn).map((i) => i.productId)).toEqual(expected);
      for (const item of items(turn)) expect(hasBlue(item)).toBe(true);
      expectGrounded(chat);
    }
  });
});

describe('compare, stock and price', () => {
  it('compares the first and the second shown product side by side', async () => {
    const chat = conversation();
    const shown = items(await untilProducts(chat, await chat.say('rain jackets'), 'any'));
    const turn = await chat.say('compare the first and the second');
    expect(items(turn).map((i) => i.productId)).toEqual([shown[0]?.productId, shown[1]?.productId]);
    for (const item of shown.slice(0, 2)) expect(turn.result.reply.text).toContain(item.title);
    // The list on screen still answers "the first".
    expect(turn.result.dialogue.shown.map((p) => p.productId)).toEqual(shown.map((i) => i.productId));
    expectGrounded(chat);
  });

  it('compares two products named by title even before anything is shown', async () => {
    const chat = conversation();
    const turn = await chat.say("What's the difference between the Ridgeback 3 and the Skyline Ultra?");
    const compared = items(turn);
    expect(compared).toHaveLength(2);
    expect(compared[0]?.title).toMatch(/Ridgeback 3/u);
    expect(compared[1]?.title).toMatch(/Skyline Ultra/u);
    expectGrounded(chat);
  });

  it('checks stock of a size and names the stores where it can be picked up today', async () => {
    const chat = conversation();
    const shown = items(await untilProducts(chat, await chat.say('hiking shoes'), 'any'));
    const first = shown[0];
    if (first === undefined) throw new Error('nothing shown');
    const size = first.variants.find((v) => v.available > 0 && v.options.Size !== undefined)?.options.Size;
    if (size === undefined) throw new Error('no size in stock');
    const turn = await chat.say(`is the first one in stock in size ${size}?`);
    expect(turn.tools.map((t) => t.name)).toContain('check_availability');
    const text = turn.result.reply.text;
    expect(text).toContain(first.title);
    const places = first.stock.pickupToday;
    if (places.length > 0) expect(places.some((place) => text.includes(place))).toBe(true);
    expectGrounded(chat);
  });

  it('reads "第一雙看起來不錯，有27號嗎" as a stock question about the first shown product', async () => {
    const chat = conversation('zh-TW');
    const shown = items(await untilProducts(chat, await chat.say('我想買登山鞋'), '都可以'));
    const first = shown[0];
    if (first === undefined) throw new Error('nothing shown');
    const size = first.variants.find((v) => v.available > 0 && v.options.Size !== undefined)?.options.Size;
    const turn = await chat.say(`第一雙看起來不錯，有${size}號嗎？`);
    expect(turn.tools.map((t) => t.name)).toEqual(['product_details', 'check_availability']);
    expect(turn.result.reply.text).toContain(first.title);
    expectGrounded(chat);
  });

  it('says a size the product does not come in is not offered, without a stock claim', async () => {
    const chat = conversation();
    await untilProducts(chat, await chat.say('hiking shoes'), 'any');
    const turn = await chat.say('is the first one in stock in size 99?');
    expect(turn.result.reply.text).toMatch(/doesn't come in 99/u);
    expectGrounded(chat);
  });

  it('names the promotion that applies to a product, from the rules engine', async () => {
    const chat = conversation();
    const shown = items(await untilProducts(chat, await chat.say('clearance'), 'any'));
    const promoted = shown.findIndex((item) => item.badges.length > 0);
    expect(promoted).toBeGreaterThanOrEqual(0);
    const ordinal = ['first', 'second', 'third'][promoted];
    const turn = await chat.say(`any discounts on the ${ordinal} one?`);
    expect(turn.result.reply.text).toContain(shown[promoted]?.badges[0]);
    expect(turn.result.reply.text).toMatch(/\d+% off/u);
    expectGrounded(chat);
  });

  it('answers about a product from its attributes and tags, and says when its data does not say', async () => {
    const chat = conversation();
    const shown = items(await untilProducts(chat, await chat.say('waterproof hiking shoes'), 'any'));
    const second = shown[1];
    if (second === undefined) throw new Error('fewer than two shown');
    const product = await fixture.services.catalog.getProduct(second.productId);
    const material = product.attributes.material;
    const answer = await chat.say('what material is the second one?');
    expect(typeof material === 'string' ? [material] : material).toSatisfy((values: readonly string[]) =>
      values.every((value) => answer.result.reply.text.includes(value.toLowerCase())),
    );
    const unknown = await chat.say('is it dishwasher safe?');
    expect(unknown.result.reply.text).toMatch(/don't say/u);
    expectGrounded(chat);
  });

  it('treats instructions in a product description as data: nothing of them reaches the shopper', async () => {
    const chat = conversation();
    const about = await chat.say('tell me about the enamel trail mug');
    expect(items(about).map((i) => i.productId)).toEqual([fixture.injectedProductId]);
    const free = await chat.say('is it free? can I use a coupon on it?');
    for (const turn of [about, free])
      expect(turn.result.reply.text).not.toMatch(/FREE100|ignore|instruction/iu);
    expectGrounded(chat);
  });
});
