/** What every part of the conversation engine shares, built once by `createAssistant`. */
import type { LanguageModel } from 'ai';
import type { Logger } from '../../core/index.js';
import type { AppServices } from '../../server/services.js';
import type { LlmConfig, Persona } from '../llm/index.js';
import type { Intent } from '../nlu/index.js';
import type { RulesBrain } from '../rules-brain/index.js';
import type { Toolbox, ToolServices } from '../tools/index.js';
import type { RecentFacts } from './recent-facts.js';
import type { SessionEvents } from './session-events.js';
import type { SessionLock } from './session-lock.js';
import type { SessionStore } from './session-store.js';
import type { ModelToolRunners, TurnTools } from './turn-tools.js';

export type AssistantServices = ToolServices & Pick<AppServices, 'store' | 'logger'>;

export interface LanguageModelSettings {
  readonly model: LanguageModel;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  readonly maxSteps?: number;
  readonly pricing?: LlmConfig['pricing'];
}

export interface Engine {
  readonly services: AssistantServices;
  readonly logger: Logger;
  readonly sessions: SessionStore;
  readonly recentFacts: RecentFacts;
  readonly events: SessionEvents;
  readonly lock: SessionLock;
  readonly rulesBrain: RulesBrain;
  readonly toolbox: Toolbox;
  /** The toolbox as the language model's tools, for one turn's vault. */
  readonly modelTools: ModelToolRunners;
  readonly llm: LanguageModelSettings | null;
  readonly persona: Persona;
  readonly currency: string;
  readonly router: { readonly confidence: number; readonly rulesIntents: ReadonlySet<Intent> };
  /** Cart total (minor units) from which the session goes to staff; null for never. */
  readonly handoffCartOver: number | null;
  /** The turn running for each session, so a handoff asked by a tool lands on it. */
  readonly activeTurns: Map<string, TurnTools>;
}
