/**
 * assistant — the conversation engine and what the edges (HTTP, CLI, evaluation, widget) need of
 * it: the Assistant service, its shapes, the LLM configuration reader, and the parts the
 * composition root wires (the rules brain and the catalog vocabulary it reads).
 */
export * from './conversation/index.js';
export { createLanguageModel, type LlmConfig, llmConfigFromEnv } from './llm/index.js';
export { buildVocabulary, type Vocabulary } from './nlu/index.js';
export { createRulesBrain, type RulesBrain, type RulesBrainOptions } from './rules-brain/index.js';
export { signCustomerToken } from './tools/index.js';
