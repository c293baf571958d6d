import { beforeAll, describe, expect, it } from 'vitest';
import { evaluationCatalogs, readUtterances } from './eval/evaluation-catalogs.js';
import { evaluateNlu, type LabelledUtterance, type NluCatalog } from './evaluate-nlu.js';
import { INTENTS } from './types.js';

let catalogs: Record<string, NluCatalog>;
beforeAll(async () => {
  catalogs = await evaluationCatalogs();
});

function utterance(text: string, intent: LabelledUtterance['intent'], entities: string[]): LabelledUtterance {
  return { text, language: 'en', catalog: 'outdoor', intent, entities, split: 'dev' };
}

describe('evaluateNlu', () => {
  it('scores intents and entities as precision, recall and F1', () => {
    const report = evaluateNlu(
      [
        utterance('show me tents', 'browse', ['productType:Tent']),
        utterance('hello', 'greeting', []),
        // Labelled wrongly on purpose: a miss for greeting's recall and browse's precision.
        utterance('show me headlamps', 'greeting', ['productType:Headlamp', 'brand:Velox']),
      ],
      catalogs,
    );
    expect(report.overall.intentAccuracy).toBeCloseTo(2 / 3);
    expect(report.overall.intents.browse).toMatchObject({ precision: 0.5, recall: 1, support: 1 });
    expect(report.overall.intents.greeting).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(report.overall.entities.productType).toMatchObject({ precision: 1, recall: 1, support: 2 });
    expect(report.overall.entities.brand).toMatchObject({ recall: 0, support: 1 });
    expect(report.overall.entityMicro.recall).toBeCloseTo(2 / 3);
    expect(report.misses.map((miss) => miss.text)).toEqual(['show me headlamps']);
    expect(Object.keys(report.byLanguage)).toEqual(['en']);
  });
});

describe('the labelled utterances', () => {
  const set = readUtterances();

  it('hold at least 300 per language over two catalogs, with about 30% held out', () => {
    for (const language of ['en', 'zh-TW']) {
      const inLanguage = set.filter((item) => item.language === language);
      expect(inLanguage.length).toBeGreaterThanOrEqual(300);
      expect(new Set(inLanguage.map((item) => item.catalog))).toEqual(new Set(['outdoor', 'kitchen']));
      const heldOut = inLanguage.filter((item) => item.split === 'test').length / inLanguage.length;
      expect(heldOut).toBeGreaterThan(0.25);
      expect(heldOut).toBeLessThan(0.35);
      expect(new Set(inLanguage.map((item) => item.intent))).toEqual(new Set(INTENTS));
    }
  });

  // Floors set a few points under what the held-out split measured when it was first run
  // (intent macro-F1 0.958, entity precision 0.955 and recall 0.960), so a regression fails.
  it('meets the floors on the held-out split', () => {
    const report = evaluateNlu(
      set.filter((item) => item.split === 'test'),
      catalogs,
    );
    expect(report.overall.intentMacroF1).toBeGreaterThanOrEqual(0.9);
    expect(report.overall.intentAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.overall.entityMicro.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.overall.entityMicro.recall).toBeGreaterThanOrEqual(0.9);
    for (const metrics of [...Object.values(report.byLanguage), ...Object.values(report.byCatalog)]) {
      expect(metrics.intentAccuracy).toBeGreaterThanOrEqual(0.88);
      expect(metrics.entityMicro.recall).toBeGreaterThanOrEqual(0.85);
      expect(metrics.languageAccuracy).toBeGreaterThanOrEqual(0.97);
    }
  });
});
