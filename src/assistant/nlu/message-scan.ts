/**
 * One message prepared for the entity readers: the original text, a lowercase width-folded copy
 * with the same offsets (so a regular expression's match index points into the original), its
 * tokens, and the spans already claimed by an earlier reader, so "27號" is read once, as a size,
 * and never again as a quantity.
 */
import { normalizeText, type Token, tokenize } from './text-tokens.js';
import type { Entity, Span } from './types.js';

export interface MessageScan {
  readonly original: string;
  /** Lowercase and width-folded wherever that keeps the length, so offsets are shared. */
  readonly folded: string;
  readonly tokens: readonly Token[];
  readonly currency: string;
  readonly claimed: Span[];
}

function foldKeepingOffsets(text: string): string {
  let folded = '';
  for (const character of text) {
    const normalized = normalizeText(character);
    folded += normalized.length === character.length ? normalized : character;
  }
  return folded;
}

export function scanMessage(text: string, currency: string): MessageScan {
  return { original: text, folded: foldKeepingOffsets(text), tokens: tokenize(text), currency, claimed: [] };
}

export function isClaimed(scan: MessageScan, start: number, end: number): boolean {
  return scan.claimed.some((span) => start < span.end && span.start < end);
}

export function spanOf(scan: MessageScan, start: number, end: number): Span {
  return { start, end, text: scan.original.slice(start, end) };
}

/** Claims the span of each match of `pattern` that is still free and turns it into entities. */
export function readMatches(
  scan: MessageScan,
  pattern: RegExp,
  toEntity: (match: RegExpExecArray, span: Span) => Entity | undefined,
  group = 0,
): Entity[] {
  const entities: Entity[] = [];
  for (const match of scan.folded.matchAll(pattern)) {
    const offset = group === 0 ? 0 : match[0].indexOf(match[group] ?? '');
    const start = match.index + Math.max(offset, 0);
    const end = group === 0 ? match.index + match[0].length : start + (match[group]?.length ?? 0);
    if (start === end || isClaimed(scan, start, end)) continue;
    const entity = toEntity(match as RegExpExecArray, spanOf(scan, start, end));
    if (entity === undefined) continue;
    scan.claimed.push({ start, end, text: entity.text });
    entities.push(entity);
  }
  return entities;
}
