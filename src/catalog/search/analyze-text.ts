/**
 * Text analysis shared by documents and queries, so both sides produce the same terms:
 * Unicode width folding (NFKC), lowercase, Latin accent folding, plural stemming, hyphen joining
 * ("gore-tex" is also "goretex"), numbers with a unit ("26號", "26cm" are also "26"), and CJK word
 * segmentation with Intl.Segmenter plus character bigrams and unigrams for documents, so a query
 * the segmenter splits differently from the document still finds it.
 */
import { stemEnglish } from './stem-english.js';

export type WordKind = 'latin' | 'number' | 'cjk';

export interface Word {
  /** The term the word is indexed and looked up under. */
  readonly key: string;
  readonly kind: WordKind;
  /** Keys of the pieces of a hyphenated word: "gore-tex" → ["gore", "tex"]. */
  readonly parts: readonly string[];
  /** Extra terms that also stand for the word: "26cm" for the number 26 written with a unit. */
  readonly variants: readonly string[];
}

const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー]';
const ALPHANUMERIC_CLASS = `[[\\p{L}\\p{N}]--${CJK_CLASS}]`;
const ALPHANUMERIC_RUN = `${ALPHANUMERIC_CLASS}+(?:[\\-.\\&+\\/]${ALPHANUMERIC_CLASS}+)*`;
const CHUNK = new RegExp(`(${CJK_CLASS}+)|(${ALPHANUMERIC_RUN})`, 'gv');
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const NUMBER = /^\d+(?:\.\d+)?$/;
const NUMBER_WITH_UNIT = /^(\d+(?:\.\d+)?)(\p{L}+)$/u;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’`]/g;

/** Units and measure words that may follow a number: "26號", "500ml", "2 公升", "3入". */
const UNITS = new Set([
  '號',
  '号',
  '碼',
  '码',
  '吋',
  '寸',
  '公分',
  '公釐',
  '毫米',
  '公尺',
  '米',
  '公升',
  '升',
  '毫升',
  '公斤',
  '克',
  '公克',
  '入',
  '件',
  '片',
  '包',
  '條',
  '条',
  '雙',
  '双',
  '個',
  '个',
  '盒',
  '罐',
  '瓶',
  '袋',
  '元',
  'cm',
  'mm',
  'm',
  'l',
  'ml',
  'kg',
  'g',
  'oz',
  'lb',
  'lbs',
  'in',
  'inch',
  'ft',
  'pc',
  'pcs',
  'pack',
  'eu',
  'us',
  'uk',
]);
/** Units that are also words on their own, so they are consumed only when written onto the number. */
const ATTACHED_ONLY_UNITS = new Set(['m', 'l', 'g', 'in', 'us', 'uk', 'eu', 'pack']);

let segmenter: Intl.Segmenter | undefined;
function cjkSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh-TW', { granularity: 'word' });
  return segmenter;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL by definition
const ASCII = /^[\x00-\x7f]*$/;

export function normalizeText(text: string): string {
  // Width, compatibility and accent folding leave ASCII as it is; most catalog text is ASCII.
  if (ASCII.test(text)) return text.toLowerCase().replace(APOSTROPHES, '');
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '')
    .normalize('NFC');
}

export function isCjk(text: string): boolean {
  return CJK_CHARACTER.test(text);
}

const LETTERS = /^\p{L}+$/u;
const ASCII_LETTERS = /^[a-z]+$/;

function isLetters(text: string): boolean {
  // The Unicode property test costs tens of milliseconds to compile; ASCII words never need it.
  return ASCII_LETTERS.test(text) || (!ASCII.test(text) && LETTERS.test(text));
}

function latinKey(text: string): string {
  return isLetters(text) ? stemEnglish(text) : text;
}

/** Catalog text repeats its words; analyzing each distinct word once saves most of a bulk load. */
const wordCache = new Map<string, Word>();
const WORD_CACHE_SIZE = 100_000;

function alphanumericWord(chunk: string): Word {
  const cached = wordCache.get(chunk);
  if (cached !== undefined) return cached;
  const word = analyzeAlphanumeric(chunk);
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
  wordCache.set(chunk, word);
  return word;
}

function analyzeAlphanumeric(chunk: string): Word {
  if (NUMBER.test(chunk)) return { key: chunk, kind: 'number', parts: [], variants: [] };
  const withUnit = NUMBER_WITH_UNIT.exec(chunk);
  if (withUnit && UNITS.has(withUnit[2]!)) {
    return { key: withUnit[1]!, kind: 'number', parts: [], variants: [chunk] };
  }
  const pieces = chunk.split(/[-.&+/]/).filter((piece) => piece !== '');
  if (pieces.length > 1) {
    return { key: latinKey(pieces.join('')), kind: 'latin', parts: pieces.map(latinKey), variants: [] };
  }
  return { key: latinKey(chunk), kind: 'latin', parts: [], variants: [] };
}

interface Chunk {
  readonly text: string;
  readonly cjk: boolean;
}

function chunksOf(normalized: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const match of normalized.matchAll(CHUNK)) {
    chunks.push({ text: match[0], cjk: match[1] !== undefined });
  }
  return chunks;
}

/** Segmenting costs tens of microseconds a call and catalog text repeats its phrases. */
const segmentCache = new Map<string, readonly string[]>();
const SEGMENT_CACHE_SIZE = 50_000;

function segmentCjk(run: string): readonly string[] {
  const cached = segmentCache.get(run);
  if (cached !== undefined) return cached;
  const words: string[] = [];
  for (const segment of cjkSegmenter().segment(run)) {
    if (segment.isWordLike) words.push(segment.segment);
  }
  if (segmentCache.size >= SEGMENT_CACHE_SIZE) segmentCache.clear();
  segmentCache.set(run, words);
  return words;
}

/**
 * Splits text into words, in order. A unit right after a number is folded into the number
 * rather than kept as a word of its own.
 */
export function analyzeWords(text: string): Word[] {
  return wordsOf(chunksOf(normalizeText(text)));
}

function wordsOf(chunks: readonly Chunk[]): Word[] {
  const words: Word[] = [];
  for (const chunk of chunks) {
    const previous = words.at(-1);
    const followsNumber = previous?.kind === 'number';
    if (chunk.cjk) {
      const segmented = segmentCjk(chunk.text);
      segmented.forEach((segment, index) => {
        if (index === 0 && followsNumber && UNITS.has(segment)) return;
        words.push({ key: segment, kind: 'cjk', parts: [], variants: [] });
      });
      continue;
    }
    if (followsNumber && UNITS.has(chunk.text) && !ATTACHED_ONLY_UNITS.has(chunk.text)) continue;
    words.push(alphanumericWord(chunk.text));
  }
  return words;
}

/** Bigrams and single characters of a CJK run, which back up the segmenter's word choices. */
function cjkGrams(run: string): string[] {
  const characters = [...run];
  const grams: string[] = [...characters];
  for (let index = 0; index + 1 < characters.length; index += 1) {
    grams.push(characters[index]! + characters[index + 1]!);
  }
  return grams;
}

/**
 * Every term a document field is indexed under. With `joinedInto`, two adjacent letter words are
 * also given joined ("gore tex" → "goretex"), so a query written as one word finds them; they are
 * kept apart because they are not words a shopper types the start of.
 */
export function documentTerms(text: string, joinedInto?: string[]): string[] {
  const terms: string[] = [];
  const chunks = chunksOf(normalizeText(text));
  for (const chunk of chunks) {
    if (chunk.cjk) terms.push(...segmentCjk(chunk.text), ...cjkGrams(chunk.text));
  }
  const words = wordsOf(chunks);
  words.forEach((word, index) => {
    if (word.kind === 'cjk') return;
    terms.push(word.key, ...word.parts, ...word.variants);
    const next = words[index + 1];
    // Only letter words join: a model number glued to a noun ("jacketa123") helps no shopper.
    if (joinedInto !== undefined && isLetters(word.key) && next !== undefined && isLetters(next.key)) {
      joinedInto.push(latinKey(word.key + next.key));
    }
  });
  return terms;
}
