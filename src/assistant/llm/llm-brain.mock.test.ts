import type { LanguageModelV3GenerateResult, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { recordingToolRunner } from '../../../test/fixtures/llm/recording-tool-runner.js';
import { createLlmBrain, LlmUnavailableError } from './index.js';
import type { BrainEvent } from './types.js';

const usage = (input: number, output: number) => ({
  inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});

const toolCallResult = (name: string, input: object, text?: string): LanguageModelV3GenerateResult => ({
  content: [
    ...(text === undefined ? [] : [{ type: 'text' as const, text }]),
    { type: 'tool-call', toolCallId: 'call_1', toolName: name, input: JSON.stringify(input) },
  ],
  finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
  usage: usage(100, 20),
  warnings: [],
});

const textResult = (text: string): LanguageModelV3GenerateResult => ({
  content: [{ type: 'text', text }],
  finishReason: { unified: 'stop', raw: 'stop' },
  usage: usage(150, 30),
  warnings: [],
});

const persona = { assistantName: 'Mei', storeName: 'Hillside Outfitters' };

function brainWith(model: MockLanguageModelV3, tools = recordingToolRunner()) {
  return {
    tools,
    brain: createLlmBrain({
      model,
      tools,
      persona,
      policySummary: 'Returns within 30 days.',
      pricing: { inputMicrosPerMillionTokens: 150_000, outputMicrosPerMillionTokens: 600_000 },
    }),
  };
}

describe('LLM brain with a scripted model', () => {
  it('runs the tool the model calls for the session, sends its output back, and returns text, results and usage', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [toolCallResult('get_price', { productId: 'prod_tea' }), textResult('The tea is NT$680.')],
    });
    const { brain, tools } = brainWith(model);

    const reply = await brain.respond({
      history: [],
      userText: 'How much is the tea?',
      locale: 'en',
      context: { shopperId: 'shopper_1' },
    });

    expect(tools.calls).toEqual([{ name: 'get_price', input: { productId: 'prod_tea' } }]);
    expect(tools.contexts).toEqual([{ shopperId: 'shopper_1' }]);
    expect(reply.text).toBe('The tea is NT$680.');
    expect(reply.steps).toBe(2);
    expect(reply.toolCalls).toEqual([
      {
        toolCallId: 'call_1',
        name: 'get_price',
        input: { productId: 'prod_tea' },
        status: 'ok',
        result: {
          output: { productId: 'prod_tea', price: { amount: 68_000, currency: 'TWD' } },
          facts: ['price:prod_tea:68000'],
        },
      },
    ]);
    // 250 input tokens at 0.15 micros + 50 output tokens at 0.6 micros = 67.5, rounded up.
    expect(reply.usage).toEqual({ inputTokens: 250, outputTokens: 50, costMicros: 68 });
    const secondPrompt = JSON.stringify(model.doGenerateCalls[1]?.prompt);
    expect(secondPrompt).toContain('68000');
    // Facts ride along to the caller; the model sees only the output.
    expect(secondPrompt).not.toContain('price:prod_tea');
  });

  it('sends the system prompt, the history and the tool definitions to the model', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [textResult('Hello!')] });
    const { brain } = brainWith(model);

    await brain.respond({
      history: [
        { role: 'user', text: 'hi' },
        { role: 'assistant', text: 'Hi, how can I help?' },
      ],
      userText: 'Are you a bot?',
      locale: 'zh-TW',
    });

    const call = model.doGenerateCalls[0]!;
    const system = call.prompt[0];
    expect(system?.role).toBe('system');
    expect(String(system?.content)).toContain('Mei, the shopping assistant of Hillside Outfitters');
    expect(String(system?.content)).toContain('Traditional Chinese');
    expect(call.prompt.slice(1).map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(call.tools?.map((tool) => tool.name)).toEqual(['search_products', 'get_price']);
  });

  it('stops the tool loop at maxSteps and reports no answer while the model still wants tools', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: () => Promise.resolve(toolCallResult('search_products', { query: 'tea' }, 'Let me check.')),
    });
    const tools = recordingToolRunner();
    const brain = createLlmBrain({ model, tools, persona, policySummary: '', maxSteps: 3 });

    const failure = await brain
      .respond({ history: [], userText: 'tea', locale: 'en' })
      .catch((error) => error);

    expect(LlmUnavailableError.isInstance(failure)).toBe(true);
    expect((failure as LlmUnavailableError).reason).toBe('no_answer');
    expect(model.doGenerateCalls).toHaveLength(3);
    expect(tools.calls).toHaveLength(3);
  });

  it('turns a tool that throws into a tool error the model reads, and keeps going', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [
        toolCallResult('get_price', { productId: 'prod_missing' }),
        textResult('I could not find it.'),
      ],
    });
    const { brain } = brainWith(model);

    const reply = await brain.respond({ history: [], userText: 'price of prod_missing', locale: 'en' });

    expect(reply.text).toBe('I could not find it.');
    expect(reply.toolCalls[0]).toMatchObject({
      status: 'error',
      error: 'product prod_missing was not found',
    });
    expect(JSON.stringify(model.doGenerateCalls[1]?.prompt)).toContain('product prod_missing was not found');
  });

  it('streams text deltas and tool events, then the whole reply', async () => {
    const streamOf = (chunks: LanguageModelV3StreamPart[]) => ({
      stream: simulateReadableStream({ chunks }),
    });
    const finish = (
      reason: 'stop' | 'tool-calls',
      input: number,
      output: number,
    ): LanguageModelV3StreamPart => ({
      type: 'finish',
      finishReason: { unified: reason, raw: reason },
      usage: usage(input, output),
    });
    const model = new MockLanguageModelV3({
      doStream: [
        streamOf([
          { type: 'tool-call', toolCallId: 'call_9', toolName: 'search_products', input: '{"query":"tea"}' },
          finish('tool-calls', 40, 8),
        ]),
        streamOf([
          { type: 'text-start', id: 't1' },
          { type: 'text-delta', id: 't1', delta: 'We have ' },
          { type: 'text-delta', id: 't1', delta: 'Oriental Beauty tea.' },
          { type: 'text-end', id: 't1' },
          finish('stop', 60, 12),
        ]),
      ],
    });
    const { brain } = brainWith(model);

    const events: BrainEvent[] = [];
    for await (const event of brain.stream({ history: [], userText: 'tea?', locale: 'en' }))
      events.push(event);

    expect(events.map((event) => event.type)).toEqual([
      'tool-call',
      'tool-result',
      'text-delta',
      'text-delta',
      'reply-finish',
    ]);
    const last = events.at(-1);
    expect(last?.type === 'reply-finish' && last.reply).toMatchObject({
      text: 'We have Oriental Beauty tea.',
      steps: 2,
      usage: { inputTokens: 100, outputTokens: 20 },
    });
  });
});
