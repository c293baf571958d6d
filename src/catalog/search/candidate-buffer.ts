/**
 * The products a search matched, in typed arrays reused from one search to the next. A browse
 * over the whole catalog matches every product; keeping them as objects would allocate tens of
 * thousands of short-lived objects per query, and the garbage collector would cost more than
 * the search itself.
 */
import { grow } from './typed-arrays.js';

export class CandidateBuffer {
  count = 0;
  slots = new Int32Array(256);
  scores = new Float64Array(256);
  prices = new Float64Array(256);
  createdAt = new Float64Array(256);
  inStock = new Uint8Array(256);
  matchedStart = new Int32Array(256);
  matchedCount = new Int32Array(256);
  /** Matched variant slots of all candidates, each candidate's run starting at `matchedStart`. */
  matched = new Int32Array(1024);
  matchedLength = 0;

  reset(): void {
    this.count = 0;
    this.matchedLength = 0;
  }

  /** Records one matched variant of the candidate being built (the one at index `count`). */
  addMatchedVariant(variantSlot: number): void {
    if (this.matchedLength === this.matched.length)
      this.matched = grow(this.matched, this.matched.length * 2);
    this.matched[this.matchedLength] = variantSlot;
    this.matchedLength += 1;
  }

  /** Records `count` matched variants from slot `first` on. */
  addMatchedRange(first: number, count: number): void {
    if (this.matchedLength + count > this.matched.length)
      this.matched = grow(this.matched, Math.max(this.matched.length * 2, this.matchedLength + count));
    for (let index = 0; index < count; index += 1) this.matched[this.matchedLength + index] = first + index;
    this.matchedLength += count;
  }

  /** Starts a candidate; its matched variants follow through `addMatchedVariant`. */
  begin(): void {
    if (this.count === this.slots.length) this.growCandidates(this.count * 2);
    this.matchedStart[this.count] = this.matchedLength;
  }

  /** Keeps the candidate begun last, or drops it (and its variants) when nothing matched. */
  end(slot: number, score: number, price: number, createdAt: number, inStock: boolean): void {
    const index = this.count;
    const count = this.matchedLength - this.matchedStart[index]!;
    if (count === 0) return;
    this.slots[index] = slot;
    this.scores[index] = score;
    this.prices[index] = price;
    this.createdAt[index] = createdAt;
    this.inStock[index] = inStock ? 1 : 0;
    this.matchedCount[index] = count;
    this.count += 1;
  }

  matchedOf(index: number): number[] {
    const start = this.matchedStart[index]!;
    return Array.from(this.matched.subarray(start, start + this.matchedCount[index]!));
  }

  private growCandidates(size: number): void {
    this.slots = grow(this.slots, size);
    this.scores = grow(this.scores, size);
    this.prices = grow(this.prices, size);
    this.createdAt = grow(this.createdAt, size);
    this.inStock = grow(this.inStock, size);
    this.matchedStart = grow(this.matchedStart, size);
    this.matchedCount = grow(this.matchedCount, size);
  }
}
