/**
 * The evaluation runner itself, on the real demo store and the rules brain: scenarios that must
 * fail do fail, with the message that says what went wrong; the widget's payments reach the cart
 * API; trials are counted into pass^k.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoStoreTemplate,
  type DemoStoreTemplate,
  formatReport,
  parseScenarioFile,
  runEvaluation,
  runTrial,
  type Scenario,
} from '../../src/assistant/evaluation/index.js';

let template: DemoStoreTemplate;

beforeAll(async () => {
  template = await createDemoStoreTemplate();
}, 120_000);

afterAll(() => template?.dispose());

function scenario(fields: Record<string, unknown>): Scenario {
  const [parsed] = parseScenarioFile({
    scenarios: [{ id: 'runner-check', language: 'en', description: 'runner check', ...fields }],
  });
  return parsed as Scenario;
}

const HEADLAMP = [{ product: 'Beacon 400 Rechargeable Headlamp', options: ['Orange'] }];

describe('the evaluation runner', () => {
  it('fails a scenario whose end state lacks the order it expects, saying so', async () => {
    const trial = await runTrial(
      scenario({ steps: [{ say: 'hello' }], expect: { order: { placed: true } } }),
      { template },
    );
    expect(trial.failures[0]).toEqual({
      kind: 'expectation',
      message: 'an order should be placed from the cart; none was',
    });
    expect(trial.turns).toHaveLength(1);
    expect(trial.turns[0]?.trace?.brain).toBe('rules');
  });

  it('pays a cart the way the widget does and checks what the payment took', async () => {
    const trial = await runTrial(
      scenario({
        setup: { cart: HEADLAMP },
        steps: [{ say: 'hello' }, { pay: { token: 'pm_card_visa' } }],
        expect: { order: { placed: true, status: 'pending', charged: 148000, discount: 0 } },
      }),
      { template },
    );
    expect(trial.failures).toEqual([]);
    expect(trial.payments[0]?.payment).toMatchObject({ outcome: 'completed' });
  });

  it('reports the amount the payments really took when it differs from the expected one', async () => {
    const trial = await runTrial(
      scenario({
        setup: { cart: HEADLAMP },
        steps: [{ say: 'hello' }, { pay: { token: 'pm_card_visa' } }],
        expect: { order: { placed: true, charged: 100 } },
      }),
      { template },
    );
    expect(trial.failures.map((failure) => failure.message)).toEqual([
      expect.stringMatching(/^order A\d+ should have charged 100; payments took 148000$/),
    ]);
  });

  it('fails a payment that ends otherwise than the scenario says, with the decline reason', async () => {
    const trial = await runTrial(
      scenario({
        setup: { cart: HEADLAMP },
        steps: [{ say: 'hi' }, { pay: { token: 'pm_card_chargeDeclined' } }],
      }),
      { template },
    );
    expect(trial.failures[0]).toEqual({
      kind: 'step',
      message:
        'step 2: paying with pm_card_chargeDeclined should end completed; it ended declined (card_declined)',
    });
  });

  it('answers 3-D Secure as the scenario says and retries with the same key', async () => {
    const trial = await runTrial(
      scenario({
        setup: { cart: HEADLAMP },
        steps: [
          { say: 'hi' },
          {
            pay: {
              token: 'pm_card_authenticationRequired',
              challenge: 'fail',
              outcome: 'authentication_failed',
            },
          },
          { pay: { token: 'pm_card_authenticationRequired' } },
        ],
        expect: { order: { placed: true, charged: 148000 } },
      }),
      { template },
    );
    expect(trial.failures).toEqual([]);
    expect(trial.payments.map((payment) => payment.payment.outcome)).toEqual([
      'authentication_failed',
      'completed',
    ]);
  });

  it('fails a coupon expectation the cart does not meet', async () => {
    const trial = await runTrial(
      scenario({
        setup: { cart: HEADLAMP },
        steps: [{ say: 'hello' }],
        expect: { coupon: { code: 'WELCOME10', applied: true } },
      }),
      { template },
    );
    expect(trial.failures[0]?.message).toBe(
      'code WELCOME10 should be applied to the cart; it is not applied',
    );
  });

  it('names a setup that points at no product instead of crashing the run', async () => {
    const trial = await runTrial(
      scenario({ setup: { cart: [{ product: 'No Such Thing' }] }, steps: [{ say: 'hi' }] }),
      { template },
    );
    expect(trial.failures).toEqual([
      {
        kind: 'crash',
        message:
          'the trial stopped: invalid_scenario_setup: setup: no product "No Such Thing" with options (none)',
      },
    ]);
  });

  it('gives every trial a fresh store: an order placed in one is not there in the next', async () => {
    const once = scenario({
      setup: { cart: HEADLAMP },
      steps: [{ say: 'hello' }, { pay: { token: 'pm_card_visa' } }],
      expect: { order: { placed: true }, orders: [{ number: 'A1011' }] },
    });
    const { results, summary } = await runEvaluation([once], { template, trials: 2 });
    expect(results[0]?.trials.map((trial) => trial.failures)).toEqual([[], []]);
    expect(summary).toMatchObject({ trials: 2, passedTrials: 2, successRate: 1 });
    expect(summary.passK.at(-1)).toEqual({ k: 2, value: 1 });
  });

  it('prints a failing scenario with its first failure, then the success rate and pass^k', async () => {
    const failing = scenario({ steps: [{ say: 'hello' }], expect: { session: { status: 'waiting' } } });
    const { results, summary } = await runEvaluation([failing], { template });
    const report = formatReport(results, summary);
    expect(report).toContain('FAIL  runner-check: the session should be "waiting"; it is "assistant"');
    expect(report).toContain('1 scenarios × 1 trial(s): 0/1 trials passed, success rate 0.0%');
    expect(report).toContain('pass^1 0.0%');
  });
});
