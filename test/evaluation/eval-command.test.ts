/**
 * `aisle eval conversations` as a person or CI runs it: a real process, a scenario file, the
 * report on stdout and the exit status.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function aisle(args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'aisle.js'), ...args], {
    cwd: root,
    env: { ...process.env, AISLE_LOG_LEVEL: 'silent', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function scenarioFile(scenarios: unknown[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'aisle-eval-cli-')), 'scenarios.json');
  writeFileSync(path, JSON.stringify({ scenarios }));
  return path;
}

const paying = {
  id: 'en-guest-pays',
  language: 'en',
  description: 'a guest pays a filled cart',
  setup: { cart: [{ product: 'Beacon 400 Rechargeable Headlamp', options: ['Orange'] }] },
  steps: [{ say: 'hello' }, { pay: { token: 'pm_card_visa' } }],
  expect: { order: { placed: true, charged: 148000 } },
};
const waiting = {
  id: 'en-expects-a-person',
  language: 'en',
  description: 'expects a handoff that a greeting does not cause',
  steps: [{ say: 'hello' }],
  expect: { session: { status: 'waiting' } },
};

describe('aisle eval conversations', { timeout: 240_000 }, () => {
  it('prints each scenario, the success rate and pass^k, and exits 1 below --min-success-rate', () => {
    const result = aisle([
      'eval',
      'conversations',
      scenarioFile([paying, waiting]),
      '--min-success-rate',
      '0.9',
    ]);
    expect(result.out).toContain('PASS  en-guest-pays');
    expect(result.out).toContain(
      'FAIL  en-expects-a-person: the session should be "waiting"; it is "assistant"',
    );
    expect(result.out).toContain('2 scenarios × 1 trial(s): 1/2 trials passed, success rate 50.0%');
    expect(result.err).toContain('success rate 0.500 is below 0.9');
    expect(result.code).toBe(1);
  });

  it('runs only the language asked for and prints JSON', () => {
    const zh = { ...waiting, id: 'zh-greeting', language: 'zh-TW', expect: {} };
    const result = aisle(['eval', 'conversations', scenarioFile([waiting, zh]), '--lang', 'zh-TW', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.scenarios.map((scenario: { id: string }) => scenario.id)).toEqual(['zh-greeting']);
    expect(report.summary).toMatchObject({ scenarios: 1, successRate: 1 });
  });

  it('refuses a broken scenario file, naming the field, with exit status 2', () => {
    const result = aisle(['eval', 'conversations', scenarioFile([{ ...waiting, language: 'fr' }])]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('is not a valid scenario file: scenarios.0.language:');
  });

  it('refuses a scenario id the file does not hold', () => {
    const result = aisle(['eval', 'conversations', scenarioFile([waiting]), '--scenario', 'nope']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('no scenario nope in');
  });
});
