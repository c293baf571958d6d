import { describe, expect, it } from 'vitest';
import { AisleError } from '../../core/index.js';
import { LLM_DEFAULTS, llmConfigFromEnv } from './llm-config.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(AisleError.isInstance(error) && error.code).toBe('invalid_config');
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('llmConfigFromEnv', () => {
  it('chooses the rules brain when AISLE_LLM is unset or rules', () => {
    expect(llmConfigFromEnv({})).toBeUndefined();
    expect(llmConfigFromEnv({ AISLE_LLM: 'rules', AISLE_LLM_MODEL: 'ignored' })).toBeUndefined();
  });

  it('reads an OpenAI-compatible server with defaults for timeout, retries and steps', () => {
    expect(
      llmConfigFromEnv({
        AISLE_LLM: 'openai-compatible',
        AISLE_LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
        AISLE_LLM_MODEL: 'qwen2.5:7b',
      }),
    ).toEqual({
      provider: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'qwen2.5:7b',
      ...LLM_DEFAULTS,
    });
  });

  it('reads OpenAI with a key and explicit limits', () => {
    expect(
      llmConfigFromEnv({
        AISLE_LLM: 'openai',
        AISLE_LLM_MODEL: 'gpt-4o-mini',
        AISLE_LLM_API_KEY: 'sk-live',
        AISLE_LLM_TIMEOUT_MS: '8000',
        AISLE_LLM_MAX_RETRIES: '0',
        AISLE_LLM_MAX_STEPS: '3',
      }),
    ).toEqual({
      provider: 'openai',
      model: 'gpt-4o-mini',
      apiKey: 'sk-live',
      timeoutMs: 8000,
      maxRetries: 0,
      maxSteps: 3,
    });
  });

  it('names the variable that is missing or wrong', () => {
    expect(messageOf(() => llmConfigFromEnv({ AISLE_LLM: 'gpt' }))).toContain('AISLE_LLM must be one of');
    expect(messageOf(() => llmConfigFromEnv({ AISLE_LLM: 'anthropic', AISLE_LLM_API_KEY: 'k' }))).toContain(
      'needs AISLE_LLM_MODEL',
    );
    expect(
      messageOf(() => llmConfigFromEnv({ AISLE_LLM: 'openai-compatible', AISLE_LLM_MODEL: 'm' })),
    ).toContain('needs AISLE_LLM_BASE_URL');
    expect(messageOf(() => llmConfigFromEnv({ AISLE_LLM: 'openai', AISLE_LLM_MODEL: 'm' }))).toContain(
      'needs AISLE_LLM_API_KEY',
    );
    expect(
      messageOf(() =>
        llmConfigFromEnv({
          AISLE_LLM: 'openai-compatible',
          AISLE_LLM_MODEL: 'm',
          AISLE_LLM_BASE_URL: 'localhost:8000',
        }),
      ),
    ).toContain('AISLE_LLM_BASE_URL must be an http(s) URL');
    expect(messageOf(() => llmConfigFromEnv({ AISLE_LLM_TIMEOUT_MS: 'soon' }))).toContain(
      'AISLE_LLM_TIMEOUT_MS',
    );
  });

  it('treats empty variables as unset, as shells and .env files leave them', () => {
    expect(llmConfigFromEnv({ AISLE_LLM: 'rules', AISLE_LLM_BASE_URL: '' })).toBeUndefined();
    expect(
      messageOf(() =>
        llmConfigFromEnv({ AISLE_LLM: 'openai', AISLE_LLM_MODEL: ' ', AISLE_LLM_API_KEY: 'k' }),
      ),
    ).toContain('needs AISLE_LLM_MODEL');
  });

  it('reads prices per million tokens as exact integer micros', () => {
    const config = llmConfigFromEnv({
      AISLE_LLM: 'anthropic',
      AISLE_LLM_MODEL: 'claude-haiku',
      AISLE_LLM_API_KEY: 'k',
      AISLE_LLM_PRICE_INPUT: '0.8',
      AISLE_LLM_PRICE_OUTPUT: '4.000001',
    });
    expect(config?.pricing).toEqual({
      inputMicrosPerMillionTokens: 800_000,
      outputMicrosPerMillionTokens: 4_000_001,
    });
  });

  it('refuses a price that is not a plain decimal, or one price without the other', () => {
    const base = { AISLE_LLM: 'openai', AISLE_LLM_MODEL: 'm', AISLE_LLM_API_KEY: 'k' };
    expect(
      messageOf(() =>
        llmConfigFromEnv({ ...base, AISLE_LLM_PRICE_INPUT: '$0.15', AISLE_LLM_PRICE_OUTPUT: '1' }),
      ),
    ).toContain('AISLE_LLM_PRICE_INPUT must be a decimal price per million tokens');
    expect(messageOf(() => llmConfigFromEnv({ ...base, AISLE_LLM_PRICE_INPUT: '0.15' }))).toContain(
      'set both AISLE_LLM_PRICE_INPUT and AISLE_LLM_PRICE_OUTPUT',
    );
  });
});
