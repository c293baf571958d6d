/**
 * The assistant as the composition root builds it from AISLE_LLM* variables, against a local
 * server speaking the OpenAI chat-completions wire format: real HTTP, the real rules brain.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeOpenAiServer,
  startFakeOpenAiServer,
} from '../../../test/fixtures/llm/fake-openai-server.js';
import { loadConfig, ManualClock } from '../../core/index.js';
import { type AppServices, createServices } from '../../server/index.js';

let server: FakeOpenAiServer;
let services: AppServices | undefined;

beforeEach(async () => {
  server = await startFakeOpenAiServer();
});

afterEach(async () => {
  await services?.close();
  services = undefined;
  await server.close();
});

async function servicesWithModel(extra: Record<string, string> = {}) {
  const config = loadConfig({
    AISLE_LLM: 'openai-compatible',
    AISLE_LLM_BASE_URL: server.baseUrl,
    AISLE_LLM_MODEL: 'scripted',
    AISLE_LLM_MAX_RETRIES: '0',
    ...extra,
  });
  services = await createServices(
    { ...config, db: 'sqlite::memory:' },
    { clock: new ManualClock(Date.UTC(2026, 10, 20, 2)) },
  );
  return services;
}

// Nothing in an empty store's vocabulary: the rules brain cannot place it, so the model answers.
const OFF_CATALOG = 'could you write me a short poem about mountains? my email is mei@example.com';

describe('the configured language model', () => {
  it('answers the turns the rules brain does not take, without seeing the email, and reports its tokens', async () => {
    const { assistant } = await servicesWithModel();
    server.script({
      kind: 'text',
      text: 'I can help with shopping here, not poems.',
      usage: { promptTokens: 900, completionTokens: 12 },
    });
    const { sessionId } = await assistant.startSession();
    const sent = await assistant.send(sessionId, OFF_CATALOG);
    expect(sent.reply.text).toBe('I can help with shopping here, not poems.');
    expect(JSON.stringify(server.requests.map((request) => request.body))).not.toContain('mei@example.com');
    const trace = (await assistant.transcript(sessionId)).messages.at(-1)?.trace;
    expect(trace).toMatchObject({ brain: 'llm', usage: { inputTokens: 900, outputTokens: 12 } });
  });

  it('answers with the rules brain when the model does not answer in time', async () => {
    const { assistant } = await servicesWithModel({ AISLE_LLM_TIMEOUT_MS: '150' });
    server.script({ kind: 'hang' });
    const { sessionId } = await assistant.startSession();
    const sent = await assistant.send(sessionId, OFF_CATALOG);
    expect(sent.reply.text).not.toBe('');
    const trace = (await assistant.transcript(sessionId)).messages.at(-1)?.trace;
    expect(trace?.brain).toBe('fallback');
    expect(trace?.route).toContain('llm failed (timeout)');
  });
});
