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

/**
 * The sentences of a reply that ask something, without the names of the products on its cards:
 * only the question's own words say what is asked ("Which colour for the Aura Boot — Men's?" asks
 * about colour, not about men's).
 */
function questionsOf(reply: Reply): string {
  const titles = reply.cards.flatMap((card) =>
    card.type === 'products' ? card.items.map((item) => item.title) : [],
  );
  const asking = reply.text
    .split(/(?<=[.!?。！？\n])/)
    .filter((sentence) => ASKS.test(sentence))
    .join(' ');
  return titles.reduce((text, title) => text.replaceAll(title, ' '), asking).toLowerCase();
}

function mentions(text: string, words: readonly string[]): boolean {
  return words.some((word) => text.includes(word.toLowerCase()));
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
      if (answer.asks === undefined || mentions(reply.text.toLowerCase(), answer.asks)) return answer;
      continue;
    }
    if (answer.asks !== undefined && mentions(questionsOf(reply), answer.asks)) return answer;
  }
  return null;
}
