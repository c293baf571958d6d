/**
 * Runs every scenario k times, each trial on its own fresh copy of the demo store, one after
 * another (trials share nothing, so the order does not matter), and summarizes the results.
 */
import { createDemoStoreTemplate, type DemoStoreTemplate } from './demo-store-template.js';
import { type EvaluationSummary, summarize } from './pass-k.js';
import { runTrial } from './run-trial.js';
import type { Scenario } from './scenario.js';
import type { BrainUnderTest, ScenarioResult, TrialRecord } from './types.js';

export interface EvaluationOptions {
  /** The rules brain when absent. */
  readonly brain?: BrainUnderTest;
  /** Trials per scenario (default 1). */
  readonly trials?: number;
  /** A template to reuse across runs; one is seeded (and disposed of) otherwise. */
  readonly template?: DemoStoreTemplate;
  /** Told after each trial, for progress output. */
  readonly onTrial?: (scenario: Scenario, trial: TrialRecord) => void;
}

export interface Evaluation {
  readonly results: readonly ScenarioResult[];
  readonly summary: EvaluationSummary;
}

export async function runEvaluation(
  scenarios: readonly Scenario[],
  options: EvaluationOptions,
): Promise<Evaluation> {
  const trials = options.trials ?? 1;
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError('trials must be a whole number from 1');
  const template = options.template ?? (await createDemoStoreTemplate());
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of scenarios) {
      const records: TrialRecord[] = [];
      for (let trial = 0; trial < trials; trial += 1) {
        const record = await runTrial(scenario, {
          template,
          ...(options.brain !== undefined && { brain: options.brain }),
        });
        records.push(record);
        options.onTrial?.(scenario, record);
      }
      results.push({
        scenarioId: scenario.id,
        language: scenario.language,
        tags: scenario.tags,
        trials: records,
      });
    }
  } finally {
    if (options.template === undefined) template.dispose();
  }
  return { results, summary: summarize(results) };
}
