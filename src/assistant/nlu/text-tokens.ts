/**
 * Splits a message into tokens that keep their offsets in the original text, so every entity can
 * point at what the shopper wrote. Latin text splits on non-word characters; Chinese text becomes
 * one token per character, marked with the word boundaries Intl.Segmenter finds, so a vocabulary
 * phrase can be matched whole across the segmenter's choices (登山 + 鞋 → 登山鞋).
 *
 * The catalog search keeps its own analyzer private (src/catalog/search/analyze-text.ts); the
 * plural folding here stays deliberately smaller than its stemmer and only serves phrase lookup.
 */

export type TokenKind = 'word' | 'number' | 'cjk';

export interface Token {
  /** Folded form used for lookups: lowercase, width-folded, singular. */
  readonly key: string;
  /** Lowercased, width-folded text as written. */
  readonly text: string;
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** For CJK characters: a segmenter word starts / ends here. */
  readonly segmentStart: boolean;
  readonly segmentEnd: boolean;
}

const CJK = /[\p{Script=Han}\u3005\u3007]/u;
const LATIN_TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const NUMBER = /^\d+(?:[.,]\d+)*$/;
const KEEP_ENDINGS = ['ss', 'us', 'is', 'ous', 'ics'];
/** Plurals no ending rule folds without breaking others ("gloves" must stay "glove"). */
const IRREGULAR: Readonly<Record<string, string>> = {
  knives: 'knife',
  leaves: 'leaf',
  shelves: 'shelf',
  halves: 'half',
  loaves: 'loaf',
};

let segmenter: Intl.Segmenter | undefined;
function chineseSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh-TW', { granularity: 'word' });
  return segmenter;
}

/** Width folding and lowercase: "ＮＴ＄５００" reads as "nt$500". */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function isCjkCharacter(character: string): boolean {
  return CJK.test(character);
}

/** "jackets" → "jacket", "berries" → "berry", "men's" → "men"; short words stay as they are. */
export function foldWord(word: string): string {
  const plain = word.replace(/['’]s?$/u, '');
  const irregular = IRREGULAR[plain];
  if (irregular !== undefined) return irregular;
  // "beanie" and "beanies", "berry" and "berries" all meet at the -y form.
  if (plain.length > 4 && plain.endsWith('ie')) return `${plain.slice(0, -2)}y`;
  if (plain.length <= 3 || !plain.endsWith('s')) return plain;
  if (KEEP_ENDINGS.some((ending) => plain.endsWith(ending))) return plain;
  if (plain.endsWith('ies') && plain.length > 4) return `${plain.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z)es$/u.test(plain)) return plain.slice(0, -2);
  return plain.slice(0, -1);
}

interface Piece {
  readonly text: string;
  readonly start: number;
}

/** Normalizes character by character, so offsets map back to the original text. */
function normalizedPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  const whole = normalizeText(text);
  // Most text keeps its length when folded, and then every character keeps its offset.
  if (whole.length === text.length) {
    for (const character of whole) {
      pieces.push({ text: character, start: offset });
      offset += character.length;
    }
    return pieces;
  }
  for (const character of text) {
    pieces.push({ text: normalizeText(character), start: offset });
    offset += character.length;
  }
  return pieces;
}

function pushCjkRun(tokens: Token[], run: Piece[], end: number): void {
  const joined = run.map((piece) => piece.text).join('');
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const segment of chineseSegmenter().segment(joined)) {
    starts.add(segment.index);
    ends.add(segment.index + segment.segment.length);
  }
  let position = 0;
  run.forEach((piece, index) => {
    const next = run[index + 1];
    tokens.push({
      key: piece.text,
      text: piece.text,
      kind: 'cjk',
      start: piece.start,
      end: next?.start ?? end,
      segmentStart: starts.has(position),
      segmentEnd: ends.has(position + piece.text.length),
    });
    position += piece.text.length;
  });
}

function pushLatinRun(tokens: Token[], run: Piece[], end: number): void {
  const joined = run.map((piece) => piece.text).join('');
  // Map offsets in the joined normalized text back to the original text.
  const original: number[] = [];
  run.forEach((piece) => {
    for (let index = 0; index < piece.text.length; index += 1) original.push(piece.start);
  });
  original.push(end);
  for (const match of joined.matchAll(LATIN_TOKEN)) {
    const text = match[0];
    const startIndex = match.index;
    const kind: TokenKind = NUMBER.test(text) ? 'number' : 'word';
    tokens.push({
      key: kind === 'number' ? text.replace(/,/g, '') : foldWord(text),
      text,
      kind,
      start: original[startIndex]!,
      end: original[startIndex + text.length] ?? end,
      segmentStart: true,
      segmentEnd: true,
    });
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let run: Piece[] = [];
  let runIsCjk = false;
  const flush = (end: number): void => {
    if (run.length === 0) return;
    if (runIsCjk) pushCjkRun(tokens, run, end);
    else pushLatinRun(tokens, run, end);
    run = [];
  };
  for (const piece of normalizedPieces(text)) {
    const cjk = isCjkCharacter(piece.text);
    if (run.length > 0 && cjk !== runIsCjk) flush(piece.start);
    runIsCjk = cjk;
    run.push(piece);
  }
  flush(text.length);
  return tokens;
}

/** The lookup key of a run of tokens: Chinese characters join directly, everything else by a space. */
export function phraseKey(tokens: readonly Token[], from = 0, to = tokens.length): string {
  let key = '';
  for (let index = from; index < to; index += 1) {
    const token = tokens[index]!;
    const previous = tokens[index - 1];
    const glued = index === from || (token.kind === 'cjk' && previous?.kind === 'cjk');
    key += glued ? token.key : ` ${token.key}`;
  }
  return key;
}
