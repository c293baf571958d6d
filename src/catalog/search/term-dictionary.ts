/**
 * The vocabulary of the index: term ids, which products each term occurs in (with the field
 * weight it has there), which variants carry it as an option value or SKU, and the two lookups a
 * query needs beyond exact terms: words within a few typos (symmetric-delete candidates checked
 * with an edit distance) and words that start with what the shopper is still typing.
 */
import { allowedTypos, boundedEditDistance } from './edit-distance.js';

// biome-ignore lint/complexity/useRegexLiterals: a literal with the v flag needs an ES2024 target
const FUZZY_WORD = new RegExp(
  '^[\\p{L}--[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]]{3,16}$',
  'v',
);
/** A prefix expands to at most this many words, the most common first. */
const PREFIX_EXPANSIONS = 24;
/** How far along the sorted vocabulary a prefix scan looks before choosing. */
const PREFIX_SCAN = 4096;

export interface TermMatch {
  readonly termId: number;
  readonly distance: number;
}

function deletesOf(word: string, depth: number, into: Set<string>): void {
  if (depth === 0 || word.length <= 1) return;
  for (let index = 0; index < word.length; index += 1) {
    const shorter = word.slice(0, index) + word.slice(index + 1);
    if (!into.has(shorter)) {
      into.add(shorter);
      deletesOf(shorter, depth - 1, into);
    }
  }
}

/**
 * The products a term occurs in, as parallel arrays (far cheaper to build and scan than a Map
 * per term). Removal is lazy: an entry is live while its stamp equals the stamp of the product
 * now in that slot, and a list is compacted once most of it is dead.
 */
export class Postings {
  readonly slots: number[] = [];
  readonly weights: number[] = [];
  readonly stamps: number[] = [];
  live = 0;

  add(slot: number, weight: number, stamp: number): void {
    this.slots.push(slot);
    this.weights.push(weight);
    this.stamps.push(stamp);
    this.live += 1;
  }

  /** Call after one entry died; `isLive` tells entries that still hold. */
  removed(isLive: (slot: number, stamp: number) => boolean): void {
    this.live -= 1;
    if (this.slots.length < 16 || this.live * 2 > this.slots.length) return;
    let kept = 0;
    for (let index = 0; index < this.slots.length; index += 1) {
      if (!isLive(this.slots[index]!, this.stamps[index]!)) continue;
      this.slots[kept] = this.slots[index]!;
      this.weights[kept] = this.weights[index]!;
      this.stamps[kept] = this.stamps[index]!;
      kept += 1;
    }
    this.slots.length = kept;
    this.weights.length = kept;
    this.stamps.length = kept;
  }
}

export class TermDictionary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  readonly postings: Postings[] = [];
  /** termId → how many variants carry the term as an option value or SKU. */
  readonly variantCarriers: number[] = [];
  private readonly typed: boolean[] = [];
  private readonly deletes = new Map<string, number[]>();
  private sorted: string[] = [];
  private unsorted: string[] = [];

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  termOf(termId: number): string {
    return this.terms[termId] ?? '';
  }

  documentFrequency(termId: number): number {
    return this.postings[termId]?.live ?? 0;
  }

  /** Whether any indexed product currently contains the term. */
  has(term: string): boolean {
    const id = this.ids.get(term);
    return id !== undefined && this.documentFrequency(id) > 0;
  }

  /**
   * The id of a term, added if new. Only `typed` terms (words as written, not two words joined)
   * are offered to prefix and typo matching.
   */
  intern(term: string, typed: boolean): number {
    const known = this.ids.get(term);
    if (known !== undefined) {
      if (typed && !this.typed[known]) this.markTyped(term, known);
      return known;
    }
    const id = this.terms.length;
    this.ids.set(term, id);
    this.terms.push(term);
    this.postings.push(new Postings());
    this.variantCarriers.push(0);
    this.typed.push(false);
    if (typed) this.markTyped(term, id);
    return id;
  }

  private markTyped(term: string, id: number): void {
    this.typed[id] = true;
    this.unsorted.push(term);
    if (FUZZY_WORD.test(term)) {
      const keys = new Set<string>([term]);
      deletesOf(term, term.length >= 6 ? 2 : 1, keys);
      for (const key of keys) {
        const bucket = this.deletes.get(key);
        if (bucket === undefined) this.deletes.set(key, [id]);
        else bucket.push(id);
      }
    }
  }

  /** Indexed words within the typo allowance of `word`'s length, nearest first. */
  fuzzy(word: string): TermMatch[] {
    const limit = allowedTypos(word.length);
    if (limit === 0 || !FUZZY_WORD.test(word)) return [];
    const keys = new Set<string>([word]);
    deletesOf(word, limit, keys);
    const seen = new Set<number>();
    const matches: TermMatch[] = [];
    for (const key of keys) {
      for (const termId of this.deletes.get(key) ?? []) {
        if (seen.has(termId)) continue;
        seen.add(termId);
        if (this.documentFrequency(termId) === 0) continue;
        const distance = boundedEditDistance(word, this.terms[termId]!, limit);
        if (distance <= limit) matches.push({ termId, distance });
      }
    }
    return matches.sort(
      (a, b) =>
        a.distance - b.distance || this.documentFrequency(b.termId) - this.documentFrequency(a.termId),
    );
  }

  /** Indexed words that start with `prefix` (other than the prefix itself), most common first. */
  withPrefix(prefix: string): number[] {
    this.mergeNewTerms();
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let index = low; index < this.sorted.length && index < low + PREFIX_SCAN; index += 1) {
      const term = this.sorted[index]!;
      if (!term.startsWith(prefix)) break;
      const termId = this.ids.get(term)!;
      if (term !== prefix && this.documentFrequency(termId) > 0) found.push(termId);
    }
    found.sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a));
    return found.slice(0, PREFIX_EXPANSIONS);
  }

  private mergeNewTerms(): void {
    if (this.unsorted.length === 0) return;
    // A few new terms are spliced in; a bulk load is cheaper to sort once.
    if (this.unsorted.length < 64) {
      for (const term of this.unsorted) {
        let low = 0;
        let high = this.sorted.length;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (this.sorted[middle]! < term) low = middle + 1;
          else high = middle;
        }
        this.sorted.splice(low, 0, term);
      }
    } else {
      this.sorted = this.sorted.concat(this.unsorted).sort();
    }
    this.unsorted = [];
  }
}
