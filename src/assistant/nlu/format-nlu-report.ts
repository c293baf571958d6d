/**
 * Markdown tables of an NLU report: headline figures per language and catalog, then per intent
 * and per entity type.
 */
import type { NluMetrics, NluReport, Score } from './evaluate-nlu.js';

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function headline(name: string, metrics: NluMetrics): string {
  return `| ${name} | ${metrics.utterances} | ${percent(metrics.intentAccuracy)} | ${percent(metrics.intentMacroF1)} | ${percent(metrics.entityMicro.precision)} | ${percent(metrics.entityMicro.recall)} | ${percent(metrics.entityMacroF1)} | ${percent(metrics.languageAccuracy)} |`;
}

function scoreRows(scores: Readonly<Record<string, Score>>): string[] {
  return Object.entries(scores).map(
    ([name, score]) =>
      `| ${name} | ${score.support} | ${percent(score.precision)} | ${percent(score.recall)} | ${percent(score.f1)} |`,
  );
}

export function formatNluReport(title: string, report: NluReport): string {
  return [
    `### ${title}`,
    '',
    '| slice | utterances | intent accuracy | intent macro-F1 | entity precision | entity recall | entity macro-F1 | language |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    headline('all', report.overall),
    ...Object.entries(report.byLanguage).map(([name, metrics]) => headline(name, metrics)),
    ...Object.entries(report.byCatalog).map(([name, metrics]) => headline(name, metrics)),
    '',
    '| intent | support | precision | recall | F1 |',
    '|---|---:|---:|---:|---:|',
    ...scoreRows(report.overall.intents),
    '',
    '| entity type | support | precision | recall | F1 |',
    '|---|---:|---:|---:|---:|',
    ...scoreRows(report.overall.entities),
    '',
  ].join('\n');
}
