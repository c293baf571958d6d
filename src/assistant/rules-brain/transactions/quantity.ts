/** How many the shopper wants: the NLU's quantity, or a count said in words ("two mugs", "兩個"). */
import { type Entity, parseChineseNumeral } from '../../nlu/index.js';
import type { RulesTurn } from '../types.js';

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const COUNT = new RegExp(
  String.raw`\b(${NUMBER_WORDS.join('|')}|\d{1,2})\b|([一二兩三四五六七八九十]|\d{1,2})\s*(?:個|件|雙|組|份|支|瓶|包|盒|套)`,
  'iu',
);

/** "make that two mugs": the first count in the message, when the NLU read no quantity. */
export function countIn(text: string): number | null {
  const match = COUNT.exec(text);
  const word = (match?.[1] ?? match?.[2])?.toLowerCase();
  if (word === undefined) return null;
  const english = NUMBER_WORDS.indexOf(word);
  if (english >= 0) return english + 1;
  const chinese = parseChineseNumeral(word);
  return chinese ?? Number.parseInt(word, 10);
}

/** A count of the items themselves ("three of them"), as against a pack size ("1 pair each"). */
const OF_THE_ITEMS = /\bof (?:them|these|those)\b/iu;

/** The message's quantity; of several ("1 pair each, three of them"), the one that counts the items. */
export function quantityOf(turn: RulesTurn): number | null {
  const quantities = turn.understanding.entities.filter(
    (e): e is Extract<Entity, { type: 'quantity' }> => e.type === 'quantity',
  );
  const entity = quantities.find((e) => OF_THE_ITEMS.test(e.text)) ?? quantities[0];
  return entity === undefined ? null : entity.value;
}
