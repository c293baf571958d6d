/**
 * Which lines of a cart or an order a message points at: "the socks", "the second one", "第二個",
 * the product under discussion, or the only line there is. Titles and option values come from
 * the lines themselves, so this works for any catalog. Every line when none is singled out.
 */
import type { Entity } from '../../nlu/index.js';
import type { RulesTurn } from '../types.js';

export interface NamedLine {
  readonly title: string;
  readonly options: readonly string[];
  /** Known for cart lines; order lines are matched by their words only. */
  readonly productId?: string;
}

export function whichLines<Line extends NamedLine>(turn: RulesTurn, lines: readonly Line[]): readonly Line[] {
  if (lines.length <= 1) return lines;
  const { entities } = turn.understanding;
  const text = turn.text.toLowerCase();

  const named = lines.filter((line) => text.includes(line.title.toLowerCase()));
  if (named.length > 0) return named;

  const ordinal = entities.find(
    (e): e is Extract<Entity, { type: 'reference' }> => e.type === 'reference' && e.reference.kind !== 'this',
  );
  if (ordinal?.reference.kind === 'ordinal') {
    const line = lines[ordinal.reference.position - 1];
    return line === undefined ? [] : [line];
  }
  if (ordinal?.reference.kind === 'last') return lines.slice(-1);

  const terms = entities.filter((e): e is Extract<Entity, { type: 'catalog' }> => e.type === 'catalog');
  if (terms.length > 0) {
    const described = lines.filter((line) => terms.every((term) => describes(term, line)));
    if (described.length > 0) return described;
  }

  const pointing = entities.some((e) => e.type === 'reference' && e.reference.kind === 'this');
  if (pointing && turn.dialogue.focus !== null) {
    const focused = lines.filter((line) => line.productId === turn.dialogue.focus);
    if (focused.length > 0) return focused;
  }
  return lines;
}

function describes(term: Extract<Entity, { type: 'catalog' }>, line: NamedLine): boolean {
  if (line.productId !== undefined && term.productIds?.includes(line.productId) === true) return true;
  const value = term.value.toLowerCase();
  return (
    line.title.toLowerCase().includes(value) ||
    line.options.some((option) => option.toLowerCase() === value) ||
    line.title.toLowerCase().includes(term.text.toLowerCase())
  );
}
