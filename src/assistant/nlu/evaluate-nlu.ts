/**
 * Measures understanding against labelled utterances: per-intent precision, recall and F1,
 * entity precision and recall per type, and their macro averages, overall and per language and
 * catalog. Entities are compared as keys (see entity-key.ts), as multisets.
 */
import { ValidationError } from '../../core/index.js';
import { entityKey, entityKeyType } from './entity-key.js';
import type { ConversationState, Intent, Language } from './types.js';
import { understand } from './understand.js';
import type { Vocabulary } from './vocabulary.js';

export interface LabelledUtterance {
  readonly text: string;
  readonly language: Language;
  /** Name of the catalog the utterance is addressed to. */
  readonly catalog: string;
  readonly intent: Intent;
  readonly entities: readonly string[];
  readonly split: 'dev' | 'test';
  readonly state?: ConversationState;
}

export interface NluCatalog {
  readonly vocabulary: Vocabulary;
  readonly currency: string;
}

export interface Score {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Labelled occurrences. */
  readonly support: number;
}

export interface NluMetrics {
  readonly utterances: number;
  readonly intentAccuracy: number;
  readonly intentMacroF1: number;
  readonly intents: Readonly<Record<string, Score>>;
  readonly entityMacroF1: number;
  readonly entityMicro: Score;
  readonly entities: Readonly<Record<string, Score>>;
  readonly languageAccuracy: number;
}

export interface NluMiss {
  readonly text: string;
  readonly expectedIntent: Intent;
  readonly intent: Intent;
  readonly missingEntities: readonly string[];
  readonly extraEntities: readonly string[];
}

export interface NluReport {
  readonly overall: NluMetrics;
  readonly byLanguage: Readonly<Record<string, NluMetrics>>;
  readonly byCatalog: Readonly<Record<string, NluMetrics>>;
  readonly misses: readonly NluMiss[];
}

interface Outcome {
  readonly item: LabelledUtterance;
  readonly intent: Intent;
  readonly language: Language;
  readonly entities: readonly string[];
}

interface Counts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

function scoreOf(counts: Counts): Score {
  const precision = ratio(counts.truePositive, counts.truePositive + counts.falsePositive);
  const recall = ratio(counts.truePositive, counts.truePositive + counts.falseNegative);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: counts.truePositive + counts.falseNegative };
}

function countsFor(table: Map<string, Counts>, key: string): Counts {
  let counts = table.get(key);
  if (counts === undefined) {
    counts = { truePositive: 0, falsePositive: 0, falseNegative: 0 };
    table.set(key, counts);
  }
  return counts;
}

/** Multiset difference: labels not predicted and predictions not labelled. */
function compare(
  expected: readonly string[],
  predicted: readonly string[],
): { hits: string[]; missing: string[]; extra: string[] } {
  const left = [...predicted];
  const hits: string[] = [];
  const missing: string[] = [];
  for (const key of expected) {
    const index = left.indexOf(key);
    if (index === -1) missing.push(key);
    else {
      hits.push(key);
      left.splice(index, 1);
    }
  }
  return { hits, missing, extra: left };
}

function macro(scores: readonly Score[]): number {
  return scores.length === 0 ? 1 : scores.reduce((sum, score) => sum + score.f1, 0) / scores.length;
}

function metricsOf(outcomes: readonly Outcome[]): NluMetrics {
  const intents = new Map<string, Counts>();
  const entities = new Map<string, Counts>();
  const micro: Counts = { truePositive: 0, falsePositive: 0, falseNegative: 0 };
  let correct = 0;
  let languageCorrect = 0;
  for (const outcome of outcomes) {
    if (outcome.intent === outcome.item.intent) {
      correct += 1;
      countsFor(intents, outcome.intent).truePositive += 1;
    } else {
      countsFor(intents, outcome.intent).falsePositive += 1;
      countsFor(intents, outcome.item.intent).falseNegative += 1;
    }
    if (outcome.language === outcome.item.language) languageCorrect += 1;
    const { hits, missing, extra } = compare(outcome.item.entities, outcome.entities);
    for (const key of hits) countsFor(entities, entityKeyType(key)).truePositive += 1;
    for (const key of missing) countsFor(entities, entityKeyType(key)).falseNegative += 1;
    for (const key of extra) countsFor(entities, entityKeyType(key)).falsePositive += 1;
    micro.truePositive += hits.length;
    micro.falseNegative += missing.length;
    micro.falsePositive += extra.length;
  }
  const intentScores = Object.fromEntries(
    [...intents.entries()].sort().map(([key, counts]) => [key, scoreOf(counts)]),
  );
  const entityScores = Object.fromEntries(
    [...entities.entries()].sort().map(([key, counts]) => [key, scoreOf(counts)]),
  );
  return {
    utterances: outcomes.length,
    intentAccuracy: ratio(correct, outcomes.length),
    intentMacroF1: macro(Object.values(intentScores)),
    intents: intentScores,
    entityMacroF1: macro(Object.values(entityScores)),
    entityMicro: scoreOf(micro),
    entities: entityScores,
    languageAccuracy: ratio(languageCorrect, outcomes.length),
  };
}

function groupBy(
  outcomes: readonly Outcome[],
  key: (outcome: Outcome) => string,
): Record<string, NluMetrics> {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    const group = groups.get(key(outcome)) ?? [];
    group.push(outcome);
    groups.set(key(outcome), group);
  }
  return Object.fromEntries([...groups.entries()].sort().map(([name, group]) => [name, metricsOf(group)]));
}

export function evaluateNlu(
  set: readonly LabelledUtterance[],
  catalogs: Readonly<Record<string, NluCatalog>>,
): NluReport {
  const outcomes: Outcome[] = set.map((item) => {
    const catalog = catalogs[item.catalog];
    if (catalog === undefined)
      throw new ValidationError(`no vocabulary for catalog "${item.catalog}"`, { catalog: item.catalog });
    const understanding = understand(item.text, {
      vocabulary: catalog.vocabulary,
      currency: catalog.currency,
      locale: item.language,
      ...(item.state === undefined ? {} : { state: item.state }),
    });
    return {
      item,
      intent: understanding.intent,
      language: understanding.language,
      entities: understanding.entities.map(entityKey),
    };
  });
  const misses = outcomes.flatMap((outcome): NluMiss[] => {
    const { missing, extra } = compare(outcome.item.entities, outcome.entities);
    if (outcome.intent === outcome.item.intent && missing.length === 0 && extra.length === 0) return [];
    return [
      {
        text: outcome.item.text,
        expectedIntent: outcome.item.intent,
        intent: outcome.intent,
        missingEntities: missing,
        extraEntities: extra,
      },
    ];
  });
  return {
    overall: metricsOf(outcomes),
    byLanguage: groupBy(outcomes, (outcome) => outcome.item.language),
    byCatalog: groupBy(outcomes, (outcome) => outcome.item.catalog),
    misses,
  };
}
