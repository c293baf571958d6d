/**
 * Stacking: which of the promotions that pass on their own apply together. Non-exclusive ones
 * join greedily in priority order while they combine with everything already in; the best
 * exclusive one then competes with that combination on what the customer saves. In best-single
 * mode only the one promotion that saves the most applies. Ties go to the lower id.
 */
import {
  applyPromotion,
  type Evaluation,
  evaluate,
  finish,
  grantedBy,
  merchandiseGranted,
  type PreparedCart,
  startRunning,
  undoLast,
  whyNothing,
} from './evaluate.js';
import type { ReasonCode } from './explanation.js';
import type { Promotion } from './promotion-schema.js';

export type StackingMode = 'stack' | 'best_single';

interface Candidate {
  readonly promotion: Promotion;
  /** What the customer saves with this promotion alone. */
  readonly savings: number;
  readonly evaluation: Evaluation;
}

type Rejection = { promotion: Promotion; code: ReasonCode; details: Record<string, unknown> };

export interface Decision {
  readonly evaluation: Evaluation;
  readonly rejected: readonly Rejection[];
}

function allows(promotion: Promotion, other: Promotion): boolean {
  const list = promotion.combinableWith;
  if (list === undefined) return true;
  return list.includes(other.id) || (other.stackGroup !== undefined && list.includes(other.stackGroup));
}

function combinable(a: Promotion, b: Promotion): boolean {
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

/** Each promotion on its own; those that grant nothing alone are rejected with the reason. */
function alone(
  cart: PreparedCart,
  promotions: readonly Promotion[],
  baseline: number,
  rejected: Rejection[],
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const promotion of promotions) {
    const evaluation = evaluate(cart, [promotion]);
    const outcome = evaluation.outcomes[0];
    if (!outcome || grantedBy(outcome) === 0) {
      if (outcome) rejected.push({ promotion, ...whyNothing(outcome) });
      continue;
    }
    candidates.push({ promotion, savings: baseline - evaluation.grandTotal, evaluation });
  }
  return candidates.sort(better);
}

function losing(losers: readonly Promotion[], winners: readonly Promotion[], code: ReasonCode): Rejection[] {
  return losers.map((promotion) => ({
    promotion,
    code,
    details: { appliedInstead: names(winners), appliedInsteadIds: winners.map((p) => p.id) },
  }));
}

/**
 * `promotions` passed screening and are in priority order (priority, then id); `baseline` is
 * the cart's grand total with no promotion.
 */
export function decide(
  cart: PreparedCart,
  promotions: readonly Promotion[],
  baseline: number,
  mode: StackingMode,
): Decision {
  const rejected: Rejection[] = [];
  if (mode === 'best_single') {
    const [winner, ...losers] = alone(cart, promotions, baseline, rejected);
    if (!winner) return { evaluation: evaluate(cart, []), rejected };
    rejected.push(
      ...losing(
        losers.map((c) => c.promotion),
        [winner.promotion],
        'better_promotion_applied',
      ),
    );
    return { evaluation: winner.evaluation, rejected };
  }
  const running = startRunning(cart);
  const accepted: Promotion[] = [];
  for (const promotion of promotions) {
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
    const outcome = applyPromotion(running, promotion);
    if (merchandiseGranted(outcome) === 0 && !outcome.hasShippingAction) {
      // A promotion that gives nothing must not keep others out through its stack group.
      undoLast(running);
      rejected.push({ promotion, ...whyNothing(outcome) });
      continue;
    }
    accepted.push(promotion);
  }
  const combination = finish(running);
  const combinationSavings = baseline - combination.grandTotal;
  const exclusives = alone(
    cart,
    promotions.filter((p) => p.exclusive),
    baseline,
    rejected,
  );
  const best = exclusives[0];
  const firstId = [...accepted.map((p) => p.id)].sort()[0];
  const exclusiveWins =
    best !== undefined &&
    (best.savings > combinationSavings ||
      (best.savings === combinationSavings && (firstId === undefined || best.promotion.id < firstId)));
  if (exclusiveWins) {
    const losers = [...accepted, ...exclusives.slice(1).map((c) => c.promotion)];
    rejected.push(...losing(losers, [best.promotion], 'exclusive_applied'));
    return { evaluation: best.evaluation, rejected };
  }
  rejected.push(
    ...losing(
      exclusives.map((c) => c.promotion),
      accepted,
      'better_promotion_applied',
    ),
  );
  return { evaluation: combination, rejected };
}
