/**
 * Success rate and pass^k. The success rate counts trials; pass^k asks for reliability: the chance
 * that k trials of the same scenario all pass. From n trials with c passes it is estimated without
 * bias as C(c, k) / C(n, k) (the τ-bench estimator); with k = n it is 1 when every trial passed.
 */
import type { ScenarioResult } from './types.js';

function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i += 1) result = (result * (n - k + i)) / i;
  return result;
}

/** The estimated chance that `k` fresh trials all pass, from `passed` of `trials`. */
export function passHatK(trials: number, passed: number, k: number): number {
  if (k < 1 || k > trials) throw new RangeError(`pass^${k} needs between 1 and ${trials} trials`);
  return choose(passed, k) / choose(trials, k);
}

export interface EvaluationSummary {
  readonly scenarios: number;
  readonly trialsPerScenario: number;
  readonly trials: number;
  readonly passedTrials: number;
  /** Passed trials over all trials. */
  readonly successRate: number;
  /** pass^k for k = 1 … trialsPerScenario, averaged over scenarios. */
  readonly passK: readonly { readonly k: number; readonly value: number }[];
}

export function summarize(results: readonly ScenarioResult[]): EvaluationSummary {
  const trialsPerScenario =
    results.length === 0 ? 0 : Math.min(...results.map((result) => result.trials.length));
  const trials = results.reduce((sum, result) => sum + result.trials.length, 0);
  const passedOf = (result: ScenarioResult) =>
    result.trials.filter((trial) => trial.failures.length === 0).length;
  const passedTrials = results.reduce((sum, result) => sum + passedOf(result), 0);
  const passK = [];
  for (let k = 1; k <= trialsPerScenario; k += 1) {
    const total = results.reduce(
      (sum, result) => sum + passHatK(result.trials.length, passedOf(result), k),
      0,
    );
    passK.push({ k, value: total / results.length });
  }
  return {
    scenarios: results.length,
    trialsPerScenario,
    trials,
    passedTrials,
    successRate: trials === 0 ? 0 : passedTrials / trials,
    passK,
  };
}
