/**
 * Tax by region. Inclusive rates (Taiwan's 5 % VAT) take the tax out of the price; exclusive
 * rates add it. The tax is rounded once per order, half-up to the minor unit, then shared
 * across lines by largest remainder so every line shows its part and the parts add up.
 */
import { allocateByWeight } from '../core/index.js';
import type { TaxRule } from './policy-schema.js';
import { percentOf, toBasisPoints } from './rounding.js';
import type { Destination, LocalizedMessage } from './types.js';

export interface TaxInput {
  readonly destination: Destination;
  /** Line amounts after discounts, minor units. */
  readonly lines: readonly { readonly id: string; readonly amount: number }[];
  /** Shipping after discounts, minor units. */
  readonly shipping: number;
}

export interface TaxResult {
  readonly ruleId: string | null;
  readonly name: LocalizedMessage | null;
  readonly ratePercent: number;
  readonly inclusive: boolean;
  /** Tax in the order, minor units. */
  readonly amount: number;
  readonly lines: readonly { readonly id: string; readonly amount: number }[];
  readonly shipping: number;
}

/** The rule for the destination: the longest matching postal prefix wins over a country-wide rule. */
function ruleFor(destination: Destination, rules: readonly TaxRule[]): TaxRule | undefined {
  const country = destination.country.toUpperCase();
  const postal = destination.postalCode?.replace(/\s/g, '') ?? '';
  let best: TaxRule | undefined;
  let bestLength = -1;
  for (const rule of rules) {
    if (rule.country !== country) continue;
    const length =
      rule.postalPrefixes === undefined
        ? 0
        : Math.max(-1, ...rule.postalPrefixes.filter((p) => postal.startsWith(p)).map((p) => p.length));
    if (length > bestLength) {
      best = rule;
      bestLength = length;
    }
  }
  return best;
}

/** The tax inside a tax-inclusive amount: amount × rate / (1 + rate), half-up. */
function inclusiveTax(amount: number, basisPoints: number): number {
  const divisor = BigInt(10000 + basisPoints);
  return Number((2n * BigInt(amount) * BigInt(basisPoints) + divisor) / (2n * divisor));
}

export function computeTax(input: TaxInput, rules: readonly TaxRule[]): TaxResult {
  const rule = ruleFor(input.destination, rules);
  if (!rule) {
    return {
      ruleId: null,
      name: null,
      ratePercent: 0,
      inclusive: true,
      amount: 0,
      lines: input.lines.map((l) => ({ id: l.id, amount: 0 })),
      shipping: 0,
    };
  }
  const basisPoints = toBasisPoints(rule.rate);
  const shippingBase = rule.shippingTaxable ? input.shipping : 0;
  const base = input.lines.reduce((sum, l) => sum + l.amount, shippingBase);
  const amount = rule.inclusive ? inclusiveTax(base, basisPoints) : percentOf(base, basisPoints);
  const shares = allocateByWeight(amount, [...input.lines.map((l) => l.amount), shippingBase]);
  return {
    ruleId: rule.id,
    name: rule.name,
    ratePercent: rule.rate,
    inclusive: rule.inclusive,
    amount,
    lines: input.lines.map((l, i) => ({ id: l.id, amount: shares[i] ?? 0 })),
    shipping: shares[input.lines.length] ?? 0,
  };
}
