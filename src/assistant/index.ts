/**
 * assistant — the conversation engine and what the edges (HTTP, CLI, evaluation, widget) need of
 * it: the Assistant service, its shapes, and the LLM configuration reader.
 */
export * from './conversation/index.js';
export { createLanguageModel, type LlmConfig, llmConfigFromEnv } from './llm/index.js';
export type { RulesBrain, RulesBrainOptions } from './rules-brain/index.js';
export { signCustomerToken } from './tools/index.js';
