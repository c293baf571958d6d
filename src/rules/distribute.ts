/**
 * Granting a discount to lines without breaking their floors. An order-level amount is shared
 * by largest remainder in proportion to what each line still costs; a line that reaches its
 * floor passes the rest of its share on to the others.
 */
import { allocateByWeight } from '../core/index.js';

export interface Grant {
  /** Per line, in the order of the inputs. */
  readonly amounts: number[];
  readonly total: number;
  /** True when a floor took something away from what was asked. */
  readonly clippedByFloor: boolean;
}

/** Each line gets what it asks for, up to what its floor allows. */
export function grantPerLine(asked: readonly number[], allowances: readonly number[]): Grant {
  let total = 0;
  let clippedByFloor = false;
  const amounts = asked.map((want, i) => {
    const granted = Math.min(want, allowances[i] ?? 0);
    if (granted < want) clippedByFloor = true;
    total += granted;
    return granted;
  });
  return { amounts, total, clippedByFloor };
}

/**
 * Shares `amount` across the lines where `eligible` is true, weighted by `weights` (what each
 * line still costs), never granting a line more than its allowance.
 */
export function grantSpread(
  amount: number,
  eligible: readonly boolean[],
  weights: readonly number[],
  allowances: readonly number[],
): Grant {
  const amounts = eligible.map(() => 0);
  let left = amount;
  let open = eligible.map((e, i) => e && (allowances[i] ?? 0) > 0);
  while (left > 0 && open.some(Boolean)) {
    const shares = allocateByWeight(
      left,
      weights.map((w, i) => (open[i] ? Math.max(w, 1) : 0)),
    );
    let handed = 0;
    const nextOpen = [...open];
    shares.forEach((share, i) => {
      if (!open[i] || share === 0) return;
      const room = (allowances[i] ?? 0) - (amounts[i] ?? 0);
      const granted = Math.min(share, room);
      amounts[i] = (amounts[i] ?? 0) + granted;
      handed += granted;
      if (granted === room) nextOpen[i] = false;
    });
    left -= handed;
    if (handed === 0) break;
    open = nextOpen;
  }
  const total = amount - left;
  return { amounts, total, clippedByFloor: total < amount };
}
