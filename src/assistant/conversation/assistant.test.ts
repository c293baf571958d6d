import { afterAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/engines.js';
import { signCustomerToken } from '../tools/index.js';
import { createAssistant } from './create-assistant.js';
import { conversationFixture, JACKET_PRICE, SHOPPER_EMAIL, TOKEN_SECRET } from './test-fixtures.js';
import type { SessionEvent } from './types.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const PERSONA = { currency: 'TWD', persona: { storeName: 'Hillside Outfitters', assistantName: 'Mei' } };

describeEachEngine('assistant sessions', (harness) => {
  afterAll(() => harness.closeAll());
  const fixture = async (options: Parameters<typeof conversationFixture>[0] = {}) =>
    conversationFixture({ ...options, store: await harness.open() });

  it('starts a session whose first message is the AI greeting, and answers only to its token', async () => {
    const { assistant } = await fixture();
    const started = await assistant.startSession({ locale: 'zh-TW', channel: 'web' });
    expect(started.greeting.text).toContain('AI');
    expect(started.state).toEqual({ cart: null, shopper: null, status: 'assistant' });

    const { session, messages } = await assistant.transcript(started.sessionId);
    expect(session).toMatchObject({ status: 'assistant', locale: 'zh-TW', channel: 'web', messageCount: 1 });
    expect(messages).toMatchObject([{ seq: 1, role: 'assistant', text: started.greeting.text }]);

    await expect(assistant.authenticate(started.sessionId, started.token)).resolves.toBeUndefined();
    const wrongToken = await assistant.authenticate(started.sessionId, `${started.token}x`).catch((e) => e);
    const unknownId = await assistant.authenticate('ses_unknown', started.token).catch((e) => e);
    expect(wrongToken).toMatchObject({ code: 'session_not_found', status: 404 });
    expect(unknownId).toMatchObject({ code: 'session_not_found', status: 404 });
  });

  it('lets go of a cart the shopper paid on the cart API: the state shows none, the next add starts a new cart', async () => {
    const { assistant, services } = await fixture();
    // The sample policies carry the shipping options checkout needs.
    await services.promotions.seedSample({
      currency: 'TWD',
      sockSelector: { categories: ['Socks'] },
      clearanceSelector: { tags: ['clearance'] },
    });
    await services.refreshPolicies();
    const { sessionId } = await assistant.startSession();
    const first = (await assistant.send(sessionId, 'add the jacket please')).state.cart;
    if (first === null) throw new Error('the first add made no cart');
    await services.cart.setDetails(first.cartId, { email: 'mei@example.com' });
    const shipping = {
      name: 'Lin Mei',
      line1: '1 Zhongshan Rd',
      city: 'Taipei',
      postalCode: '100',
      country: 'TW',
    };
    await services.cart.setShipping(first.cartId, { address: shipping, optionId: 'home-delivery' });
    await services.cart.startCheckout(first.cartId);
    const paid = await services.cart.completeCheckout(first.cartId, {
      tenders: [{ type: 'card', token: 'pm_card_visa' }],
      idempotencyKey: 'paid-in-the-widget',
    });
    expect(paid.status).toBe('completed');

    expect((await assistant.transcript(sessionId)).state.cart).toBeNull();
    const next = (await assistant.send(sessionId, 'add the jacket please')).state.cart;
    expect(next).toMatchObject({ itemCount: 1 });
    expect(next?.cartId).not.toBe(first.cartId);
  });

  it('starts signed in with a valid customer token and refuses a forged one', async () => {
    const { assistant, customerId, clock } = await fixture();
    const token = signCustomerToken(TOKEN_SECRET, customerId, clock.now() + 60_000);
    const started = await assistant.startSession({ customerToken: token });
    expect(started.state.shopper).toEqual({ customerId, verified: true, name: '林怡君' });
    const forged = signCustomerToken('another-secret-0123456789abcdef', customerId, clock.now() + 60_000);
    await expect(assistant.startSession({ customerToken: forged })).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });

  it('records a turn: the shopper message, the reply with its trace, and the cart the tools made', async () => {
    const { assistant, variantId } = await fixture();
    const { sessionId } = await assistant.startSession();
    const sent = await assistant.send(sessionId, 'add the jacket please');
    expect(sent.reply.text).toBe('Added the jacket. Your cart total is NT$2,480.');
    expect(sent.state.cart).toMatchObject({ itemCount: 1, total: { amount: JACKET_PRICE, currency: 'TWD' } });
    expect(sent.state.cart?.token).toMatch(/^[\w-]{20,}$/);

    const { messages, session } = await assistant.transcript(sessionId);
    expect(messages.map((m) => [m.seq, m.role])).toEqual([
      [1, 'assistant'],
      [2, 'shopper'],
      [3, 'assistant'],
    ]);
    const trace = messages[2]?.trace;
    expect(trace).toMatchObject({
      brain: 'rules',
      route: 'no LLM configured',
      intent: 'add_to_cart',
      usage: null,
    });
    expect(trace?.tools).toMatchObject([{ name: 'cart_add', input: { variantId, quantity: 1 }, ok: true }]);
    expect(trace?.interventions).toEqual([]);
    expect(session.cartId).toBe(sent.state.cart?.cartId);
  });

  it("checks a reply against the session's earlier facts, also when another process served them", async () => {
    const { assistant, services, brain } = await fixture();
    const fresh = await assistant.startSession();
    const unbacked = await assistant.send(fresh.sessionId, 'how much is it?');
    expect(unbacked.reply.text).not.toContain('2,480');

    const { sessionId } = await assistant.startSession();
    await assistant.send(sessionId, 'add the jacket');
    expect((await assistant.send(sessionId, 'how much is it?')).reply.text).toBe(
      'The jacket is NT$2,480.00.',
    );
    // A second assistant on the same store has no memory of the session: it reads the traces.
    const other = createAssistant({ services, rulesBrain: brain, options: PERSONA });
    expect((await other.send(sessionId, 'how much is it?')).reply.text).toBe('The jacket is NT$2,480.00.');
  });

  it('streams the verified reply in pieces that add up to it, and ends with the reply', async () => {
    const { assistant } = await fixture();
    const { sessionId } = await assistant.startSession();
    const events = [];
    for await (const event of assistant.turn(sessionId, 'add the jacket')) events.push(event);
    const last = events.at(-1);
    expect(last?.type).toBe('reply');
    expect(events.filter((e) => e.type === 'tool')).toEqual([{ type: 'tool', name: 'cart_add' }]);
    const streamed = events.flatMap((e) => (e.type === 'text-delta' ? [e.text] : [])).join('');
    expect(last?.type === 'reply' && last.reply.text).toBe(streamed);
  });

  it('runs concurrent turns of one session one after another, with gap-free sequence numbers', async () => {
    const { assistant, brain } = await fixture();
    const { sessionId } = await assistant.startSession();
    await Promise.all(Array.from({ length: 6 }, (_, i) => assistant.send(sessionId, `message ${i}`)));
    const { messages, session } = await assistant.transcript(sessionId);
    expect(messages.map((m) => m.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(messages.slice(1).map((m) => m.role)).toEqual(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 'shopper' : 'assistant')),
    );
    // Each turn saw the dialogue the previous one saved.
    expect(brain.turns.map((turn) => turn.dialogue.misses)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(session.messageCount).toBe(13);
  });

  it('lets another session answer while one session waits on its turn', async () => {
    const { assistant, brain } = await fixture();
    const slow = await assistant.startSession();
    const quick = await assistant.startSession();
    const gate = deferred();
    const held = deferred();
    brain.beforeRespond = async (turn) => {
      if (turn.context.sessionId === slow.sessionId) {
        held.resolve();
        await gate.promise;
      }
    };
    const slowReply = assistant.send(slow.sessionId, 'hello');
    await held.promise;
    const quickReply = await assistant.send(quick.sessionId, 'hello');
    expect(quickReply.reply.text).toBe('Sure, let me help.');
    gate.resolve();
    await expect(slowReply).resolves.toMatchObject({ reply: { text: 'Sure, let me help.' } });
  });

  it('keeps a second server off a session while a turn runs on it, and lets it in after', async () => {
    const { assistant, brain, services } = await fixture();
    const otherServer = createAssistant({
      services,
      rulesBrain: brain,
      options: { ...PERSONA, sessionLock: { waitMs: 0 } },
    });
    const { sessionId } = await assistant.startSession();
    const gate = deferred();
    const held = deferred();
    brain.beforeRespond = async () => {
      held.resolve();
      await gate.promise;
    };
    const first = assistant.send(sessionId, 'hello');
    await held.promise;
    await expect(otherServer.send(sessionId, 'hello?')).rejects.toMatchObject({
      code: 'session_busy',
      status: 409,
    });
    gate.resolve();
    await first;
    brain.beforeRespond = async () => {};
    await otherServer.send(sessionId, 'hello again');
    expect(brain.turns.map((turn) => turn.dialogue.misses)).toEqual([0, 1]);
    expect((await assistant.transcript(sessionId)).messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('takes over the hold of a server that died mid-turn once the hold has lapsed', async () => {
    const { services, brain, clock } = await fixture();
    const assistant = createAssistant({
      services,
      rulesBrain: brain,
      options: { ...PERSONA, sessionLock: { waitMs: 0, holdMs: 60_000 } },
    });
    const { sessionId } = await assistant.startSession();
    await services.store.db
      .updateTable('assistant_sessions')
      .set({ turn_owner: 'crashed-server', turn_until: clock.now() + 60_000 })
      .where('id', '=', sessionId)
      .execute();
    await expect(assistant.send(sessionId, 'hello')).rejects.toMatchObject({ code: 'session_busy' });
    clock.advance(60_001);
    await expect(assistant.send(sessionId, 'hello')).resolves.toMatchObject({
      reply: { text: 'Sure, let me help.' },
    });
  });

  it('stores shopper text redacted, gives the rules brain the email but never the card number', async () => {
    const { assistant, brain, services } = await fixture();
    const { sessionId } = await assistant.startSession();
    await assistant.send(sessionId, `I am ${SHOPPER_EMAIL}, card 4242 4242 4242 4242`);
    expect(brain.turns[0]?.text).toBe(`I am ${SHOPPER_EMAIL}, card [card number removed]`);

    const stored = await services.store.db
      .selectFrom('assistant_messages')
      .select(['role', 'text'])
      .where('session_id', '=', sessionId)
      .where('role', '=', 'shopper')
      .execute();
    expect(stored).toEqual([{ role: 'shopper', text: 'I am [email_1], card [card number removed]' }]);
    const session = await services.store.db
      .selectFrom('assistant_sessions')
      .select('pii_vault')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(session.pii_vault)).toEqual({ '[email_1]': SHOPPER_EMAIL });
    // The session's own reader gets the email back.
    const { messages } = await assistant.transcript(sessionId);
    expect(messages[1]?.text).toBe(`I am ${SHOPPER_EMAIL}, card [card number removed]`);
  });

  it('queues a session for staff, keeps the brain quiet, delivers staff replies live and hands back', async () => {
    const { assistant, brain } = await fixture();
    const { sessionId } = await assistant.startSession();
    const seen: SessionEvent[] = [];
    const console: SessionEvent[] = [];
    const stop = assistant.subscribe(sessionId, (event) => seen.push(event));
    assistant.subscribe('*', (event) => console.push(event));

    const asked = await assistant.send(sessionId, 'I want a person');
    expect(asked.state.status).toBe('waiting');
    const queue = await assistant.queue();
    expect(queue).toMatchObject([
      {
        id: sessionId,
        status: 'waiting',
        handoffReason: 'shopper_asked',
        handoffNote: 'wants a person about an order',
      },
    ]);

    const whileWaiting = await assistant.send(sessionId, 'hello?');
    expect(whileWaiting.reply.text).toContain('queue');
    expect(brain.turns).toHaveLength(1);

    await assistant.takeOver(sessionId, 'Ada');
    await expect(assistant.takeOver(sessionId, 'Grace')).rejects.toMatchObject({ code: 'session_taken' });
    const duringStaff = await assistant.send(sessionId, 'are you there?');
    expect(duringStaff.reply.text).toBe('');
    const staffMessage = await assistant.staffReply(sessionId, 'Ada', 'Hi, this is Ada. How can I help?');
    expect(staffMessage).toMatchObject({ role: 'staff', author: 'Ada' });
    expect(brain.turns).toHaveLength(1);

    const back = await assistant.handBack(sessionId, 'Ada');
    expect(back.status).toBe('assistant');
    await assistant.send(sessionId, 'hello again');
    expect(brain.turns).toHaveLength(2);

    const statuses = seen.flatMap((e) => (e.type === 'status' ? [e.status] : []));
    expect(statuses).toEqual(['waiting', 'staff', 'assistant']);
    expect(seen.find((e) => e.type === 'message' && e.message.role === 'staff')).toMatchObject({
      message: { text: 'Hi, this is Ada. How can I help?', author: 'Ada' },
    });
    expect(console.filter((e) => e.sessionId === sessionId)).toEqual(seen);
    stop();
    const roles = (await assistant.transcript(sessionId)).messages.map((m) => m.role);
    expect(roles).toEqual([
      'assistant',
      'shopper',
      'assistant',
      'shopper',
      'system',
      'system',
      'shopper',
      'staff',
      'system',
      'shopper',
      'assistant',
    ]);
  });

  it('sends a cart over the configured total to staff', async () => {
    const { assistant } = await fixture({ assistant: { handoffCartOver: 200_000 } });
    const { sessionId } = await assistant.startSession();
    const sent = await assistant.send(sessionId, 'add the jacket');
    expect(sent.state.status).toBe('waiting');
    expect(sent.reply.text).toContain('team');
    expect((await assistant.queue())[0]).toMatchObject({
      id: sessionId,
      handoffReason: 'high_value_cart',
      handoffNote: 'cart total NT$2,480 is over NT$2,000',
    });
  });

  it('refuses turns on a closed session and lists sessions by status', async () => {
    const { assistant } = await fixture();
    const open = await assistant.startSession();
    const done = await assistant.startSession();
    await assistant.close(done.sessionId);
    await expect(assistant.send(done.sessionId, 'hello')).rejects.toMatchObject({ code: 'session_closed' });
    expect((await assistant.list({ status: 'closed' })).map((s) => s.id)).toEqual([done.sessionId]);
    expect((await assistant.list({ status: 'assistant' })).map((s) => s.id)).toEqual([open.sessionId]);
  });

  it('refuses empty and over-long messages and unknown sessions with typed errors', async () => {
    const { assistant } = await fixture();
    const { sessionId } = await assistant.startSession();
    await expect(assistant.send(sessionId, '   ')).rejects.toMatchObject({
      code: 'empty_message',
      status: 400,
    });
    await expect(assistant.send(sessionId, 'x'.repeat(2001))).rejects.toMatchObject({
      code: 'message_too_long',
    });
    await expect(assistant.send('ses_nope', 'hello')).rejects.toMatchObject({ code: 'session_not_found' });
    await expect(assistant.transcript('ses_nope')).rejects.toMatchObject({ code: 'session_not_found' });
  });
});

describe('routing statistics without a language model', () => {
  it('count every turn for the rules brain and estimate the tokens saved', async () => {
    const { assistant } = await conversationFixture();
    const { sessionId } = await assistant.startSession();
    await assistant.send(sessionId, 'hello');
    await assistant.send(sessionId, 'add the jacket');
    const stats = await assistant.routingStats();
    expect(stats.turns).toEqual({ rules: 2, llm: 0, fallback: 0 });
    expect(stats.rulesShare).toBe(1);
    expect(stats.tokensPerLlmTurn.basis).toBe('estimate');
    expect(stats.tokensSaved).toBe(2 * stats.tokensPerLlmTurn.value);
  });
});
