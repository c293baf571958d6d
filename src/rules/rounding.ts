/**
 * Integer arithmetic for discounts. Percentages are held as basis points (12.5 % = 1250) so a
 * document's "12.5" never becomes a float multiplication of a price.
 */

/** Basis points of a percentage with at most two decimals. */
export function toBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/** `amount × basisPoints / 10000`, rounded half-up to the minor unit. */
export function percentOf(amount: number, basisPoints: number): number {
  const shifted = amount * basisPoints + 5000;
  if (!Number.isSafeInteger(shifted)) return Number((BigInt(amount) * BigInt(basisPoints) + 5000n) / 10000n);
  return floorDivide(shifted, 10000);
}

/** Exact floor division of safe integers; float division alone can land one off near 2^53. */
function floorDivide(dividend: number, divisor: number): number {
  let quotient = Math.floor(dividend / divisor);
  if (quotient * divisor > dividend) quotient -= 1;
  else if ((quotient + 1) * divisor <= dividend) quotient += 1;
  return quotient;
}

/** `amount × (10000 + basisPoints) / 10000`, rounded up: a floor must never be a unit short. */
export function addPercentRoundingUp(amount: number, basisPoints: number): number {
  const scaled = BigInt(amount) * BigInt(10000 + basisPoints);
  return Number((scaled + 9999n) / 10000n);
}
