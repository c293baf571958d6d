/**
 * The scenarios Aisle ships (eval/conversations.json), each played once against the rules brain
 * on a fresh demo store. The success rate must not fall below what was measured (docs/evaluation.md);
 * a failing run names every failed scenario with its first failure. Unsupported claims, discounts
 * the promotions did not give and other shoppers' data fail the run whatever the rate.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoStoreTemplate,
  type DemoStoreTemplate,
  type Evaluation,
  parseScenarioFile,
  runEvaluation,
} from '../../src/assistant/evaluation/index.js';

/** The rate measured when the scenarios were last run in full (docs/evaluation.md); raise it as the brain improves. */
const MIN_SUCCESS_RATE = 0.95;

const FILE = new URL('../../eval/conversations.json', import.meta.url);
const scenarios = parseScenarioFile(JSON.parse(readFileSync(FILE, 'utf8')), 'eval/conversations.json');

let template: DemoStoreTemplate;
let evaluation: Evaluation;

beforeAll(async () => {
  template = await createDemoStoreTemplate();
  evaluation = await runEvaluation(scenarios, { template });
}, 600_000);

afterAll(() => template?.dispose());

function failed(kinds?: readonly string[]): string[] {
  return evaluation.results.flatMap((result) =>
    result.trials.flatMap((trial) => {
      const failures = trial.failures.filter(
        (failure) => kinds === undefined || kinds.includes(failure.kind),
      );
      return failures.length === 0 ? [] : [`${result.scenarioId}: ${failures[0]?.message}`];
    }),
  );
}

describe('the shipped conversation scenarios', () => {
  it('cover both languages with at least 25 scenarios each, 60 in all', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(60);
    expect(scenarios.filter((scenario) => scenario.language === 'en').length).toBeGreaterThanOrEqual(25);
    expect(scenarios.filter((scenario) => scenario.language === 'zh-TW').length).toBeGreaterThanOrEqual(25);
  });

  it(`pass at a success rate of at least ${MIN_SUCCESS_RATE}`, () => {
    const failures = failed();
    expect(
      evaluation.summary.successRate,
      `failed scenarios:\n${failures.join('\n')}`,
    ).toBeGreaterThanOrEqual(MIN_SUCCESS_RATE);
  });

  it("never tell a shopper what the facts do not back, discount what the rules did not, or show another shopper's data", () => {
    expect(failed(['claim', 'discount', 'privacy', 'crash'])).toEqual([]);
  });
});
