/**
 * Turn latency of the assistant (`npx tsx bench/turn.ts [rounds=3]`), on the demo store in SQLite
 * memory, over a scripted mix of shopper messages in English and Traditional Chinese (greetings,
 * searches, refinements, "the second one", stock, cart, policy, thanks), each conversation in a
 * new session:
 *
 * 1. rules brain, in process: `assistant.send`. Baseline: one search-index query for the same words
 *    (the least a turn that finds products has to do), in the same run.
 * 2. rules brain, over HTTP: `POST /v1/sessions/:id/messages` to a listening server. Baseline:
 *    `GET /health` on the same server (an HTTP round trip and one store query).
 * 3. the pipeline's own overhead around a zero-latency scripted language model (the AI SDK's
 *    MockLanguageModelV3: a search_products call, then a sentence): time of `assistant.send`
 *    minus the time of the same model calls and the same tool run made directly, turn by turn.
 *    A second reference runs the AI SDK's own loop (`streamText` with every tool) on the same
 *    script, to tell the SDK's share of the overhead from ours.
 *
 * Prints markdown tables with p50 and p99 in milliseconds and the ratios to the baselines.
 */
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { simulateReadableStream, stepCountIs, streamText, type Tool, tool } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { createToolbox, type ToolContext } from '../src/assistant/tools/index.js';
import { loadConfig } from '../src/core/index.js';
import { demoSynonyms, seedDemo, seedDemoCommerce } from '../src/demo/index.js';
import { type AppServices, buildServer, createServices } from '../src/server/index.js';

const rounds = Number(process.argv[2] ?? 3);

const conversations: { locale: 'en' | 'zh-TW'; messages: string[] }[] = [
  {
    locale: 'en',
    messages: [
      'hi',
      'I need waterproof hiking shoes',
      'any',
      'the second one',
      'is it in stock?',
      'add it to my cart',
      'show my cart',
      'what is your return policy?',
      'thanks',
    ],
  },
  {
    locale: 'en',
    messages: [
      'do you have a rain jacket under 3000?',
      'something cheaper',
      'compare the first and the second',
      'talk to a person',
    ],
  },
  {
    locale: 'zh-TW',
    messages: [
      '你好',
      '我想買防水登山鞋',
      '都可以',
      '第二個',
      '有現貨嗎',
      '加入購物車',
      '看購物車',
      '退貨政策是什麼',
      '謝謝',
    ],
  },
  { locale: 'zh-TW', messages: ['有沒有 NT$2000 以下的背包', '便宜一點的', '我的訂單到哪了'] },
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

interface Summary {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
}

function summarize(times: readonly number[]): Summary {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Wall time of `work`, and the process's CPU time during it in `cpu` (the machine is shared). */
async function timed(work: () => Promise<unknown>, cpu?: number[]): Promise<number> {
  const start = process.hrtime.bigint();
  const startCpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(startCpu);
  cpu?.push((used.user + used.system) / 1000);
  return elapsedMs(start);
}

async function demoServices(
  overrides: { languageModel?: MockLanguageModelV3; rulesIntents?: string[] } = {},
) {
  const config = loadConfig({});
  const services = await createServices(
    {
      ...config,
      db: 'sqlite::memory:',
      rateLimitPerMinute: 1_000_000_000,
      ...(overrides.rulesIntents && {
        assistant: { ...config.assistant, rulesIntents: overrides.rulesIntents },
      }),
    },
    { synonyms: demoSynonyms, ...(overrides.languageModel && { languageModel: overrides.languageModel }) },
  );
  await seedDemo({ catalog: services.catalog, inventory: services.inventory });
  await services.refreshPolicies();
  await seedDemoCommerce(services);
  await services.refreshPolicies();
  await services.settled();
  return services;
}

/** Runs every conversation `times` times; `turn` answers one message of a session. */
async function eachTurn(
  times: number,
  start: (locale: string) => Promise<string>,
  turn: (sessionId: string, text: string, locale: string) => Promise<void>,
) {
  for (let round = 0; round < times; round += 1) {
    for (const { locale, messages } of conversations) {
      const sessionId = await start(locale);
      for (const text of messages) await turn(sessionId, text, locale);
    }
  }
}

async function rulesInProcess(services: AppServices) {
  const { assistant, search } = services;
  const start = async (locale: string) => (await assistant.startSession({ locale })).sessionId;
  await eachTurn(1, start, async (id, text) => {
    await assistant.send(id, text);
  });
  const turns: number[] = [];
  const cpu: number[] = [];
  const baseline: number[] = [];
  await eachTurn(rounds, start, async (id, text, locale) => {
    turns.push(await timed(() => assistant.send(id, text), cpu));
    const begin = process.hrtime.bigint();
    search.search({ q: text, locale, limit: 5 });
    baseline.push(elapsedMs(begin));
  });
  return { turns: summarize(turns), cpu: summarize(cpu), baseline: summarize(baseline) };
}

async function rulesOverHttp(services: AppServices) {
  const app = await buildServer({ services });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const tokens = new Map<string, string>();
  const start = async (locale: string) => {
    const response = await fetch(`${base}/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale }),
    });
    const { sessionId, token } = (await response.json()) as { sessionId: string; token: string };
    tokens.set(sessionId, token);
    return sessionId;
  };
  const post = async (id: string, text: string) => {
    const response = await fetch(`${base}/v1/sessions/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(id)}` },
      body: JSON.stringify({ text }),
    });
    if (response.status !== 200)
      throw new Error(`turn answered ${response.status}: ${await response.text()}`);
    await response.json();
  };
  try {
    await eachTurn(1, start, post);
    const turns: number[] = [];
    const cpu: number[] = [];
    const baseline: number[] = [];
    await eachTurn(rounds, start, async (id, text) => {
      turns.push(await timed(() => post(id, text), cpu));
      baseline.push(await timed(async () => (await fetch(`${base}/health`)).json()));
    });
    return { turns: summarize(turns), cpu: summarize(cpu), baseline: summarize(baseline) };
  } finally {
    await app.close();
  }
}

const REPLY = 'Here are a few that match what you asked for. Want me to narrow them down?';

const finish = (reason: 'stop' | 'tool-calls'): LanguageModelV3StreamPart => ({
  type: 'finish',
  finishReason: { unified: reason, raw: reason },
  usage: {
    inputTokens: { total: 0, noCache: 0, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: 0, text: 0, reasoning: undefined },
  },
});

/** What the scripted model says to a prompt: search for the shopper's words, then one sentence. */
function scriptedParts(prompt: LanguageModelV3CallOptions['prompt']): LanguageModelV3StreamPart[] {
  const last = prompt.at(-1);
  if (last?.role === 'tool') {
    return [
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: REPLY },
      { type: 'text-end', id: 't' },
      finish('stop'),
    ];
  }
  const words =
    last?.role === 'user'
      ? last.content.map((part) => (part.type === 'text' ? part.text : '')).join(' ')
      : '';
  return [
    {
      type: 'tool-call',
      toolCallId: 'call_1',
      toolName: 'search_products',
      input: JSON.stringify({ query: words }),
    },
    finish('tool-calls'),
  ];
}

async function drain(stream: ReadableStream<unknown>): Promise<void> {
  for await (const _part of stream as unknown as AsyncIterable<unknown>) {
    // reading is the work
  }
}

async function llmOverhead() {
  const model = new MockLanguageModelV3({
    doStream: async (options) => ({
      stream: simulateReadableStream({ chunks: scriptedParts(options.prompt) }),
    }),
  });
  // No intent is left to the rules brain: every turn goes through the model.
  const services = await demoServices({ languageModel: model, rulesIntents: [] });
  const { assistant } = services;
  const toolbox = createToolbox(services);
  const start = async (locale: string) => (await assistant.startSession({ locale })).sessionId;

  const toolContext = (sessionId: string, locale: string): ToolContext => ({
    sessionId,
    locale,
    currency: services.config.currency,
    shopper: { customerId: null, verified: false },
    cartId: null,
    cartToken: null,
    channel: 'web',
  });

  /** The same two model calls and the same tool run, made directly. */
  const bare = async (sessionId: string, locale: string, cpu: number[]) => {
    const calls = model.doStreamCalls.slice(-2);
    const first = calls[0];
    const second = calls[1];
    if (first === undefined || second === undefined) throw new Error('the turn did not call the model twice');
    const call = scriptedParts(first.prompt)[0];
    if (call?.type !== 'tool-call') throw new Error('the scripted model did not call a tool');
    const context = toolContext(sessionId, locale);
    return timed(async () => {
      await drain((await model.doStream(first)).stream);
      await toolbox.runTool(call.toolName, JSON.parse(call.input), context);
      await drain((await model.doStream(second)).stream);
    }, cpu);
  };

  /** The AI SDK's loop alone: the same scripted model with every tool, nothing of Aisle around it. */
  const sdkLoop = (sessionId: string, text: string, locale: string, cpu: number[]) => {
    const context = toolContext(sessionId, locale);
    const tools: Record<string, Tool> = {};
    for (const spec of toolbox.toolSpecs()) {
      tools[spec.name] = tool({
        description: spec.description,
        inputSchema: spec.inputSchema as Tool['inputSchema'],
        execute: async (input: unknown) => (await toolbox.runTool(spec.name, input, context)).output,
      } as Tool);
    }
    return timed(async () => {
      const result = streamText({ model, tools, stopWhen: stepCountIs(5), prompt: text });
      await drain(result.fullStream);
    }, cpu);
  };

  try {
    await eachTurn(1, start, async (id, text) => {
      await assistant.send(id, text);
    });
    const sdk: number[] = [];
    const sdkCpu: number[] = [];
    const turns: number[] = [];
    const baseline: number[] = [];
    const overhead: number[] = [];
    const turnCpu: number[] = [];
    const baselineCpu: number[] = [];
    const overheadCpu: number[] = [];
    await eachTurn(rounds, start, async (id, text, locale) => {
      const turn = await timed(() => assistant.send(id, text), turnCpu);
      const direct = await bare(id, locale, baselineCpu);
      turns.push(turn);
      baseline.push(direct);
      overhead.push(turn - direct);
      overheadCpu.push((turnCpu.at(-1) ?? 0) - (baselineCpu.at(-1) ?? 0));
      sdk.push(await sdkLoop(id, text, locale, sdkCpu));
    });
    const stats = await assistant.routingStats();
    return {
      turns: summarize(turns),
      baseline: summarize(baseline),
      overhead: summarize(overhead),
      sdk: summarize(sdk),
      cpu: {
        turns: summarize(turnCpu),
        baseline: summarize(baselineCpu),
        overhead: summarize(overheadCpu),
        sdk: summarize(sdkCpu),
      },
      llmShare: 1 - stats.rulesShare,
    };
  } finally {
    await services.close();
  }
}

const ms = (value: number) => value.toFixed(2);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : '–');

const services = await demoServices();
const inProcess = await rulesInProcess(services);
const overHttp = await rulesOverHttp(services);
await services.close();
const llm = await llmOverhead();

console.log(
  `Node ${process.version}, demo store in SQLite memory, ${rounds} rounds of ${conversations.reduce((n, c) => n + c.messages.length, 0)} messages after a warm-up round; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}.\n`,
);
console.log(
  '| rules brain turn | turns | p50 ms | p99 ms | CPU p50 ms | baseline | baseline p50 ms | p50 ÷ baseline |',
);
console.log('|---|---:|---:|---:|---:|---|---:|---:|');
console.log(
  `| in process (assistant.send) | ${inProcess.turns.n} | ${ms(inProcess.turns.p50)} | ${ms(inProcess.turns.p99)} | ${ms(inProcess.cpu.p50)} | search-index query, same words | ${ms(inProcess.baseline.p50)} | ${ratio(inProcess.turns.p50, inProcess.baseline.p50)} |`,
);
console.log(
  `| over HTTP (POST …/messages) | ${overHttp.turns.n} | ${ms(overHttp.turns.p50)} | ${ms(overHttp.turns.p99)} | ${ms(overHttp.cpu.p50)} | GET /health | ${ms(overHttp.baseline.p50)} | ${ratio(overHttp.turns.p50, overHttp.baseline.p50)} |`,
);
console.log(
  `\n| scripted zero-latency LLM (${Math.round(llm.llmShare * 100)}% of turns) | p50 ms | p99 ms | CPU p50 ms |\n|---|---:|---:|---:|`,
);
console.log(`| assistant.send | ${ms(llm.turns.p50)} | ${ms(llm.turns.p99)} | ${ms(llm.cpu.turns.p50)} |`);
console.log(
  `| the same model calls and tool run, direct (baseline) | ${ms(llm.baseline.p50)} | ${ms(llm.baseline.p99)} | ${ms(llm.cpu.baseline.p50)} |`,
);
console.log(
  `| the AI SDK's loop alone (streamText, every tool), same script | ${ms(llm.sdk.p50)} | ${ms(llm.sdk.p99)} | ${ms(llm.cpu.sdk.p50)} |`,
);
console.log(
  `| **pipeline overhead** (send − direct, per turn) | **${ms(llm.overhead.p50)}** | ${ms(llm.overhead.p99)} | ${ms(llm.cpu.overhead.p50)} |`,
);
console.log(
  `\nTargets: rules-brain p50 under 5 ms in process (${inProcess.turns.p50 < 5 ? 'met' : 'missed'}; CPU ${inProcess.cpu.p50 < 5 ? 'met' : 'missed'}); overhead under 10 ms at p50 (${llm.overhead.p50 < 10 ? 'met' : 'missed'}; CPU ${llm.cpu.overhead.p50 < 10 ? 'met' : 'missed'}).`,
);
