import { describe, expect, it } from 'vitest';
import { passHatK, summarize } from './pass-k.js';
import type { ScenarioResult, TrialRecord } from './types.js';

function trial(passed: boolean): TrialRecord {
  return {
    scenarioId: 's',
    sessionId: null,
    turns: [],
    payments: [],
    failures: passed ? [] : [{ kind: 'expectation', message: 'no' }],
    durationMs: 1,
  };
}

function scenario(id: string, outcomes: readonly boolean[]): ScenarioResult {
  return { scenarioId: id, language: 'en', tags: [], trials: outcomes.map(trial) };
}

describe('pass^k', () => {
  it('is 1 only when every one of k trials out of k passed', () => {
    expect(passHatK(4, 4, 4)).toBe(1);
    expect(passHatK(4, 3, 4)).toBe(0);
  });

  it('estimates the chance that k fresh trials all pass from n trials', () => {
    // 3 passes of 4: C(3,2)/C(4,2) = 3/6.
    expect(passHatK(4, 3, 2)).toBeCloseTo(0.5);
    expect(passHatK(4, 3, 1)).toBeCloseTo(0.75);
  });

  it('refuses a k larger than the trials run', () => {
    expect(() => passHatK(2, 2, 3)).toThrow(RangeError);
  });

  it('summarizes trials into a success rate and pass^k per k, averaged over scenarios', () => {
    const summary = summarize([scenario('a', [true, true]), scenario('b', [true, false])]);
    expect(summary).toMatchObject({ scenarios: 2, trialsPerScenario: 2, trials: 4, passedTrials: 3 });
    expect(summary.successRate).toBeCloseTo(0.75);
    expect(summary.passK.map((entry) => entry.k)).toEqual([1, 2]);
    expect(summary.passK[0]?.value).toBeCloseTo(0.75);
    expect(summary.passK[1]?.value).toBeCloseTo(0.5);
  });
});
