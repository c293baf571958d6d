/**
 * The transaction handlers in whole conversations against the demo store: every reply is checked
 * by the grounding guard against the facts of its turn and session, and every amount a test
 * expects is read from the services, never written into the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, type Money } from '../../../core/index.js';
import { CHEN, LIN } from '../../tools/test-fixtures.js';
import { decodeRequest } from './order-request.js';
import { type Conversation, converse, createStore, type Said, type Store } from './test-conversation.js';

const WU = { name: '吳佳穎', postalCode: '970005' } as const;
const EMILY = { name: 'Emily Carter', postalCode: '110208' } as const;

let store: Store;
beforeAll(async () => {
  store = await createStore();
}, 60_000);
afterAll(() => store.fixture.services.close());

/** Says a message and requires the guard to pass the reply as written. */
async function say(conversation: Conversation, text: string): Promise<Said> {
  const said = await conversation.say(text);
  const interventions = said.verification.interventions.map((i) => `${i.claim.text}: ${i.reason}`);
  expect(interventions, `guard on: ${said.reply.text}`).toEqual([]);
  return said;
}

/** The shopper gives the name and postal code on their account, unprompted. */
async function identifyAs(
  conversation: Conversation,
  person: { name: string; postalCode: string },
): Promise<Said> {
  const said = await say(
    conversation,
    conversation.context.locale === 'zh-TW'
      ? `我是${person.name}，郵遞區號 ${person.postalCode}`
      : `My name is ${person.name}, postal code ${person.postalCode}`,
  );
  expect(conversation.context.shopper.verified).toBe(true);
  return said;
}

/** Adds a product shown for the query, answering each option question with its first chip. */
async function addShown(conversation: Conversation, query: string, ask: string): Promise<Said> {
  await conversation.show(query);
  let said = await say(conversation, ask);
  for (let questions = 0; said.dialogue.awaiting.kind === 'variant' && questions < 4; questions += 1) {
    const [first] = said.reply.suggestions;
    if (first === undefined) throw new Error(`no chips for: ${said.reply.text}`);
    said = await say(conversation, first.text);
  }
  return said;
}

async function cartTotal(conversation: Conversation): Promise<Money> {
  const cartId = conversation.context.cartId;
  if (cartId === null) throw new Error('no cart');
  return (await store.fixture.services.cart.getCart(cartId)).quote.total;
}

const en = (money: Money) => formatMoney(money, 'en');
const zh = (money: Money) => formatMoney(money, 'zh-TW');

describe('cart', () => {
  it('asks for a missing option with in-stock chips, remembers the add, and completes it from a short answer', async () => {
    const c = converse(store, 'en');
    await c.show('merino socks');
    const asked = await say(c, 'add the first one to my cart');
    expect(asked.dialogue.awaiting).toMatchObject({ kind: 'variant', quantity: 1 });
    expect(asked.reply.suggestions.length).toBeGreaterThan(0);
    expect(asked.reply.text).toMatch(/^Which \w+ would you like for /);

    let said = asked;
    for (let questions = 0; said.dialogue.awaiting.kind === 'variant' && questions < 4; questions += 1) {
      const [first] = said.reply.suggestions;
      if (first === undefined) throw new Error('no chip to answer with');
      said = await say(c, first.text);
    }
    expect(said.tools).toContain('cart_add');
    expect(said.reply.text).toMatch(/^Added .+ × 1 to your cart\./);
    expect(said.reply.text).toContain(`total ${en(await cartTotal(c))}`);
    expect(said.reply.cards).toEqual([expect.objectContaining({ type: 'cart', itemCount: 1 })]);

    const more = await say(c, 'make that two pairs instead of one');
    expect(more.intent).toBe('update_quantity');
    expect(more.reply.cards).toEqual([expect.objectContaining({ type: 'cart', itemCount: 2 })]);
  });

  it('takes "any is fine" as the first value in stock for each option still open', async () => {
    const c = converse(store, 'en');
    await c.show('merino socks');
    const asked = await say(c, 'add the second one');
    expect(asked.dialogue.awaiting.kind).toBe('variant');
    const added = await say(c, 'Any is fine.');
    expect(added.tools).toContain('cart_add');
    expect(added.reply.text).toMatch(/^Added .+ × 1 to your cart\./);
  });

  it('adds in Traditional Chinese, then changes the quantity and shows the cart with its total', async () => {
    const c = converse(store, 'zh-TW');
    const added = await addShown(c, '登山鞋', '我要第一個');
    expect(added.reply.text).toMatch(/^已將 .+ × 1 加入購物車。/);

    const changed = await say(c, '改成2件');
    expect(changed.intent).toBe('update_quantity');
    expect(changed.reply.text).toContain('已改為 2 件');
    expect(changed.reply.cards).toEqual([expect.objectContaining({ type: 'cart', itemCount: 2 })]);

    const shown = await say(c, '看購物車');
    expect(shown.reply.text).toContain('您的購物車：');
    expect(shown.reply.text).toContain(`合計 ${zh(await cartTotal(c))}`);

    const removed = await say(c, '把它移除');
    expect(removed.intent).toBe('remove_from_cart');
    expect(removed.reply.text).toContain('購物車現在是空的');
  });

  it('applies a code the rules accept and states the discount the quote granted', async () => {
    const c = converse(store, 'en');
    await identifyAs(c, WU);
    await addShown(c, 'hiking shoes', 'add the first one');
    const applied = await say(c, 'use code WELCOME10');
    const cart = await store.fixture.services.cart.getCart(c.context.cartId ?? '');
    const granted = cart.quote.applied.find((a) => a.name.includes('WELCOME10'))?.amount;
    expect(granted?.amount).toBeGreaterThan(0);
    expect(applied.reply.text).toContain(`The code WELCOME10 is applied: ${en(granted as Money)} off.`);
    expect(applied.reply.cards[0]).toMatchObject({ type: 'cart', total: cart.quote.total });
  });

  it('says why a code does not apply in the engine’s own terms, in both languages', async () => {
    const english = converse(store, 'en');
    await addShown(english, 'merino socks', 'add the first one');
    const unknown = await say(english, 'use code BOGUS99');
    expect(unknown.reply.text).toContain('The code BOGUS99 was not applied: it doesn’t match any promotion.');
    expect(unknown.reply.text).toContain('If it’s a gift card, you can use it in the checkout form');
    const firstOrder = await say(english, 'apply WELCOME10');
    expect(firstOrder.reply.text).toContain('WELCOME10 was not applied');

    const chinese = converse(store, 'zh-TW');
    const refused = await say(chinese, '優惠碼 BOGUS99');
    expect(refused.reply.text).toMatch(/^優惠碼 BOGUS99 無法使用：這個優惠碼不存在。/);
  });
});

describe('checkout', () => {
  it('opens the checkout form for a new shopper and says what it will ask for', async () => {
    const c = converse(store, 'en');
    await addShown(c, 'merino socks', 'add the first one');
    const said = await say(c, 'checkout');
    expect(said.reply.cards).toEqual([
      expect.objectContaining({ type: 'checkout', missing: ['email', 'shippingAddress'] }),
    ]);
    expect(said.reply.text).toContain(`Your total is ${en(await cartTotal(c))}.`);
    expect(said.reply.text).toContain('your email, your shipping address and your card');
    expect(said.dialogue.pending).toBeNull();
  });

  it('pays with the saved method only after the shopper’s yes, charging the total it previewed', async () => {
    const c = converse(store, 'zh-TW');
    await identifyAs(c, LIN);
    await addShown(c, '登山鞋', '我要第一個');
    const offer = await say(c, '結帳');
    expect(offer.dialogue.pending).toMatchObject({ tool: 'pay_with_saved_method' });
    expect(offer.reply.cards.map((card) => card.type)).toEqual(['cart', 'confirmation']);
    const total = await cartTotal(c);
    expect(offer.reply.text).toContain(`總金額 ${zh(total)}`);
    expect(offer.tools).not.toContain('start_checkout');

    const paid = await say(c, '好，麻煩幫我確認。');
    expect(paid.tools).toEqual(['pay_with_saved_method']);
    const orderCard = paid.reply.cards.find((card) => card.type === 'order');
    if (orderCard?.type !== 'order') throw new Error('no order card');
    const order = await store.fixture.services.orders.findByNumber(orderCard.number);
    expect(order?.totals.total).toEqual(total);
    expect(paid.reply.text).toContain(`訂單 ${orderCard.number} 已成立，已扣款 ${zh(total)}`);
    expect(paid.dialogue.pending).toBeNull();
  });

  it('charges nothing when the shopper declines one-tap payment, and opens the form instead', async () => {
    const c = converse(store, 'en');
    await identifyAs(c, CHEN);
    await addShown(c, 'merino socks', 'add the first one');
    const before = await store.fixture.services.orders.listByCustomer(c.context.shopper.customerId ?? '', {
      limit: 50,
    });
    const offer = await say(c, 'check out');
    expect(offer.dialogue.pending?.tool).toBe('pay_with_saved_method');
    const declined = await say(c, 'no');
    expect(declined.intent).toBe('deny');
    expect(declined.tools).not.toContain('pay_with_saved_method');
    expect(declined.reply.text).toMatch(/^OK, I haven’t charged anything\./);
    expect(declined.reply.cards).toEqual([expect.objectContaining({ type: 'checkout' })]);
    expect(declined.dialogue.pending).toBeNull();
    const after = await store.fixture.services.orders.listByCustomer(c.context.shopper.customerId ?? '', {
      limit: 50,
    });
    expect(after.items).toHaveLength(before.items.length);
  });
});

describe('orders after purchase', () => {
  it('asks who the shopper is, then answers the order they asked about (zh-TW)', async () => {
    const c = converse(store, 'zh-TW');
    const asked = await say(c, '我的訂單 A1003 到哪了');
    const { awaiting } = asked.dialogue;
    expect(awaiting.kind === 'identity' && decodeRequest(awaiting.then)).toMatchObject({
      intent: 'order_status',
      order: 'A1003',
    });
    expect(asked.tools).toEqual([]);

    const answered = await identifyAs(c, CHEN);
    const order = await store.fixture.services.orders.findByNumber('A1003');
    expect(answered.reply.text).toContain('訂單 A1003 已出貨，運送中。');
    expect(answered.reply.text).toContain(`追蹤編號 ${order?.fulfilment.trackingNumber}`);
    expect(answered.reply.text).toContain(`訂單金額：${zh(order?.totals.total as Money)}`);
    expect(answered.reply.cards).toEqual([expect.objectContaining({ type: 'order', number: 'A1003' })]);
  });

  it('lets a person change an address only while the policy allows it', async () => {
    const c = converse(store, 'en');
    await identifyAs(c, LIN);
    const late = await say(c, 'please change the shipping address of order A1001');
    expect(late.reply.text).toMatch(/^Order A1001 is delivered, so its address can’t be changed here\./);
    expect(late.handoff).toBeUndefined();

    const early = await say(c, 'I need to change the address for A1002');
    expect(early.reply.text).toMatch(/^Order A1002 can still get a new address/);
    const handed = await say(c, 'yes');
    expect(handed.handoff).toMatchObject({ reason: 'shopper_asked' });
    expect(handed.handoff?.note).toContain('A1002');
  });

  it('previews a cancellation with the engine’s refund, keeps the order on no, cancels on yes and refunds exactly that', async () => {
    const c = converse(store, 'en');
    await identifyAs(c, LIN);
    const order = await store.fixture.services.orders.findByNumber('A1002');
    const plan = await store.fixture.services.orders.cancel.preview(order?.id ?? '', {});

    await say(c, 'cancel order A1002');
    const declined = await say(c, 'no');
    expect(declined.reply.text).toBe('OK, your order stays as it is.');
    expect(declined.dialogue.pending).toBeNull();
    expect((await store.fixture.services.orders.findByNumber('A1002'))?.status).toBe('pending');

    const preview = await say(c, 'cancel order A1002');
    expect(preview.reply.text).toBe(
      `If I cancel order A1002, you get ${en(plan.refundTotal)} to PayPal. Shall I cancel it?`,
    );
    expect(preview.dialogue.pending).toMatchObject({ tool: 'cancel_order', input: { order: 'A1002' } });
    expect(preview.reply.cards[0]).toMatchObject({ type: 'confirmation', tool: 'cancel_order' });

    const done = await say(c, 'yes');
    expect(done.reply.text).toBe(`Order A1002 is cancelled. Refunded: ${en(plan.refundTotal)} to PayPal.`);
    const after = await store.fixture.services.orders.findByNumber('A1002');
    expect(after?.status).toBe('cancelled');
    const refunded = (after?.transactions ?? [])
      .filter((t) => t.type === 'refund' || t.type === 'void')
      .reduce((sum, t) => sum + t.amount.amount, 0);
    expect(refunded).toBe(plan.refundTotal.amount);
  });

  it('opens a return after the yes, telling the refund on receipt the engine decided (zh-TW)', async () => {
    const c = converse(store, 'zh-TW');
    await identifyAs(c, LIN);
    const which = await say(c, '我要退貨 A1001');
    expect(which.reply.text).toMatch(/^訂單 A1001 的哪一件商品？/);
    expect(which.reply.suggestions).toHaveLength(2);

    const preview = await say(c, '退貨 A1001 的襪子');
    const order = await store.fixture.services.orders.findByNumber('A1001');
    const socks = order?.lines.find((l) => l.title.includes('Socks'));
    const plan = await store.fixture.services.orders.requestReturn.preview(order?.id ?? '', {
      lines: [{ lineId: socks?.id ?? '', quantity: 3 }],
    });
    const refund = plan.order.requests.find((r) => r.id === plan.requestId)?.refund as Money;
    expect(refund.amount).toBeGreaterThan(0);
    expect(preview.reply.text).toContain(`將退款 ${formatMoney(refund, 'zh-TW')} 至原付款方式`);
    expect(preview.dialogue.pending?.tool).toBe('return_items');

    const done = await say(c, '好');
    expect(done.reply.text).toMatch(/^訂單 A1001 的退貨申請已成立/);
    expect((await store.fixture.services.orders.findByNumber('A1001'))?.status).toBe('return_requested');
  });

  it('reads a bare value, or "just return it", as the answer to what an exchange asked instead', async () => {
    const c = converse(store, 'en');
    await say(c, 'exchange A1010 for a bigger size');
    const which = await say(c, `My name is ${EMILY.name}, postal code ${EMILY.postalCode}`);
    const shoe = which.reply.suggestions.find((chip) => !/socks/i.test(chip.text));
    if (shoe === undefined) throw new Error('no chip for the shoe line');
    const sizes = await say(c, shoe.text);
    const size = sizes.reply.suggestions.map((chip) => /(\d+(?:\.5)?)$/.exec(chip.text)?.[1]).find(Boolean);
    if (size === undefined) throw new Error('no replacement size chips');
    const preview = await say(c, size);
    expect(preview.dialogue.pending?.tool).toBe('exchange_items');

    const d = converse(store, 'en');
    await say(d, 'exchange A1010 for a bigger size');
    await say(d, `My name is ${EMILY.name}, postal code ${EMILY.postalCode}`);
    await say(d, shoe.text);
    const instead = await say(d, 'no, just return those shoes');
    expect(instead.dialogue.pending?.tool).toBe('return_items');
  });

  it('exchanges for another size: identity first, then the line, the replacement and the yes', async () => {
    const c = converse(store, 'en');
    await say(c, 'exchange A1010 for a bigger size');
    const which = await say(c, `My name is ${EMILY.name}, postal code ${EMILY.postalCode}`);
    expect(which.reply.text).toContain('Which item from order A1010?');
    expect(which.reply.suggestions).toHaveLength(2);
    const shoe = which.reply.suggestions.find((chip) => !/socks/i.test(chip.text));
    if (shoe === undefined) throw new Error('no chip for the shoe line');
    const sizes = await say(c, shoe.text);
    expect(sizes.reply.text).toMatch(/^What would you like instead of /);
    // A size is a number here; the colour chips are for another test.
    const replacement = sizes.reply.suggestions.find((chip) => /\d$/.test(chip.text));
    if (replacement === undefined) throw new Error('no replacement size chips');

    const preview = await say(c, replacement.text);
    expect(preview.dialogue.pending?.tool).toBe('exchange_items');
    expect(preview.dialogue.pending?.input).toMatchObject({ reason: 'wrong_size' });
    expect(preview.reply.text).toMatch(/^Exchange on order A1010: .+ for .+; there is no price difference\./);
    const done = await say(c, 'yes');
    expect(done.reply.text).toMatch(/^Your exchange for order A1010 is open/);
    expect((await store.fixture.services.orders.findByNumber('A1010'))?.status).toBe('exchange_requested');
  });

  it('refuses a change the policy does not allow in plain words and hands over only when asked', async () => {
    const c = converse(store, 'en');
    await identifyAs(c, CHEN);
    const refused = await say(c, 'cancel order A1003');
    expect(refused.reply.text).toContain('This order is on its way, so it can’t be cancelled');
    expect(refused.handoff).toBeUndefined();
    expect(refused.reply.suggestions.map((s) => s.label)).toContain('Talk to a person');
    expect((await store.fixture.services.orders.findByNumber('A1003'))?.status).toBe('shipped');

    const handed = await say(c, 'Talk to a person');
    expect(handed.handoff).toMatchObject({ reason: 'outside_policy' });
    expect(handed.reply.text).toContain('I’m an AI assistant');
  });

  it('never shows another customer’s order: it reads like a missing one', async () => {
    const c = converse(store, 'en');
    await identifyAs(c, CHEN);
    const said = await say(c, 'where is my order A1001');
    expect(said.reply.text).toBe('I couldn’t find that order among your orders.');
    expect(said.reply.cards).toEqual([]);
  });
});

describe('identity, policy and handoff', () => {
  it('says plainly when details do not match, and that an email alone does not verify', async () => {
    const c = converse(store, 'en');
    await say(c, 'where is my order?');
    const wrong = await say(c, `My name is ${LIN.name}, postal code 999999`);
    expect(wrong.reply.text).toMatch(/^I couldn’t match those details to an account\./);
    expect(wrong.dialogue.awaiting.kind).toBe('identity');
    expect(c.context.shopper.verified).toBe(false);

    const email = await say(c, LIN.email);
    expect(email.reply.text).toContain('An email alone doesn’t confirm who you are');
    expect(c.context.shopper.verified).toBe(false);
    expect(email.dialogue.awaiting.kind).toBe('identity');
  });

  it('states the return policy with the policy’s own days, in both languages', async () => {
    const { policies } = await store.fixture.services.promotions.current();
    const days = policies.returns?.defaultDays;
    const english = await say(converse(store, 'en'), 'what is your return policy');
    expect(english.reply.text).toContain(`within ${days} days of delivery`);
    const chinese = await say(converse(store, 'zh-TW'), '退貨政策是什麼');
    expect(chinese.reply.text).toContain(`${days} 天內可以退貨`);
  });

  it('hands over when the shopper asks, saying honestly that it is an AI and the team will reply here', async () => {
    const said = await say(converse(store, 'zh-TW'), '我要找真人客服');
    expect(said.handoff).toMatchObject({ reason: 'shopper_asked' });
    expect(said.reply.text).toContain('我是 AI 助理');
    expect(said.reply.text).toContain('在這裡回覆您');
  });

  it('apologises to an upset shopper and offers a person; a yes hands over for frustration', async () => {
    const c = converse(store, 'zh-TW');
    const upset = await say(c, '你們很爛');
    expect(upset.reply.text).toMatch(/^很抱歉讓您感到不愉快。/);
    expect(upset.handoff).toBeUndefined();
    const yes = await say(c, '好');
    expect(yes.handoff).toMatchObject({ reason: 'frustration' });

    const shouting = await say(converse(store, 'en'), 'where is my stuff!!!');
    expect(shouting.reply.text).toMatch(/^I’m sorry for the trouble\. To look after your orders/);
    expect(shouting.dialogue.awaiting.kind).toBe('identity');
  });

  it('says what it can do when it cannot help, and hands over after three misses in a row', async () => {
    const c = converse(store, 'en');
    const first = await say(c, 'what is the weather tomorrow');
    expect(first.reply.text).toMatch(/^Sorry, I can’t help with that\./);
    expect(first.dialogue.misses).toBe(1);
    await say(c, 'tell me a joke about the weather');
    const third = await say(c, 'what is the weather in Tainan tomorrow');
    expect(third.handoff).toMatchObject({ reason: 'repeated_failure' });
  });
});

describe('orders named by what the shopper bought', () => {
  let fresh: Store;
  beforeAll(async () => {
    fresh = await createStore();
  }, 60_000);
  afterAll(() => fresh.fixture.services.close());

  it('asks which item of the order, and reads a typed answer against that order', async () => {
    const c = converse(fresh, 'en');
    await identifyAs(c, EMILY);
    const which = await say(c, 'I would like to exchange something from A1010');
    const { awaiting } = which.dialogue;
    expect(awaiting.kind === 'order-item' && decodeRequest(awaiting.request)).toMatchObject({
      intent: 'exchange_order',
      order: 'A1010',
    });
    const answered = await say(c, 'The Featherstep Ultralight Hiker.');
    expect(answered.reply.text).toMatch(/^What would you like instead of Featherstep Ultralight Hiker/);
  });

  it('finds the order from the product named, and refunds clearance items the only way the policy allows', async () => {
    const c = converse(fresh, 'en');
    await say(
      c,
      'Hello, I bought the Featherstep hikers from you and they rub my heel. I want to return them.',
    );
    const preview = await say(c, `Sure, I'm ${EMILY.name}, postal code ${EMILY.postalCode}.`);
    const order = await fresh.fixture.services.orders.findByNumber('A1010');
    const shoe = order?.lines.find((line) => line.title.includes('Featherstep'));
    const plan = await fresh.fixture.services.orders.requestReturn.preview(order?.id ?? '', {
      lines: [{ lineId: shoe?.id ?? '', quantity: 1 }],
      refundTo: 'store_credit',
    });
    const refund = plan.order.requests.find((r) => r.id === plan.requestId)?.refund as Money;
    expect(preview.reply.text).toContain(`${en(refund)} will be refunded to store credit`);
    expect(preview.dialogue.pending).toMatchObject({
      tool: 'return_items',
      input: { refundTo: 'store_credit' },
    });
    await say(c, 'yes');
    expect((await fresh.fixture.services.orders.findByNumber('A1010'))?.status).toBe('return_requested');
  });

  it('exchanges in Chinese a line sold under its English title', async () => {
    const c = converse(fresh, 'zh-TW');
    await identifyAs(c, LIN);
    const asked = await say(c, 'A1001 的 Aiguille 外套太小了，想換貨');
    expect(asked.reply.text).toMatch(/^Aiguille 3L Waterproof Shell — Women's \(Teal \/ M\) × 1想換成什麼？/);
    expect(asked.reply.suggestions.length).toBeGreaterThan(0);
  });

  it('tells which item a Chinese word means from the catalog, and previews the size swap', async () => {
    const c = converse(fresh, 'zh-TW');
    await identifyAs(c, LIN);
    const preview = await say(c, 'A1001 的外套太小了，可以換 L 號嗎？一樣的顏色');
    expect(preview.dialogue.pending).toMatchObject({
      tool: 'exchange_items',
      input: { reason: 'wrong_size' },
    });
    expect(preview.reply.text).toMatch(/^訂單 A1001 換貨：Aiguille .+ 換成 Teal \/ L；沒有價差。/);
  });

  it('finds the order and the item from a Chinese description of what was bought', async () => {
    const c = converse(fresh, 'zh-TW');
    await say(c, '我上禮拜買的 Aiguille 防水外套想要退貨');
    const preview = await say(c, `我是${LIN.name}，郵遞區號 ${LIN.postalCode}。`);
    expect(preview.reply.text).toMatch(/^謝謝，身分已確認。\n訂單 A1001 退貨：Aiguille/);
    expect(preview.dialogue.pending?.tool).toBe('return_items');
  });
});
