/**
 * Stacking: which of the promotions that pass on their own apply together. Non-exclusive ones
 * join greedily in priority order while they combine with everything already in; the best
 * exclusive one then competes with that combination on what the customer saves. In best-single
 * mode only the one promotion that saves the most applies. Ties go to the lower id.
 */
import { type Evaluation, evaluate, type PreparedCart } from './evaluate.js';
import type { ReasonCode } from './explanation.js';
import type { Promotion } from './promotion-schema.js';

export type StackingMode = 'stack' | 'best_single';

export interface Candidate {
  readonly promotion: Promotion;
  /** What the customer saves with this promotion alone. */
  readonly savings: number;
}

export interface Decision {
  readonly selection: readonly Promotion[];
  readonly evaluation: Evaluation;
  readonly rejected: readonly { promotion: Promotion; code: ReasonCode; details: Record<string, unknown> }[];
}

function allows(promotion: Promotion, other: Promotion): boolean {
  const list = promotion.combinableWith;
  if (list === undefined) return true;
  return list.includes(other.id) || (other.stackGroup !== undefined && list.includes(other.stackGroup));
}

export function combinable(a: Promotion, b: Promotion): boolean {
  if (a.stackGroup !== undefined && a.stackGroup === b.stackGroup) return false;
  return allows(a, b) && allows(b, a);
}

/** Better first: more savings, then the lower id. */
function better(a: Candidate, b: Candidate): number {
  return (
    b.savings - a.savings || (a.promotion.id < b.promotion.id ? -1 : a.promotion.id > b.promotion.id ? 1 : 0)
  );
}

function names(selection: readonly Promotion[]): string {
  return selection.map((p) => p.name).join(', ');
}

function single(
  cart: PreparedCart,
  winner: Candidate,
  losers: readonly Candidate[],
  code: ReasonCode,
): Decision {
  return {
    selection: [winner.promotion],
    evaluation: evaluate(cart, [winner.promotion]),
    rejected: losers.map((c) => ({
      promotion: c.promotion,
      code,
      details: { appliedInstead: winner.promotion.name, appliedInsteadId: winner.promotion.id },
    })),
  };
}

/**
 * `candidates` are in priority order (priority, then id); `baseline` is the cart's grand total
 * with no promotion.
 */
export function decide(
  cart: PreparedCart,
  candidates: readonly Candidate[],
  baseline: number,
  mode: StackingMode,
): Decision {
  if (mode === 'best_single') {
    const [winner, ...losers] = [...candidates].sort(better);
    if (!winner) return { selection: [], evaluation: evaluate(cart, []), rejected: [] };
    return single(cart, winner, losers, 'better_promotion_applied');
  }
  const rejected: Decision['rejected'][number][] = [];
  const accepted: Promotion[] = [];
  for (const { promotion } of candidates) {
    if (promotion.exclusive) continue;
    const conflict = accepted.find((other) => !combinable(promotion, other));
    if (conflict) {
      rejected.push({
        promotion,
        code: 'not_combinable',
        details: { conflictsWith: conflict.name, conflictsWithId: conflict.id },
      });
      continue;
    }
    accepted.push(promotion);
  }
  const combination = evaluate(cart, accepted);
  const combinationSavings = baseline - combination.grandTotal;
  const exclusives = candidates.filter((c) => c.promotion.exclusive).sort(better);
  const bestExclusive = exclusives[0];
  const firstId = [...accepted.map((p) => p.id)].sort()[0];
  const exclusiveWins =
    bestExclusive !== undefined &&
    (bestExclusive.savings > combinationSavings ||
      (bestExclusive.savings === combinationSavings &&
        (firstId === undefined || bestExclusive.promotion.id < firstId)));
  if (exclusiveWins) {
    const losers = candidates.filter((c) => c !== bestExclusive);
    return single(cart, bestExclusive, losers, 'exclusive_applied');
  }
  for (const loser of exclusives) {
    rejected.push({
      promotion: loser.promotion,
      code: 'better_promotion_applied',
      details: { appliedInstead: names(accepted), appliedInsteadIds: accepted.map((p) => p.id) },
    });
  }
  return { selection: accepted, evaluation: combination, rejected };
}
