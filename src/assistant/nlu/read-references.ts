/**
 * References to products already shown: ordinals ("the second one", "第二個"), pointing words
 * ("that one", "這個"), comparisons ("the cheaper one", "最便宜的那件") and descriptions made of
 * catalog words ("the blue one", "藍色那件").
 */
import { isClaimed, type MessageScan, readMatches, spanOf } from './message-scan.js';
import { parseChineseNumeral, parseEnglishNumber, parseEnglishOrdinal } from './numerals.js';
import type { Entity, Reference, Span } from './types.js';

const ORDINAL_WORD = String.raw`(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|5th|6th|last|latter|former)`;
const REFERENT = String.raw`(?:one|option|item|pair|product|choice|thing)`;
const ENGLISH_ORDINAL = new RegExp(
  String.raw`\bthe\s+${ORDINAL_WORD}\b(?:\s+${REFERENT}\b)?|\b${ORDINAL_WORD}\s+${REFERENT}\b|\b(?:option|item|choice|number|no\.)\s*(\d)\b(?![\d.])`,
  'giu',
);
const CLASSIFIER = String.raw`(?:個|个|款|件|雙|双|支|頂|顶|把|組|组|套|罐|包|盒|項|项|樣|样|種|种|隻|只|台|瓶|條|条)`;
const CHINESE_ORDINAL = new RegExp(
  String.raw`第\s*(\d|[一二三四五六七八九十]{1,2})\s*${CLASSIFIER}?|最後(?:一|那)?${CLASSIFIER}?|最后(?:一|那)?${CLASSIFIER}?`,
  'gu',
);
/** "the first and second", "the first or third pan": an ordinal joined to one just read, without its own "the". */
const ENGLISH_JOINED_ORDINAL = new RegExp(
  String.raw`(?<=\b(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)(?:\s+${REFERENT})?\s+(?:and|or|vs\.?|versus|with)\s+)${ORDINAL_WORD}\b`,
  'giu',
);
/** "the first two", "前兩個": the first n shown, each a reference of its own. */
const ENGLISH_FIRST_N =
  /\b(?:the\s+)?(?:first|top)\s+(two|three|four|2|3|4)\b(?!\s*(?:pairs?|units?|pieces?|items? (?:of|in)))/giu;
const CHINESE_FIRST_N = new RegExp(String.raw`前\s*([兩两二三四2-4])\s*${CLASSIFIER}`, 'gu');
const ENGLISH_COMPARATIVE = new RegExp(
  String.raw`\b(?:the\s+)?(cheaper|cheapest|less expensive|least expensive|more expensive|most expensive|pricier|priciest)\s+${REFERENT}\b|\bthe\s+(cheaper|cheapest|least expensive|most expensive|pricier|priciest)\b`,
  'giu',
);
const CHINESE_COMPARATIVE = new RegExp(
  String.raw`(最便宜|比較便宜|比较便宜|較便宜|较便宜|便宜|最貴|最贵|比較貴|比较贵|較貴|较贵|貴|贵)的?(?:那|這|这)?(?:一)?${CLASSIFIER}`,
  'gu',
);
/** "this", "that one", "those": not the conjunction ("so that") nor time ("this morning"). */
const ENGLISH_THIS =
  /(?<!\b(?:so|think|know|say|said|sure|hope|than|like|all|about)\s)\b(?:this|that|these|those)\b(?:\s+(?:one|ones|pair|item|product|option)\b)?(?!\s+(?:morning|afternoon|evening|week|weekend|month|year|time|way|is why|much)\b)(?!\s+(?:i|you|we|it|they|he|she)\b)/giu;
const CHINESE_THIS = new RegExp(String.raw`(?:這|这|那)(?:[一兩两二三幾几]|\d)?${CLASSIFIER}|它`, 'gu');
const DESCRIBED_ENGLISH_AFTER = new RegExp(String.raw`^\s+${REFERENT}\b`, 'iu');
const DESCRIBED_CHINESE_AFTER = new RegExp(String.raw`^的?(?:那|這|这)(?:一)?${CLASSIFIER}?`, 'u');

function reference(reference: Reference, span: Span): Entity {
  return { type: 'reference', reference, ...span };
}

function ordinalReference(text: string): Reference | undefined {
  const lowered = text.toLowerCase();
  if (lowered === 'last' || lowered === 'latter') return { kind: 'last' };
  if (lowered === 'former') return { kind: 'ordinal', position: 1 };
  const position =
    parseEnglishOrdinal(lowered) ?? parseChineseNumeral(lowered) ?? Number.parseInt(lowered, 10);
  return Number.isInteger(position) && position > 0 ? { kind: 'ordinal', position } : undefined;
}

function comparativeReference(text: string): Reference {
  if (/cheapest|least expensive|最便宜/u.test(text)) return { kind: 'cheapest' };
  if (/priciest|most expensive|最貴|最贵/u.test(text)) return { kind: 'priciest' };
  if (/cheaper|less expensive|便宜/u.test(text)) return { kind: 'cheaper' };
  return { kind: 'pricier' };
}

/** One ordinal reference per position for "the first two" and "前三個", all on the phrase's span. */
function readFirstN(scan: MessageScan, pattern: RegExp): Entity[] {
  const entities: Entity[] = [];
  for (const match of scan.folded.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    const word = (match[1] ?? '').toLowerCase();
    const count = parseEnglishNumber(word) ?? parseChineseNumeral(word) ?? Number.parseInt(word, 10);
    if (!Number.isInteger(count) || isClaimed(scan, start, end)) continue;
    const span = spanOf(scan, start, end);
    scan.claimed.push(span);
    for (let position = 1; position <= count; position += 1) {
      entities.push(reference({ kind: 'ordinal', position }, span));
    }
  }
  return entities;
}

/** Ordinals, comparisons and pointing words; run before prices so "the cheaper one" is not a price wish. */
export function readReferences(scan: MessageScan): Entity[] {
  return [
    ...readFirstN(scan, ENGLISH_FIRST_N),
    ...readFirstN(scan, CHINESE_FIRST_N),
    ...readMatches(scan, ENGLISH_COMPARATIVE, (match, span) =>
      reference(comparativeReference(match[0]), span),
    ),
    ...readMatches(scan, CHINESE_COMPARATIVE, (match, span) =>
      reference(comparativeReference(match[1]!), span),
    ),
    ...readMatches(scan, ENGLISH_ORDINAL, (match, span) => {
      const found = ordinalReference(match[1] ?? match[2] ?? match[3]!);
      return found === undefined ? undefined : reference(found, span);
    }),
    ...readMatches(scan, ENGLISH_JOINED_ORDINAL, (match, span) => {
      const found = ordinalReference(match[1] ?? '');
      return found === undefined ? undefined : reference(found, span);
    }),
    ...readMatches(scan, CHINESE_ORDINAL, (match, span) => {
      if (match[1] === undefined) return reference({ kind: 'last' }, span);
      const found = ordinalReference(match[1]);
      return found === undefined ? undefined : reference(found, span);
    }),
  ];
}

export function readPointingWords(scan: MessageScan): Entity[] {
  return [
    ...readMatches(scan, ENGLISH_THIS, (_match, span) => reference({ kind: 'this' }, span)),
    ...readMatches(scan, CHINESE_THIS, (_match, span) => reference({ kind: 'this' }, span)),
  ];
}

/** "the blue one", "藍色那件": a catalog word with a pointing word around it. */
export function readDescribedReferences(scan: MessageScan, found: readonly Entity[]): Entity[] {
  const entities: Entity[] = [];
  for (const entity of found) {
    if (entity.type !== 'catalog' || entity.kind === 'product') continue;
    const after = scan.original.slice(entity.end);
    const before = scan.folded.slice(Math.max(0, entity.start - 4), entity.start);
    const english = /\bthe\s+$/u.test(before) ? DESCRIBED_ENGLISH_AFTER.exec(after) : null;
    const chinese = DESCRIBED_CHINESE_AFTER.exec(after);
    const tail = english ?? (chinese !== null && chinese[0] !== '' ? chinese : null);
    if (tail === null) continue;
    const end = entity.end + tail[0].length;
    if (isClaimed(scan, entity.end, end)) continue;
    const span = spanOf(scan, entity.end, end);
    scan.claimed.push(span);
    entities.push(reference({ kind: 'described' }, spanOf(scan, entity.start, end)));
  }
  return entities;
}
