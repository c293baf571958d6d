/**
 * The evaluation's shapes: the conversation it drives, the brain under test, what one trial
 * recorded, and the results the report is made of.
 */
import type { LanguageModel } from 'ai';
import type { Reply, ShopperState, TranscriptMessage, TurnTrace } from '../conversation/types.js';
import type { Fact } from '../facts/index.js';
import type { Scenario } from './scenario.js';
import type { WidgetPayment } from './widget-checkout.js';

/** How a trial's session begins: the shopper's language and, when signed in on the host site, who they are. */
export interface SessionStart {
  readonly locale: string;
  readonly customerId: string | null;
  /** A cart the shopper filled before opening the chat: its id and token. */
  readonly cart: { readonly cartId: string; readonly token: string } | null;
}

/** The conversation under test, as the runner drives it. */
export interface ConversationUnderTest {
  startSession(start: SessionStart): Promise<{ readonly sessionId: string }>;
  send(sessionId: string, text: string): Promise<{ readonly reply: Reply; readonly state: ShopperState }>;
  transcript(sessionId: string): Promise<readonly TranscriptMessage[]>;
}

/**
 * What answers the shopper in a trial: the rules brain alone, or a language model (a fresh one
 * per trial, so a scripted model starts its script again) taking every turn.
 */
export type BrainUnderTest =
  | { readonly kind: 'rules' }
  | { readonly kind: 'model'; readonly name: string; languageModel(scenario: Scenario): LanguageModel };

export interface RecordedTurn {
  readonly shopperText: string;
  /** True when the simulated shopper said it, answering the assistant's question. */
  readonly answered: boolean;
  readonly reply: Reply;
  readonly state: ShopperState;
  readonly trace: TurnTrace | null;
  /** Facts the turn's tools returned. */
  readonly facts: readonly Fact[];
}

export interface RecordedPayment {
  readonly token: string;
  readonly payment: WidgetPayment;
}

/**
 * Why a trial failed. `claim`, `discount` and `privacy` are the audits every trial gets (a claim
 * the facts do not back reached the shopper; money the promotions did not give; another shopper's
 * data shown); `expectation` and `step` are the scenario's own; `crash` is the trial stopping.
 */
export type FailureKind = 'expectation' | 'step' | 'claim' | 'discount' | 'privacy' | 'crash';

export interface TrialFailure {
  readonly kind: FailureKind;
  readonly message: string;
}

export interface TrialRecord {
  readonly scenarioId: string;
  readonly sessionId: string | null;
  readonly turns: readonly RecordedTurn[];
  readonly payments: readonly RecordedPayment[];
  /** What went wrong, first failure first; empty when the trial passed. */
  readonly failures: readonly TrialFailure[];
  readonly durationMs: number;
}

export interface ScenarioResult {
  readonly scenarioId: string;
  readonly language: string;
  readonly tags: readonly string[];
  readonly trials: readonly TrialRecord[];
}
