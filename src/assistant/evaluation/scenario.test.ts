import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/index.js';
import { parseScenarioFile } from './scenario.js';

const minimal = { id: 'en-hello', language: 'en', description: 'says hello', steps: [{ say: 'hello' }] };

describe('scenario files', () => {
  it('reads a minimal scenario with its defaults', () => {
    const [scenario] = parseScenarioFile({ scenarios: [minimal] });
    expect(scenario).toMatchObject({
      id: 'en-hello',
      tags: [],
      answers: [],
      expect: {},
      setup: { daysAfterSeed: 1 },
    });
  });

  it('fills a payment step with the challenge answer and the outcome it expects', () => {
    const [scenario] = parseScenarioFile({
      scenarios: [{ ...minimal, steps: [{ pay: { token: 'pm_card_visa' } }] }],
    });
    expect(scenario?.steps[0]).toEqual({
      pay: { token: 'pm_card_visa', challenge: 'approve', outcome: 'completed' },
    });
  });

  it('names the scenario and field that are wrong', () => {
    const broken = {
      scenarios: [{ ...minimal, language: 'fr', steps: [{ say: 'hi', expect: { cards: ['poster'] } }] }],
    };
    const error = (() => {
      try {
        parseScenarioFile(broken, 'broken.json');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(ValidationError.isInstance(error)).toBe(true);
    const issues = (error as ValidationError).details?.issues as string[];
    expect(issues.some((issue) => issue.startsWith('scenarios.0.language'))).toBe(true);
    expect(issues.some((issue) => issue.startsWith('scenarios.0.steps.0'))).toBe(true);
  });

  it('refuses two scenarios with one id', () => {
    expect(() => parseScenarioFile({ scenarios: [minimal, minimal] })).toThrow(ValidationError);
  });

  it('refuses an answer that says neither which question nor which card it answers', () => {
    expect(() => parseScenarioFile({ scenarios: [{ ...minimal, answers: [{ say: 'yes' }] }] })).toThrow(
      ValidationError,
    );
  });
});
