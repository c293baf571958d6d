import { describe, expect, it } from 'vitest';
import type { Intent, Understanding } from '../nlu/index.js';
import { type DialogueState, initialDialogue } from '../rules-brain/index.js';
import { chooseBrain, DEFAULT_RULES_INTENTS, parseRulesIntents } from './router.js';

const understanding = (intent: Intent, confidence: number): Understanding => ({
  text: '',
  language: 'en',
  mixed: false,
  intent,
  confidence,
  runnerUp: null,
  entities: [],
});

const options = { llmAvailable: true, confidence: 0.8, rulesIntents: new Set(DEFAULT_RULES_INTENTS) };
const route = (
  intent: Intent,
  confidence: number,
  extra: { dialogue?: DialogueState; lastBrain?: 'rules' | 'llm' | 'fallback' | null } = {},
  routerOptions = options,
) =>
  chooseBrain(
    {
      understanding: understanding(intent, confidence),
      dialogue: extra.dialogue ?? initialDialogue,
      lastBrain: extra.lastBrain ?? null,
    },
    routerOptions,
  );

describe('router', () => {
  it('sends every turn to the rules brain when no language model is configured', () => {
    expect(route('compare', 0.1, {}, { ...options, llmAvailable: false })).toEqual({
      brain: 'rules',
      route: 'no LLM configured',
    });
  });

  it('gives the rules brain confident turns of the intents it serves', () => {
    expect(route('add_to_cart', 0.92)).toEqual({ brain: 'rules', route: 'confident (add_to_cart 0.92)' });
    expect(route('greeting', 0.8).brain).toBe('rules');
  });

  it('gives the model turns below the threshold and intents the rules brain does not serve', () => {
    expect(route('add_to_cart', 0.79)).toEqual({
      brain: 'llm',
      route: 'low confidence (add_to_cart 0.79 < 0.8)',
    });
    expect(route('compare', 0.99)).toEqual({
      brain: 'llm',
      route: 'intent not served by rules (compare 0.99)',
    });
  });

  it("sends an answer to the rules brain's open question back to it, whatever the intent", () => {
    const asking: DialogueState = {
      ...initialDialogue,
      awaiting: { kind: 'question', option: 'Size', values: ['42', '43'] },
    };
    expect(route('browse', 0.3, { dialogue: asking, lastBrain: 'rules' }).brain).toBe('rules');
    expect(route('browse', 0.3, { dialogue: asking, lastBrain: 'llm' }).brain).toBe('llm');
  });

  it("sends a yes or no after a model's reply back to the model", () => {
    expect(route('affirm', 0.95, { lastBrain: 'llm' })).toEqual({
      brain: 'llm',
      route: "answers the model's question (affirm 0.95)",
    });
    expect(route('affirm', 0.95, { lastBrain: 'rules' }).brain).toBe('rules');
  });

  it('reads a configured intent list and refuses unknown intents', () => {
    expect([...parseRulesIntents(['greeting', 'checkout'])]).toEqual(['greeting', 'checkout']);
    expect(parseRulesIntents(undefined).has('add_to_cart')).toBe(true);
    expect(() => parseRulesIntents(['greeting', 'haggle'])).toThrow('haggle');
  });
});
