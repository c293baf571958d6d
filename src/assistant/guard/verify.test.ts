import { describe, expect, it } from 'vitest';
import { verify } from './index.js';
import { labelledDrafts } from './labelled-drafts.js';
import { SAMPLE_TODAY, sampleFactSet } from './sample-facts.js';

const facts = sampleFactSet();
const options = (locale: string) => ({ locale, currency: 'TWD', today: SAMPLE_TODAY });

function measure() {
  let truePositives = 0;
  let falsePositives = 0;
  let missed = 0;
  let cleanDrafts = 0;
  let falseAlarms = 0;
  const problems: string[] = [];
  for (const { locale, draft, planted } of labelledDrafts) {
    const result = verify(draft, facts, options(locale));
    const flagged = result.claims.filter((c) => c.status !== 'supported');
    if (planted === undefined) {
      cleanDrafts += 1;
      if (flagged.length > 0) falseAlarms += 1;
      falsePositives += flagged.length;
      for (const f of flagged) problems.push(`false alarm: ${f.claim.text} (${f.reason}) in ${draft}`);
      continue;
    }
    const from = draft.indexOf(planted);
    const to = from + planted.length;
    const hits = flagged.filter((f) => f.claim.start < to && f.claim.end > from);
    if (hits.length > 0) truePositives += 1;
    else {
      missed += 1;
      problems.push(`missed: ${planted} in ${draft}`);
    }
    falsePositives += flagged.length - hits.length;
    for (const f of flagged.filter((x) => !hits.includes(x)))
      problems.push(`false alarm: ${f.claim.text} in ${draft}`);
  }
  return {
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + missed),
    falseAlarmRate: falseAlarms / cleanDrafts,
    cleanDrafts,
    problems,
  };
}

describe('verify on the labelled drafts', () => {
  const metrics = measure();

  it('has at least 150 drafts, half of them clean, in both languages', () => {
    expect(labelledDrafts.length).toBeGreaterThanOrEqual(150);
    expect(metrics.cleanDrafts / labelledDrafts.length).toBeGreaterThanOrEqual(0.45);
    expect(new Set(labelledDrafts.map((d) => d.locale))).toEqual(new Set(['en', 'zh-TW']));
  });

  it('catches at least 95% of planted errors', () => {
    expect(metrics.problems.filter((p) => p.startsWith('missed'))).toEqual([]);
    expect(metrics.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('raises a false alarm on at most 2% of clean drafts', () => {
    expect(metrics.problems.filter((p) => p.startsWith('false alarm'))).toEqual([]);
    expect(metrics.falseAlarmRate).toBeLessThanOrEqual(0.02);
  });

  it('keeps claim-level precision at 0.95 or more', () => {
    expect(metrics.precision).toBeGreaterThanOrEqual(0.95);
  });
});
