/**
 * The simulated shopper: when the assistant's reply asks something the scenario foresaw (which
 * size, "shall I go ahead?"), it answers with the scenario's words. Each answer is given once, so
 * an assistant that keeps asking the same thing runs out of answers instead of looping.
 */
import type { Reply } from '../conversation/types.js';
import type { ShopperAnswer } from './scenario.js';

/**
 * A question: a question mark in either script, a Chinese question particle ending a clause, or
 * a request for information ("please tell me the name…", "請提供…").
 */
const ASKS =
  /[?？]|[嗎呢][。！!，,\s]*$|\b(?:please (?:tell|give|send|share|let)|tell me|let me know)\b|請(?:告訴|提供|輸入|問)/im;

function asksSomething(reply: Reply): boolean {
  return ASKS.test(reply.text) || reply.suggestions.length > 0;
}

function mentions(reply: Reply, words: readonly string[]): boolean {
  const haystack = [reply.text, ...reply.suggestions.map((suggestion) => suggestion.label)]
    .join('\n')
    .toLowerCase();
  return words.some((word) => haystack.includes(word.toLowerCase()));
}

/** The first unused answer that fits the reply, or null. `used` holds answers already given. */
export function answerFor(
  reply: Reply,
  answers: readonly ShopperAnswer[],
  used: ReadonlySet<ShopperAnswer>,
): ShopperAnswer | null {
  for (const answer of answers) {
    if (used.has(answer)) continue;
    if (answer.card !== undefined && reply.cards.some((card) => card.type === answer.card)) {
      if (answer.asks === undefined || mentions(reply, answer.asks)) return answer;
      continue;
    }
    if (answer.asks !== undefined && asksSomething(reply) && mentions(reply, answer.asks)) return answer;
  }
  return null;
}
