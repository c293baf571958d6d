/**
 * Turns query text into a plan: a list of clauses that must all match, each a tree of
 * alternatives over indexed terms. One query word becomes one clause whose alternatives are the
 * word itself, its unit-less or hyphen-joined forms, its synonyms, words within its typo allowance
 * and, for the word still being typed, the words it starts.
 */
import { analyzeWords, type Word } from './analyze-text.js';
import type { SynonymTable } from './synonyms.js';
import type { TermDictionary } from './term-dictionary.js';

export interface WeightedTerm {
  readonly termId: number;
  /** How much a match through this term counts compared to the word as typed. */
  readonly boost: number;
}

export type QueryNode =
  | { readonly kind: 'terms'; readonly terms: readonly WeightedTerm[] }
  | { readonly kind: 'all'; readonly children: readonly QueryNode[] }
  | { readonly kind: 'any'; readonly children: readonly QueryNode[] };

export interface QueryPlan {
  readonly clauses: readonly QueryNode[];
  readonly terms: readonly string[];
  readonly corrected: Readonly<Record<string, string>>;
  readonly ignored: readonly string[];
}

const BOOST = { synonym: 0.9, prefix: 0.8, split: 0.8, oneTypo: 0.6, twoTypos: 0.4 } as const;

/** Words that carry no product meaning in a shopping query, in English and Chinese. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'for',
  'with',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'my',
  'me',
  'i',
  'want',
  'need',
  'looking',
  'some',
  'any',
  'please',
  'show',
  '的',
  '嗎',
  '吗',
  '呢',
  '吧',
  '我',
  '我想',
  '想',
  '想要',
  '要',
  '買',
  '买',
  '有',
  '有沒有',
  '有没有',
  '還有',
  '还有',
  '請問',
  '请问',
  '一個',
  '一个',
  '一些',
  '給',
  '给',
  '和',
  '跟',
  '與',
  '与',
  '或',
  '找',
]);

function cjkBigrams(word: string): string[] {
  const characters = [...word];
  const bigrams: string[] = [];
  for (let index = 0; index + 1 < characters.length; index += 1) {
    bigrams.push(characters[index]! + characters[index + 1]!);
  }
  return bigrams;
}

function isEmpty(node: QueryNode): boolean {
  if (node.kind === 'terms') return node.terms.length === 0;
  if (node.kind === 'all') return node.children.length === 0 || node.children.some(isEmpty);
  return node.children.every(isEmpty);
}

function any(children: QueryNode[]): QueryNode {
  const useful = children.filter((child) => !isEmpty(child));
  if (useful.length === 1) return useful[0]!;
  return { kind: 'any', children: useful };
}

function all(children: QueryNode[]): QueryNode {
  return children.length === 1 ? children[0]! : { kind: 'all', children };
}

export class QueryPlanner {
  constructor(
    private readonly dictionary: TermDictionary,
    private readonly synonyms: SynonymTable,
  ) {}

  plan(text: string): QueryPlan {
    const analyzed = analyzeWords(text);
    const meaningful = analyzed.filter((word) => !STOP_WORDS.has(word.key));
    const words = meaningful.length > 0 ? meaningful : analyzed;
    const stillTyping = text.length > 0 && !/\s$/.test(text);
    const corrected: Record<string, string> = {};
    const ignored: string[] = [];
    const clauses: QueryNode[] = [];
    const terms: string[] = [];

    let index = 0;
    while (index < words.length) {
      const word = words[index]!;
      const isLast = (offset: number) => stillTyping && index + offset === words.length - 1;
      const synonym = this.synonyms.match(words, index);
      if (synonym !== undefined) {
        const span = words.slice(index, index + synonym.length);
        const typed = all(span.map((spanWord, offset) => this.wordNode(spanWord, isLast(offset), corrected)));
        const alternatives = synonym.alternatives.map((entry) =>
          all(entry.map((entryWord) => this.exactNode(entryWord, BOOST.synonym))),
        );
        this.keep(any([typed, ...alternatives]), span, clauses, terms, ignored);
        index += synonym.length;
        continue;
      }
      const next = words[index + 1];
      const joined =
        next !== undefined && word.kind === 'latin' && next.kind === 'latin' ? word.key + next.key : '';
      if (joined !== '' && this.dictionary.has(joined)) {
        const separate = all([
          this.wordNode(word, false, corrected),
          this.wordNode(next!, isLast(1), corrected),
        ]);
        this.keep(any([this.termsNode([joined], 1), separate]), [word, next!], clauses, terms, ignored);
        index += 2;
        continue;
      }
      this.keep(this.wordNode(word, isLast(0), corrected), [word], clauses, terms, ignored);
      index += 1;
    }
    return { clauses, terms, corrected, ignored };
  }

  /**
   * A clause that matches no indexed term is left out and its words reported as ignored, so one
   * word the catalog never uses does not empty the whole result.
   */
  private keep(
    clause: QueryNode,
    words: readonly Word[],
    clauses: QueryNode[],
    terms: string[],
    ignored: string[],
  ): void {
    const keys = words.map((word) => word.key);
    if (isEmpty(clause)) ignored.push(...keys);
    else {
      clauses.push(clause);
      terms.push(...keys);
    }
  }

  private termsNode(keys: readonly string[], boost: number): QueryNode {
    const found: WeightedTerm[] = [];
    for (const key of keys) {
      const termId = this.dictionary.idOf(key);
      if (termId !== undefined && this.dictionary.documentFrequency(termId) > 0)
        found.push({ termId, boost });
    }
    return { kind: 'terms', terms: found };
  }

  /** The word as written, in any of the forms it is indexed under; no typos or prefixes. */
  private exactNode(word: Word, boost: number): QueryNode {
    const direct = this.termsNode([word.key, ...word.variants], boost);
    if (word.parts.length > 1) {
      return any([direct, all(word.parts.map((part) => this.termsNode([part], boost * BOOST.split)))]);
    }
    if (word.kind === 'cjk' && [...word.key].length >= 3 && !this.dictionary.has(word.key)) {
      return any([
        direct,
        all(cjkBigrams(word.key).map((bigram) => this.termsNode([bigram], boost * BOOST.split))),
      ]);
    }
    return direct;
  }

  private wordNode(word: Word, isLast: boolean, corrected: Record<string, string>): QueryNode {
    const exact = this.exactNode(word, 1);
    const alternatives: QueryNode[] = [exact];
    if (isLast && word.kind !== 'cjk' && word.key.length >= 2) {
      alternatives.push({
        kind: 'terms',
        terms: this.dictionary.withPrefix(word.key).map((termId) => ({ termId, boost: BOOST.prefix })),
      });
    }
    if (isEmpty(any(alternatives)) && word.kind === 'latin') {
      const matches = this.dictionary.fuzzy(word.key);
      const nearest = matches[0];
      if (nearest !== undefined) {
        corrected[word.key] = this.dictionary.termOf(nearest.termId);
        alternatives.push({
          kind: 'terms',
          terms: matches
            .filter((match) => match.distance === nearest.distance)
            .map((match) => ({
              termId: match.termId,
              boost: match.distance === 1 ? BOOST.oneTypo : BOOST.twoTypos,
            })),
        });
      }
    }
    return any(alternatives);
  }
}
