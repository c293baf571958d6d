/**
 * Wording helpers every template shares: one sentence in both languages, picked for the shopper,
 * and money written the way the shopper's locale writes it.
 */
import { formatMoney, type Money } from '../../core/index.js';
import type { Suggestion } from '../conversation/types.js';
import type { Language } from '../nlu/index.js';

export interface Phrase {
  readonly en: string;
  readonly 'zh-TW': string;
}

export function say(language: Language, phrase: Phrase): string {
  return phrase[language];
}

export function money(value: Money, language: Language): string {
  return formatMoney(value, language === 'zh-TW' ? 'zh-TW' : 'en');
}

/** "a, b and c" / "a、b 和 c". */
export function list(language: Language, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1);
  const last = items[items.length - 1];
  return language === 'zh-TW' ? `${head.join('、')} 和 ${last}` : `${head.join(', ')} and ${last}`;
}

/** A quick-reply chip whose label is also what it sends. */
export function chip(language: Language, phrase: Phrase): Suggestion {
  const text = say(language, phrase);
  return { label: text, text };
}

/** The chip every dead end offers: a person is always one tap away. */
export function talkToPerson(language: Language): Suggestion {
  return chip(language, { en: 'Talk to a person', 'zh-TW': '找真人客服' });
}
