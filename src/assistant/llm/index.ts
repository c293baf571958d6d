/**
 * assistant/llm — the LLM brain: a language model, through the Vercel AI SDK, words replies and
 * calls tools; every fact still comes from the tools. Providers: any OpenAI-compatible server,
 * OpenAI, Anthropic.
 */
export { createLanguageModel, type LanguageModelConfig } from './create-language-model.js';
export { createLlmBrain, type LlmBrainOptions } from './llm-brain.js';
export {
  LLM_DEFAULTS,
  LLM_PROVIDERS,
  type LlmConfig,
  type LlmProvider,
  llmConfigFromEnv,
} from './llm-config.js';
export { LlmUnavailableError, type LlmUnavailableReason } from './llm-unavailable-error.js';
export { buildSystemPrompt, type SystemPromptInput } from './system-prompt.js';
export type * from './types.js';
export { costMicros } from './usage-cost.js';
