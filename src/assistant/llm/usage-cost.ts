import type { TokenPricing } from './types.js';

const TOKENS_PER_MILLION = 1_000_000;

/**
 * What a turn cost, in micro-units, rounded up so reported spend never falls below the bill.
 * Integer arithmetic only: token counts and rates are whole numbers.
 */
export function costMicros(pricing: TokenPricing, inputTokens: number, outputTokens: number): number {
  const scaled =
    BigInt(inputTokens) * BigInt(pricing.inputMicrosPerMillionTokens) +
    BigInt(outputTokens) * BigInt(pricing.outputMicrosPerMillionTokens);
  const million = BigInt(TOKENS_PER_MILLION);
  return Number((scaled + million - 1n) / million);
}
