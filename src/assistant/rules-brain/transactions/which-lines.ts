/**
 * Which lines of a cart or an order a message points at: "the socks", "the second one", "第二個",
 * the product under discussion, or the only line there is. Titles and option values come from
 * the lines themselves, so this works for any catalog.
 */
import type { Entity } from '../../nlu/index.js';
import type { RulesTurn } from '../types.js';

export interface NamedLine {
  readonly title: string;
  readonly options: readonly string[];
  /** Known for cart lines; order lines are matched by their words only. */
  readonly productId?: string;
}

type CatalogEntity = Extract<Entity, { type: 'catalog' }>;

/** The lines the message names by title or describes with catalog words; none when it names none. */
export function linesNamed<Line extends NamedLine>(turn: RulesTurn, lines: readonly Line[]): Line[] {
  const text = turn.text.toLowerCase();
  const titled = lines.filter((line) => text.includes(line.title.toLowerCase()));
  if (titled.length > 0) return titled;
  const terms = turn.understanding.entities.filter((e): e is CatalogEntity => e.type === 'catalog');
  if (terms.length === 0) return byChineseWords(turn.text, lines);
  // The lines most of the words describe: "the black socks" is the black pair, and "the Aiguille
  // shell" still names a line whose title has no "shell".
  const scored = lines.map((line) => ({ line, score: terms.filter((term) => describes(term, line)).length }));
  const best = Math.max(...scored.map((s) => s.score));
  return best === 0 ? [] : scored.filter((s) => s.score === best).map((s) => s.line);
}

/** The lines meant; every line when the message singles none out. */
export function whichLines<Line extends NamedLine>(turn: RulesTurn, lines: readonly Line[]): readonly Line[] {
  if (lines.length <= 1) return lines;
  const named = linesNamed(turn, lines);
  if (named.length > 0) return named;
  const { entities } = turn.understanding;
  const ordinal = entities.find(
    (e): e is Extract<Entity, { type: 'reference' }> => e.type === 'reference' && e.reference.kind !== 'this',
  );
  if (ordinal?.reference.kind === 'ordinal') {
    const line = lines[ordinal.reference.position - 1];
    return line === undefined ? [] : [line];
  }
  if (ordinal?.reference.kind === 'last') return lines.slice(-1);
  const pointing = entities.some((e) => e.type === 'reference' && e.reference.kind === 'this');
  if (pointing && turn.dialogue.focus !== null) {
    const focused = lines.filter((line) => line.productId === turn.dialogue.focus);
    if (focused.length > 0) return focused;
  }
  return lines;
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}{2,}/gu;

/**
 * Chinese words the vocabulary does not know ("保溫杯"): the lines whose titles hold the longest
 * stretch of the message's characters in order (保溫杯 in 保溫露營杯). Stretches every line holds
 * single nothing out.
 */
function byChineseWords<Line extends NamedLine>(text: string, lines: readonly Line[]): Line[] {
  let best = 1;
  let chosen: Line[] = [];
  for (const run of text.match(HAN_RUN) ?? []) {
    for (let size = Math.min(run.length, 6); size > best - 1 && size >= 2; size -= 1) {
      for (let start = 0; start + size <= run.length; start += 1) {
        const word = run.slice(start, start + size);
        const holding = lines.filter((line) => inOrder(word, line.title));
        if (holding.length === 0 || holding.length === lines.length) continue;
        if (size > best) {
          best = size;
          chosen = holding;
        } else if (size === best) {
          chosen = [...new Set([...chosen, ...holding])];
        }
      }
    }
  }
  return chosen;
}

/** Whether every character of `word` appears in `title` in order: 保溫杯 in 保溫露營杯. */
function inOrder(word: string, title: string): boolean {
  let at = 0;
  for (const char of word) {
    at = title.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

/** Words of a catalog value long enough to mean something alone ("shell" of "Shell jackets"). */
function wordsOf(value: string): string[] {
  return value
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 4);
}

function describes(term: CatalogEntity, line: NamedLine): boolean {
  if (line.productId !== undefined && term.productIds?.includes(line.productId) === true) return true;
  const title = line.title.toLowerCase();
  if (line.options.some((option) => option.toLowerCase() === term.value.toLowerCase())) return true;
  if (title.includes(term.value.toLowerCase()) || title.includes(term.text.toLowerCase())) return true;
  if (HAN.test(term.text) && term.text.length >= 2 && inOrder(term.text, line.title)) return true;
  const words = title.split(/[^\p{L}\p{N}]+/u);
  return wordsOf(term.value).some((word) => words.includes(word));
}
