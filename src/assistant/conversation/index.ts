/**
 * assistant/conversation — sessions, the turn pipeline (redact → route → brain and tools → guard →
 * record), the staff handoff and live session events.
 */
export { type AssistantDependencies, type AssistantOptions, createAssistant } from './create-assistant.js';
export type { AssistantServices, LanguageModelSettings } from './engine.js';
export { DEFAULT_ROUTER_CONFIDENCE, DEFAULT_RULES_INTENTS, parseRulesIntents } from './router.js';
export { ESTIMATED_TOKENS_PER_LLM_TURN } from './routing-stats.js';
export type * from './types.js';
