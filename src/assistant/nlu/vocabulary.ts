/**
 * The words a shopper can use for this store, taken from the catalog's own data: category names
 * at every level, product types, brands, option and attribute values, tags and product names,
 * plus merchant synonyms that lead other words (and the other language) to them. Products can be
 * upserted and removed one by one; every phrase counts the products that use it, so a change costs
 * only that product's terms.
 */
import type { Product } from '../../catalog/index.js';
import type { SynonymGroups } from '../../catalog/search/index.js';
import { withinOneEdit } from './one-edit.js';
import { phraseKey, type Token, tokenize } from './text-tokens.js';
import type { CatalogTerm, CatalogTermKind } from './types.js';

export interface VocabularyOptions {
  /** Groups of words that mean the same thing, across languages (the search synonyms). */
  readonly synonyms?: SynonymGroups;
}

export interface Vocabulary {
  upsert(product: Product): void;
  remove(productId: string): void;
  /** Terms a phrase key names, best kind first ("hiking shoes" is a product type before a category). */
  lookup(key: string): readonly CatalogTerm[];
  /** Option values written with a number ("150 g", "1 L"), under their compact key ("150g", "1l"). */
  lookupMeasure(compactKey: string): readonly CatalogTerm[];
  /**
   * The vocabulary word one typo away from an unknown Latin word of six letters or more, with the same first letter
   * ("waterprof" → "waterproof"); undefined when the word is known, short, or the typo is ambiguous.
   */
  correctWord(word: string): string | undefined;
  /** Names of options that hold sizes, as the catalog spells them. */
  sizeOptionNames(): readonly string[];
  /** Longest phrase, in tokens. */
  readonly maxPhraseTokens: number;
  readonly phraseCount: number;
}

const KIND_ORDER: readonly CatalogTermKind[] = [
  'productType',
  'category',
  'brand',
  'option',
  'attribute',
  'tag',
  'product',
];
const SIZE_OPTION = /^(size|sizes|尺寸|尺碼|尺码|鞋碼)$/iu;
const HAS_DIGIT = /\d/u;
/** Values that would fire on everyday words rather than on a mention of the catalog. */
const TOO_GENERIC = new Set([
  'yes',
  'no',
  'true',
  'false',
  'n/a',
  'none',
  'other',
  'one size',
  'default title',
  // Option values that are everyday words: "how long", "regular price".
  'long',
  'short',
  'regular',
  'standard',
]);
const MAX_PHRASE_TOKENS = 12;
const MAX_NAME_WORDS = 2;
/** Words a model name may run to before its number ("Trail Run 900", "Beacon 400"). */
const MAX_MODEL_WORDS = 4;
/** A number followed by one of these is a measure ("Skillet 26 cm"), not a model number. */
const UNIT_WORD =
  /^(?:cm|mm|m|l|ml|g|kg|oz|lb|lbs|in|inch|inches|ft|qt|w|mah|lm|p|pcs|pack|pairs?|person|people)$/u;
/**
 * Shorter words are too often other everyday words one letter away ("store" / "stove", "place" /
 * "pace"); so are words differing in their first letter ("weather" / "leather").
 */
const MIN_CORRECTED_LENGTH = 6;
const TOKEN_CACHE_SIZE = 50_000;
const HAN = /\p{Script=Han}/u;
/** A product name is read from the start of a title; the rest never matters. */
const TITLE_HEAD_LENGTH = 48;

interface Counted {
  readonly term: CatalogTerm;
  count: number;
}

interface Contribution {
  readonly phrases: readonly (readonly [string, string])[];
  readonly measures: readonly (readonly [string, string])[];
  readonly names: readonly string[];
  readonly sizeOptions: readonly string[];
}

function termId(term: CatalogTerm): string {
  return `${term.kind}\u0000${term.name ?? ''}\u0000${term.value}`;
}

function compactKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

class CatalogVocabulary implements Vocabulary {
  private readonly phrases = new Map<string, Map<string, Counted>>();
  private readonly measures = new Map<string, Map<string, Counted>>();
  private readonly names = new Map<string, { value: string; ids: Set<string> }>();
  private readonly sizeOptions = new Map<string, number>();
  private readonly aliases = new Map<string, string[]>();
  private readonly contributions = new Map<string, Contribution>();
  private readonly synonymWords = new Set<string>();
  private longest = 1;
  /** Words of every phrase by length, rebuilt on the first correction after a change. */
  private wordsByLength: Map<number, string[]> | undefined;
  private knownWords = new Set<string>();
  /** Catalogs repeat their values ("Black", "Footwear") on product after product. */
  private readonly tokenCache = new Map<string, readonly Token[]>();

  constructor(synonyms: SynonymGroups) {
    for (const group of synonyms) {
      const keys = group.map((entry) => {
        const tokens = tokenize(entry);
        this.longest = Math.max(this.longest, Math.min(tokens.length, MAX_PHRASE_TOKENS));
        for (const token of tokens) this.synonymWords.add(token.key);
        return phraseKey(tokens);
      });
      for (const key of keys) {
        if (key === '') continue;
        const known = this.aliases.get(key) ?? [];
        for (const other of keys)
          if (other !== key && other !== '' && !known.includes(other)) known.push(other);
        this.aliases.set(key, known);
      }
    }
  }

  get maxPhraseTokens(): number {
    return this.longest;
  }

  get phraseCount(): number {
    return this.phrases.size + this.names.size;
  }

  upsert(product: Product): void {
    this.remove(product.id);
    this.wordsByLength = undefined;
    if (product.status !== 'active') return;
    const contribution = this.contributionOf(product);
    for (const [key, id] of contribution.phrases) this.count(this.phrases, key, id, product, 1);
    for (const [key, id] of contribution.measures) this.count(this.measures, key, id, product, 1);
    for (const key of contribution.names) {
      const entry = this.names.get(key) ?? { value: key, ids: new Set<string>() };
      entry.ids.add(product.id);
      this.names.set(key, entry);
    }
    for (const name of contribution.sizeOptions)
      this.sizeOptions.set(name, (this.sizeOptions.get(name) ?? 0) + 1);
    this.contributions.set(product.id, contribution);
  }

  remove(productId: string): void {
    const contribution = this.contributions.get(productId);
    if (contribution === undefined) return;
    this.wordsByLength = undefined;
    for (const [key, id] of contribution.phrases) this.count(this.phrases, key, id, undefined, -1);
    for (const [key, id] of contribution.measures) this.count(this.measures, key, id, undefined, -1);
    for (const key of contribution.names) {
      const entry = this.names.get(key);
      entry?.ids.delete(productId);
      if (entry?.ids.size === 0) this.names.delete(key);
    }
    for (const name of contribution.sizeOptions) {
      const left = (this.sizeOptions.get(name) ?? 1) - 1;
      if (left === 0) this.sizeOptions.delete(name);
      else this.sizeOptions.set(name, left);
    }
    this.contributions.delete(productId);
  }

  lookup(key: string): readonly CatalogTerm[] {
    const direct = this.best(this.phrases.get(key));
    if (direct.length > 0) return direct;
    for (const alias of this.aliases.get(key) ?? []) {
      const found = this.best(this.phrases.get(alias));
      if (found.length > 0) return found;
    }
    const name = this.names.get(key);
    if (name !== undefined) return [{ kind: 'product', value: name.value, productIds: [...name.ids] }];
    return [];
  }

  correctWord(word: string): string | undefined {
    if (word.length < MIN_CORRECTED_LENGTH || !/^[a-z]+$/u.test(word)) return undefined;
    const byLength = this.wordIndex();
    if (this.knownWords.has(word)) return undefined;
    const found = new Set<string>();
    for (const length of [word.length - 1, word.length, word.length + 1]) {
      for (const candidate of byLength.get(length) ?? []) {
        if (candidate[0] === word[0] && withinOneEdit(word, candidate)) found.add(candidate);
      }
    }
    return found.size === 1 ? [...found][0] : undefined;
  }

  private wordIndex(): Map<number, string[]> {
    if (this.wordsByLength !== undefined) return this.wordsByLength;
    const words = new Set<string>();
    // Product names are left out: a typo is likelier in a word than in a proper name.
    for (const key of [...this.phrases.keys(), ...this.aliases.keys()]) {
      for (const word of key.split(' ')) if (/^[a-z]+$/u.test(word)) words.add(word);
    }
    const byLength = new Map<number, string[]>();
    for (const word of words) {
      if (word.length < MIN_CORRECTED_LENGTH - 1) continue;
      const bucket = byLength.get(word.length) ?? [];
      bucket.push(word);
      byLength.set(word.length, bucket);
    }
    this.knownWords = words;
    this.wordsByLength = byLength;
    return byLength;
  }

  lookupMeasure(key: string): readonly CatalogTerm[] {
    return this.best(this.measures.get(key));
  }

  sizeOptionNames(): readonly string[] {
    return [...this.sizeOptions.keys()];
  }

  private tokensOf(text: string): readonly Token[] {
    const cached = this.tokenCache.get(text);
    if (cached !== undefined) return cached;
    const tokens = tokenize(text);
    if (this.tokenCache.size >= TOKEN_CACHE_SIZE) this.tokenCache.clear();
    this.tokenCache.set(text, tokens);
    return tokens;
  }

  private best(found: Map<string, Counted> | undefined): CatalogTerm[] {
    if (found === undefined || found.size === 0) return [];
    let bestRank = KIND_ORDER.length;
    for (const { term } of found.values()) bestRank = Math.min(bestRank, KIND_ORDER.indexOf(term.kind));
    const candidates = [...found.values()].filter(({ term }) => KIND_ORDER.indexOf(term.kind) === bestRank);
    // "Grey" is a colour on many products and a lens on a few: the commoner reading wins.
    const most = Math.max(...candidates.map(({ count }) => count));
    return candidates.filter(({ count }) => count === most).map(({ term }) => term);
  }

  private count(
    table: Map<string, Map<string, Counted>>,
    key: string,
    id: string,
    product: Product | undefined,
    delta: 1 | -1,
  ): void {
    const terms = table.get(key) ?? new Map<string, Counted>();
    const counted = terms.get(id);
    if (counted !== undefined) counted.count += delta;
    else if (delta === 1 && product !== undefined) terms.set(id, { term: parseTermId(id), count: 1 });
    if (terms.get(id)?.count === 0) terms.delete(id);
    if (terms.size === 0) table.delete(key);
    else table.set(key, terms);
  }

  private contributionOf(product: Product): Contribution {
    const phrases: [string, string][] = [];
    const measures: [string, string][] = [];
    const ownWords = new Set<string>();
    const add = (text: string, term: CatalogTerm): void => {
      const trimmed = text.trim();
      if (trimmed === '' || TOO_GENERIC.has(trimmed.toLowerCase())) return;
      if (HAS_DIGIT.test(trimmed)) {
        if (term.kind === 'option') measures.push([compactKey(trimmed), termId(term)]);
        return;
      }
      const tokens = this.tokensOf(trimmed);
      // One- and two-letter values ("S", "M", "2E") are sizes; the size reader handles them.
      if (
        tokens.length === 0 ||
        (tokens.length === 1 && tokens[0]!.kind !== 'cjk' && tokens[0]!.key.length <= 2)
      ) {
        return;
      }
      for (const token of tokens) ownWords.add(token.key);
      this.longest = Math.max(this.longest, Math.min(tokens.length, MAX_PHRASE_TOKENS));
      phrases.push([phraseKey(tokens), termId(term)]);
    };
    for (const category of product.categoryPath) add(category, { kind: 'category', value: category });
    if (product.productType !== null)
      add(product.productType, { kind: 'productType', value: product.productType });
    if (product.brand !== null) add(product.brand, { kind: 'brand', value: product.brand });
    const sizeOptions: string[] = [];
    for (const option of product.options) {
      const sizeLike =
        SIZE_OPTION.test(option.name) ||
        Object.values(option.localizedName ?? {}).some((name) => SIZE_OPTION.test(name));
      if (sizeLike) sizeOptions.push(option.name);
      for (const value of option.values) add(value, { kind: 'option', name: option.name, value });
    }
    for (const [name, value] of Object.entries(product.attributes)) {
      const values = typeof value === 'string' ? [value] : value;
      for (const each of values) add(each, { kind: 'attribute', name, value: each });
    }
    for (const tag of product.tags) add(tag, { kind: 'tag', value: tag });
    return { phrases, measures, names: this.namesOf(product, ownWords), sizeOptions };
  }

  /** A product's own name is the leading words of its title that are not catalog words: "Aura" of "Aura Mid WP Hiking Boot". */
  private namesOf(product: Product, ownWords: ReadonlySet<string>): string[] {
    const names = new Set<string>();
    for (const title of Object.values(product.title)) {
      // Names are Latin words ("Aura"); a Chinese title's name is its Latin head, if any.
      const head = title.slice(0, TITLE_HEAD_LENGTH).split(HAN, 1)[0] ?? '';
      const tokens = head === '' ? [] : tokenize(head);
      const words: Token[] = [];
      for (const token of tokens) {
        if (words.length === 0 && product.brand?.toLowerCase().includes(token.text) === true) continue;
        if (token.kind !== 'word' || ownWords.has(token.key) || this.synonymWords.has(token.key)) break;
        words.push(token);
        if (words.length === MAX_NAME_WORDS) break;
      }
      const key = phraseKey(words);
      if (key.length >= 3) names.add(key);
      const model = modelName(tokens, product.brand);
      if (model !== null) names.add(model);
    }
    return [...names];
  }
}

/**
 * A title's model name: its leading words through a model number, "Trail Run 900" of "Trail Run
 * 900 Headlamp", even when they are catalog words too; the number is what makes it a name.
 */
function modelName(tokens: readonly Token[], brand: string | null): string | null {
  const start =
    brand !== null && tokens[0] !== undefined && brand.toLowerCase().includes(tokens[0].text.toLowerCase())
      ? 1
      : 0;
  for (let index = start + 1; index < Math.min(tokens.length, start + MAX_MODEL_WORDS); index += 1) {
    const token = tokens[index]!;
    if (token.kind === 'number') {
      const next = tokens[index + 1];
      if (next !== undefined && UNIT_WORD.test(next.key)) return null;
      return phraseKey(tokens.slice(start, index + 1));
    }
    if (token.kind !== 'word') return null;
  }
  return null;
}

function parseTermId(id: string): CatalogTerm {
  const [kind, name, value] = id.split('\u0000') as [CatalogTermKind, string, string];
  return name === '' ? { kind, value } : { kind, name, value };
}

/** Builds the vocabulary of a catalog; keep it and feed it later changes with `upsert` / `remove`. */
export function buildVocabulary(products: Iterable<Product>, options: VocabularyOptions = {}): Vocabulary {
  const vocabulary = new CatalogVocabulary(options.synonyms ?? []);
  for (const product of products) vocabulary.upsert(product);
  return vocabulary;
}
