import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { ValidationError } from '../../core/index.js';
import type { LlmConfig } from './llm-config.js';

export type LanguageModelConfig = Pick<LlmConfig, 'provider' | 'model'> & {
  readonly baseUrl?: string;
  readonly apiKey?: string;
};

/** Builds the AI SDK model for a configured provider. Makes no network call. */
export function createLanguageModel(config: LanguageModelConfig): LanguageModel {
  switch (config.provider) {
    case 'openai-compatible': {
      if (config.baseUrl === undefined) {
        throw new ValidationError('an openai-compatible model needs a base URL', undefined, 'invalid_config');
      }
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: config.baseUrl,
        // Servers such as vLLM and llama.cpp report stream usage only when asked.
        includeUsage: true,
        ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
      }).chatModel(config.model);
    }
    case 'openai':
      // `.chat` speaks /chat/completions; the default model object posts to /responses.
      return createOpenAI({
        ...(config.baseUrl === undefined ? {} : { baseURL: config.baseUrl }),
        ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
      }).chat(config.model);
    case 'anthropic':
      return createAnthropic({
        ...(config.baseUrl === undefined ? {} : { baseURL: config.baseUrl }),
        ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
      })(config.model);
  }
}
