import { describe, expect, it } from 'vitest';
import { startFakeOpenAiServer } from '../../../test/fixtures/llm/fake-openai-server.js';
import { recordingToolRunner } from '../../../test/fixtures/llm/recording-tool-runner.js';
import { AisleError } from '../../core/index.js';
import { createLanguageModel } from './create-language-model.js';
import { createLlmBrain } from './llm-brain.js';
import { LlmUnavailableError } from './llm-unavailable-error.js';

describe('createLanguageModel', () => {
  it('builds each provider model under the configured id', () => {
    const base = { baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k' };
    for (const provider of ['openai-compatible', 'openai', 'anthropic'] as const) {
      const model = createLanguageModel({ provider, model: 'm-1', ...base });
      expect(typeof model === 'object' && model.modelId).toBe('m-1');
    }
  });

  it('refuses an OpenAI-compatible model without a base URL', () => {
    let failure: unknown;
    try {
      createLanguageModel({ provider: 'openai-compatible', model: 'm' });
    } catch (error) {
      failure = error;
    }
    expect(AisleError.isInstance(failure) && failure.code).toBe('invalid_config');
  });

  it('turns an Anthropic endpoint that fails into LlmUnavailableError like any other provider', async () => {
    const server = await startFakeOpenAiServer();
    try {
      const brain = createLlmBrain({
        model: createLanguageModel({
          provider: 'anthropic',
          baseUrl: server.baseUrl,
          model: 'claude',
          apiKey: 'k',
        }),
        tools: recordingToolRunner(),
        persona: { assistantName: 'Mei', storeName: 'Shop' },
        policySummary: '',
        maxRetries: 0,
      });
      const failure = await brain
        .respond({ history: [], userText: 'hi', locale: 'en' })
        .catch((error) => error);
      expect(LlmUnavailableError.isInstance(failure) && failure.details).toEqual({
        reason: 'provider_error',
        statusCode: 404,
      });
    } finally {
      await server.close();
    }
  });
});
