/**
 * The evaluation report: one line per scenario (PASS, or FAIL with the first failed expectation),
 * then the success rate and pass^k; or the same as JSON for CI and dashboards.
 */
import type { EvaluationSummary } from './pass-k.js';
import type { ScenarioResult, TrialRecord } from './types.js';

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

export function formatReport(results: readonly ScenarioResult[], summary: EvaluationSummary): string {
  const lines: string[] = [];
  for (const result of results) {
    const passed = result.trials.filter((trial) => trial.failures.length === 0).length;
    const firstFailure = result.trials.find((trial) => trial.failures.length > 0)?.failures[0]?.message;
    const verdict = passed === result.trials.length ? 'PASS' : 'FAIL';
    const count = result.trials.length > 1 ? ` ${passed}/${result.trials.length}` : '';
    lines.push(
      `${verdict}${count}  ${result.scenarioId}${firstFailure === undefined ? '' : `: ${firstFailure}`}`,
    );
  }
  lines.push('');
  lines.push(
    `${summary.scenarios} scenarios × ${summary.trialsPerScenario} trial(s): ${summary.passedTrials}/${summary.trials} trials passed, success rate ${percent(summary.successRate)}`,
  );
  const last = summary.passK[summary.passK.length - 1];
  if (last !== undefined) {
    const shown = summary.passK.filter((entry) => entry.k === 1 || entry.k === last.k);
    lines.push(shown.map((entry) => `pass^${entry.k} ${percent(entry.value)}`).join(', '));
  }
  return lines.join('\n');
}

export function reportJson(results: readonly ScenarioResult[], summary: EvaluationSummary): unknown {
  return {
    summary,
    scenarios: results.map((result) => ({
      id: result.scenarioId,
      language: result.language,
      tags: result.tags,
      passed: result.trials.filter((trial) => trial.failures.length === 0).length,
      trials: result.trials.map((trial) => ({
        passed: trial.failures.length === 0,
        failures: trial.failures,
        turns: trial.turns.length,
        durationMs: trial.durationMs,
      })),
    })),
  };
}

/** A failed trial as a conversation, for finding out why: each turn's words, tools and guard changes. */
export function formatTranscript(result: ScenarioResult, trial: TrialRecord): string {
  const lines = [`── ${result.scenarioId} (${result.language})`];
  for (const failure of trial.failures) lines.push(`   ✗ [${failure.kind}] ${failure.message}`);
  for (const turn of trial.turns) {
    lines.push(`   shopper${turn.answered ? ' (answering)' : ''}: ${turn.shopperText}`);
    const trace = turn.trace;
    if (trace !== null) {
      const tools = trace.tools.map((tool) => `${tool.name}${tool.ok ? '' : ` ✗ ${tool.error ?? ''}`}`);
      lines.push(
        `     [${trace.brain}: ${trace.route}${tools.length > 0 ? `; tools ${tools.join(', ')}` : ''}]`,
      );
      for (const intervention of trace.interventions)
        lines.push(
          `     [guard ${intervention.action}: "${intervention.claim.text}" ${intervention.reason}]`,
        );
    }
    const cards = turn.reply.cards.map((card) => card.type);
    lines.push(
      `   assistant: ${turn.reply.text.replace(/\n/g, ' ')}${cards.length > 0 ? ` [cards: ${cards.join(', ')}]` : ''}`,
    );
  }
  for (const { token, payment } of trial.payments)
    lines.push(
      `   widget paid with ${token}: ${payment.outcome}${payment.orderNumber ? ` (${payment.orderNumber})` : ''}`,
    );
  return lines.join('\n');
}
