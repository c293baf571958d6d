/**
 * Dense per-product scratch space for combining term scores. Each combination step takes a new
 * generation, so entries left by earlier steps read as empty without clearing the arrays, and a
 * query allocates only the small result lists instead of a hash map per step.
 */
export interface ScoredProducts {
  readonly slots: number[];
  readonly scores: number[];
}

export class ScoreScratch {
  private marks = new Int32Array(0);
  private values = new Float64Array(0);
  private counts = new Int32Array(0);
  private generation = 0;

  private begin(size: number): void {
    if (this.marks.length < size) {
      const capacity = Math.max(size, Math.ceil(this.marks.length * 1.5), 1024);
      this.marks = new Int32Array(capacity);
      this.values = new Float64Array(capacity);
      this.counts = new Int32Array(capacity);
      this.generation = 0;
    }
    this.generation += 1;
    if (this.generation === 0x7fffffff) {
      this.marks.fill(0);
      this.generation = 1;
    }
  }

  /** Per product, the best score any of the lists gives it. */
  union(lists: readonly ScoredProducts[], size: number): ScoredProducts {
    this.begin(size);
    const slots: number[] = [];
    for (const list of lists) {
      for (let index = 0; index < list.slots.length; index += 1) {
        const slot = list.slots[index]!;
        const score = list.scores[index]!;
        if (this.marks[slot] !== this.generation) {
          this.marks[slot] = this.generation;
          this.values[slot] = score;
          slots.push(slot);
        } else if (score > this.values[slot]!) {
          this.values[slot] = score;
        }
      }
    }
    return { slots, scores: slots.map((slot) => this.values[slot]!) };
  }

  /** Products present in every list, scored by the sum of their scores. */
  intersection(lists: readonly ScoredProducts[], size: number): ScoredProducts {
    if (lists.length === 0) return { slots: [], scores: [] };
    const [smallest, ...others] = [...lists].sort((a, b) => a.slots.length - b.slots.length);
    this.begin(size);
    for (let index = 0; index < smallest!.slots.length; index += 1) {
      const slot = smallest!.slots[index]!;
      this.marks[slot] = this.generation;
      this.values[slot] = smallest!.scores[index]!;
      this.counts[slot] = 1;
    }
    for (const list of others) {
      for (let index = 0; index < list.slots.length; index += 1) {
        const slot = list.slots[index]!;
        if (this.marks[slot] !== this.generation) continue;
        this.values[slot] = this.values[slot]! + list.scores[index]!;
        this.counts[slot] = this.counts[slot]! + 1;
      }
    }
    const slots: number[] = [];
    const scores: number[] = [];
    for (const slot of smallest!.slots) {
      if (this.counts[slot] === lists.length) {
        slots.push(slot);
        scores.push(this.values[slot]!);
      }
    }
    return { slots, scores };
  }
}
