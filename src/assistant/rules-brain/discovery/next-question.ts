/**
 * Which question narrows the in-stock candidates most. For each field the search counted (an
 * option, attribute, brand or type of the matching products), the shopper's answer is taken to be
 * a value with probability proportional to how many candidates have it; the expected information
 * gain is log2(candidates / expected candidates left after the answer). A field every candidate
 * offers in every value (shoe sizes, often) gains nothing; one that splits them evenly gains most.
 */
import type { SearchFacet } from '../tool-outputs.js';

export interface Question {
  /** The field's key: "option:Color", "attribute:Material", "brand", "productType". */
  readonly key: string;
  readonly facet: SearchFacet;
  /** Values by how many candidates have them, most first. */
  readonly values: readonly string[];
  /** Expected bits of information the answer gives. */
  readonly gain: number;
}

/** Below this an answer would hardly narrow the candidates: not worth the shopper's time. */
const MIN_GAIN_BITS = 0.5;

function facetKey(facet: SearchFacet): string {
  return facet.field === 'option' || facet.field === 'attribute'
    ? `${facet.field}:${facet.name}`
    : facet.field;
}

/** Expected information gain of asking about `facet` over `total` candidates, in bits. */
export function informationGain(facet: SearchFacet, total: number): number {
  const counts = facet.values.map((v) => v.count).filter((c) => c > 0);
  const mentions = counts.reduce((sum, c) => sum + c, 0);
  if (total <= 1 || counts.length < 2 || mentions === 0) return 0;
  // Candidates without the field at all stay whatever the answer is; products with several values
  // count under each, so this is a floor on them.
  const without = Math.max(0, total - mentions);
  const expectedLeft = counts.reduce((sum, c) => sum + (c / mentions) * (c + without), 0);
  return Math.max(0, Math.log2(total / expectedLeft));
}

/** The question with the highest gain among fields not yet asked or constrained, or null when none is worth it. */
export function chooseQuestion(
  facets: readonly SearchFacet[],
  total: number,
  settled: ReadonlySet<string>,
): Question | null {
  let best: Question | null = null;
  for (const facet of facets) {
    const key = facetKey(facet);
    if (settled.has(key)) continue;
    const gain = informationGain(facet, total);
    if (gain < MIN_GAIN_BITS || (best !== null && gain <= best.gain)) continue;
    const values = [...facet.values].sort((a, b) => b.count - a.count).map((v) => v.value);
    best = { key, facet, values, gain };
  }
  return best;
}
