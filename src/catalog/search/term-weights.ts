/**
 * The weight each term of a product carries: the sum of the weights of the fields it occurs in,
 * counted once per field. Accumulated by term id in arrays reused from one upsert to the next,
 * rather than a map of objects per product, which dominated the cost of building a large index.
 */
import type { Product } from '../types.js';
import { documentTerms } from './analyze-text.js';
import type { TermDictionary } from './term-dictionary.js';
import { ensure } from './typed-arrays.js';

/** Title words count most, then what a shopper names a product by, then the long text. */
const FIELD_WEIGHT = {
  title: 10,
  sku: 8,
  brand: 6,
  category: 6,
  productType: 5,
  tags: 4,
  options: 3,
  attributes: 3,
  description: 1,
} as const;

function fieldTexts(product: Product): [keyof typeof FIELD_WEIGHT, string][] {
  const attributeValues = Object.values(product.attributes).flatMap((value) =>
    typeof value === 'string' ? [value] : value,
  );
  const skus = product.variants.flatMap((variant) => [variant.sku ?? '', variant.barcode ?? '']);
  return [
    ['title', Object.values(product.title).join('\n')],
    ['sku', skus.join('\n')],
    ['brand', product.brand ?? ''],
    ['category', product.categoryPath.join('\n')],
    ['productType', product.productType ?? ''],
    ['tags', product.tags.join('\n')],
    ['options', product.options.flatMap((option) => option.values).join('\n')],
    ['attributes', attributeValues.join('\n')],
    ['description', Object.values(product.description).join('\n')],
  ];
}

export class TermWeights {
  /** Term id → weight so far in the product being indexed (0 when not in it). */
  private weight = new Float64Array(1024);
  /** Term id → the last list it was counted in, so a term counts once per list. */
  private countedIn = new Int32Array(1024);
  private list = 0;

  constructor(private readonly dictionary: TermDictionary) {}

  /** Adds the product's terms to their posting lists; returns the ids of those terms. */
  post(product: Product, slot: number, stamp: number): number[] {
    const termIds: number[] = [];
    const joined: string[] = [];
    for (const [field, text] of fieldTexts(product)) {
      if (text === '') continue;
      joined.length = 0;
      const weight = FIELD_WEIGHT[field];
      this.add(documentTerms(text, field === 'description' ? undefined : joined), weight, true, termIds);
      this.add(joined, weight, false, termIds);
    }
    for (const termId of termIds) {
      this.dictionary.postings[termId]!.add(slot, this.weight[termId]!, stamp);
      this.weight[termId] = 0;
    }
    return termIds;
  }

  /** `typed`: written as a word, rather than only two neighbouring words joined. */
  private add(terms: readonly string[], weight: number, typed: boolean, termIds: number[]): void {
    this.list += 1;
    if (this.list === 0x7fffffff) {
      this.countedIn.fill(0);
      this.list = 1;
    }
    for (const term of terms) {
      const termId = this.dictionary.intern(term, typed);
      if (termId >= this.weight.length) {
        this.weight = ensure(this.weight, termId + 1);
        this.countedIn = ensure(this.countedIn, termId + 1);
      }
      if (this.countedIn[termId] === this.list) continue;
      this.countedIn[termId] = this.list;
      if (this.weight[termId] === 0) termIds.push(termId);
      this.weight[termId] = this.weight[termId]! + weight;
    }
  }
}
