import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { APICallError, simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { conversationFixture, SHOPPER_EMAIL } from './test-fixtures.js';
import type { TurnEvent } from './types.js';

const usage = (input: number, output: number) => ({
  inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});

const finish = (reason: 'stop' | 'tool-calls', input: number, output: number): LanguageModelV3StreamPart => ({
  type: 'finish',
  finishReason: { unified: reason, raw: reason },
  usage: usage(input, output),
});

const streamOf = (chunks: LanguageModelV3StreamPart[]) => ({ stream: simulateReadableStream({ chunks }) });

const toolCall = (toolName: string, input: object) =>
  streamOf([
    { type: 'tool-call', toolCallId: `call_${toolName}`, toolName, input: JSON.stringify(input) },
    finish('tool-calls', 100, 10),
  ]);

const text = (words: string) =>
  streamOf([
    { type: 'text-start', id: 't1' },
    { type: 'text-delta', id: 't1', delta: words },
    { type: 'text-end', id: 't1' },
    finish('stop', 150, 20),
  ]);

const providerDown = () =>
  new APICallError({
    message: 'upstream exploded',
    url: 'http://model.invalid/v1/chat/completions',
    requestBodyValues: {},
    statusCode: 500,
    isRetryable: false,
  });

type StreamResult = ReturnType<typeof streamOf>;

/** A model that answers each call with the next step of a script the test writes once the store exists. */
async function withScriptedModel() {
  const script: (() => StreamResult)[] = [];
  const model = new MockLanguageModelV3({
    doStream: async () => {
      const step = script[model.doStreamCalls.length - 1];
      if (step === undefined) throw new Error('the model was called more often than scripted');
      return step();
    },
  });
  const fixture = await conversationFixture({ assistant: { llm: { model, maxRetries: 0 } } });
  return { ...fixture, model, script };
}

async function drain(events: AsyncIterable<TurnEvent>) {
  const seen: TurnEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

// The scripted rules brain reads "how much" as a price question: not an intent it serves, so the model answers.
describe('turns the language model answers', () => {
  it('answers through the tools, records tokens, and lets the rules brain note the cards shown', async () => {
    const { assistant, brain, script, productId } = await withScriptedModel();
    script.push(
      () => toolCall('product_details', { productId }),
      () => text('The Storm shell jacket is NT$2,480.00.'),
    );
    const { sessionId } = await assistant.startSession();
    const events = await drain(assistant.turn(sessionId, 'how much is the jacket?'));
    const reply = events.at(-1);
    expect(reply?.type === 'reply' && reply.reply.text).toBe('The Storm shell jacket is NT$2,480.00.');
    expect(reply?.type === 'reply' && reply.reply.cards.map((card) => card.type)).toEqual(['products']);
    expect(events.filter((e) => e.type === 'tool')).toEqual([{ type: 'tool', name: 'product_details' }]);

    const trace = (await assistant.transcript(sessionId)).messages.at(-1)?.trace;
    expect(trace).toMatchObject({
      brain: 'llm',
      route: 'intent not served by rules (price_promotion 0.90)',
      usage: { inputTokens: 250, outputTokens: 30 },
      interventions: [],
    });
    expect(trace?.tools).toMatchObject([{ name: 'product_details', ok: true }]);

    await assistant.send(sessionId, 'hello');
    expect(brain.turns[0]?.dialogue.focus).toBe('noted');
    const stats = await assistant.routingStats();
    expect(stats).toMatchObject({
      turns: { rules: 1, llm: 1, fallback: 0 },
      rulesShare: 0.5,
      llmTokens: { input: 250, output: 30 },
      tokensPerLlmTurn: { value: 280, basis: 'measured' },
      tokensSaved: 280,
    });
  });

  it('never shows the model an email or a card number, and gives the tool the real email back', async () => {
    const { assistant, customerId, services, script, model } = await withScriptedModel();
    script.push(
      () => toolCall('identify_shopper', { email: '[email_1]' }),
      () => text('Thanks, [email_1]. Let me look.'),
    );
    const { sessionId } = await assistant.startSession();
    const sent = await assistant.send(
      sessionId,
      `how much is shipping? I'm ${SHOPPER_EMAIL}, my card is 4242 4242 4242 4242`,
    );

    const prompts = JSON.stringify(model.doStreamCalls.map((call) => call.prompt));
    expect(prompts).toContain('[email_1]');
    expect(prompts).not.toContain(SHOPPER_EMAIL);
    expect(prompts).not.toContain('4242');
    expect(sent.state.shopper).toMatchObject({ customerId, verified: false });
    expect(sent.reply.text).toBe(`Thanks, ${SHOPPER_EMAIL}. Let me look.`);

    const stored = await services.store.db
      .selectFrom('assistant_messages')
      .select('text')
      .where('session_id', '=', sessionId)
      .execute();
    expect(JSON.stringify(stored)).not.toContain(SHOPPER_EMAIL);
    const trace = (await assistant.transcript(sessionId)).messages.at(-1)?.trace;
    expect(trace?.tools).toMatchObject([
      { name: 'identify_shopper', input: { email: '[email_1]' }, ok: true },
    ]);
  });

  it('repairs a wrong price before any of it reaches the shopper', async () => {
    const fixture = await withScriptedModel();
    fixture.script.push(
      () => toolCall('product_details', { productId: fixture.productId }),
      () => text('Good choice. The Storm shell jacket is NT$1,999.00 today.'),
    );
    const { sessionId } = await fixture.assistant.startSession();
    const events = await drain(fixture.assistant.turn(sessionId, 'how much is it?'));
    const reply = events.at(-1);
    const streamed = events.flatMap((e) => (e.type === 'text-delta' ? [e.text] : [])).join('');
    expect(streamed).not.toContain('1,999');
    expect(reply?.type === 'reply' && reply.reply.text).toBe(streamed);
    expect(streamed).toContain('2,480');
    const trace = (await fixture.assistant.transcript(sessionId)).messages.at(-1)?.trace;
    expect(trace?.interventions).toMatchObject([{ claim: { type: 'money' }, action: 'replace' }]);
  });

  it('accepts a price the tools returned in an earlier turn of the session', async () => {
    const fixture = await withScriptedModel();
    fixture.script.push(
      () => toolCall('product_details', { productId: fixture.productId }),
      () => text('Here it is.'),
      () => text('As I said, the Storm shell jacket is NT$2,480.00.'),
    );
    const { sessionId } = await fixture.assistant.startSession();
    await fixture.assistant.send(sessionId, 'how much is the jacket?');
    const later = await fixture.assistant.send(sessionId, 'how much was it again?');
    expect(later.reply.text).toBe('As I said, the Storm shell jacket is NT$2,480.00.');
    // The model was given the conversation so far, oldest first, without the engine's own notices.
    const lastPrompt = fixture.model.doStreamCalls.at(-1)?.prompt ?? [];
    expect(lastPrompt.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(JSON.stringify(lastPrompt[1])).toContain('how much is the jacket?');
    expect((await fixture.assistant.transcript(sessionId)).messages.at(-1)?.trace?.interventions).toEqual([]);
  });

  it('falls back to a reply built from the cards when nothing of the draft can be trusted', async () => {
    const fixture = await withScriptedModel();
    fixture.script.push(
      () => toolCall('product_details', { productId: fixture.productId }),
      () => text('Use code TAKE50 for half off.'),
    );
    const { sessionId } = await fixture.assistant.startSession();
    const sent = await fixture.assistant.send(sessionId, 'how much with a code?');
    expect(sent.reply.text).toBe('Here is what I found.');
    expect(sent.reply.cards.map((card) => card.type)).toEqual(['products']);
    const { messages } = await fixture.assistant.transcript(sessionId);
    expect(JSON.stringify(messages.map((m) => m.text))).not.toContain('TAKE50');
    expect(messages.at(-1)?.trace?.interventions.length).toBeGreaterThan(0);
  });

  it("answers with the rules brain when the model's draft cannot be trusted and it ran no tool", async () => {
    const { assistant, brain, script } = await withScriptedModel();
    script.push(() => text('Use code TAKE50 for half off everything.'));
    const { sessionId } = await assistant.startSession();
    const sent = await assistant.send(sessionId, 'show me something nice');
    expect(sent.reply.text).toBe('Sure, let me help.');
    expect(brain.turns).toHaveLength(1);
    const trace = (await assistant.transcript(sessionId)).messages.at(-1)?.trace;
    expect(trace?.brain).toBe('fallback');
    expect(trace?.route).toContain("guard rejected the model's draft, rules brain answered");
    expect(trace?.interventions).toMatchObject([{ claim: { type: 'code' } }]);
    expect(trace?.usage).toMatchObject({ inputTokens: 150, outputTokens: 20 });
  });

  it('answers with the rules brain when the provider fails, and the shopper sees no error', async () => {
    const { assistant, brain, script } = await withScriptedModel();
    script.push(() => {
      throw providerDown();
    });
    const { sessionId } = await assistant.startSession();
    const sent = await assistant.send(sessionId, 'show me something nice');
    expect(sent.reply.text).toBe('Sure, let me help.');
    expect(brain.turns).toHaveLength(1);
    const trace = (await assistant.transcript(sessionId)).messages.at(-1)?.trace;
    expect(trace).toMatchObject({
      brain: 'fallback',
      route: 'intent not served by rules (browse 0.40); llm failed (provider_error), rules brain answered',
    });
    expect((await assistant.routingStats()).turns).toEqual({ rules: 0, llm: 0, fallback: 1 });
  });

  it('does not repeat what the model already did when it fails mid-turn', async () => {
    const fixture = await withScriptedModel();
    fixture.script.push(
      () => toolCall('cart_add', { variantId: fixture.variantId, quantity: 1 }),
      () => {
        throw providerDown();
      },
    );
    const { sessionId } = await fixture.assistant.startSession();
    const sent = await fixture.assistant.send(sessionId, 'how much would the jacket be in my cart?');
    expect(fixture.brain.turns).toHaveLength(0);
    expect(sent.state.cart?.itemCount).toBe(1);
    expect(sent.reply.text).toBe('Your cart is below.');
    expect((await fixture.assistant.transcript(sessionId)).messages.at(-1)?.trace?.brain).toBe('fallback');
  });

  it('queues the session when the model hands off to a person', async () => {
    const { assistant, script } = await withScriptedModel();
    script.push(
      () => toolCall('handoff_to_human', { reason: 'shopper disputes a price' }),
      () => text('I have asked our team to take over.'),
    );
    const { sessionId } = await assistant.startSession();
    const sent = await assistant.send(sessionId, 'how much? this price is wrong');
    expect(sent.state.status).toBe('waiting');
    expect(await assistant.queue()).toMatchObject([
      { id: sessionId, handoffReason: 'tool_requested', handoffNote: 'shopper disputes a price' },
    ]);
  });
});
