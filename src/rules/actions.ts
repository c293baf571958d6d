/**
 * What one promotion action asks for, given what each line still costs. Actions never look at
 * floors, caps or other promotions: they ask, and `distribute` decides what is granted.
 */
import type { CompiledAction } from './promotion-schema.js';
import { percentOf } from './rounding.js';
import type { CartLineFacts } from './types.js';

/** A line as the engine works on it: lines are in canonical (id) order. */
export interface WorkingLine {
  readonly line: CartLineFacts;
  readonly subtotal: number;
  /** What the line still costs after the promotions applied so far. */
  remaining: number;
  readonly floor: number;
}

export type Ask =
  /** Amounts per line (item-level discounts). */
  | { readonly kind: 'lines'; readonly amounts: readonly number[] }
  /** One amount shared by the flagged lines (order-level discounts). */
  | { readonly kind: 'spread'; readonly amount: number; readonly eligible: readonly boolean[] }
  /** A shipping offer, settled once the fee is known. */
  | { readonly kind: 'shipping' }
  /** Nothing in the cart qualifies; `details` says what was missing. */
  | {
      readonly kind: 'none';
      readonly code: 'no_matching_items' | 'min_subtotal_not_met';
      readonly details: Readonly<Record<string, unknown>>;
    };

const noMatch: Ask = { kind: 'none', code: 'no_matching_items', details: {} };

function matches(
  action: { readonly items: { test(line: CartLineFacts): boolean } | undefined },
  lines: readonly WorkingLine[],
): boolean[] {
  const items = action.items;
  return lines.map((w) => (items === undefined ? true : items.test(w.line)));
}

function buyXGetY(
  action: Extract<CompiledAction, { type: 'buy_x_get_y' }>,
  lines: readonly WorkingLine[],
  eligible: readonly boolean[],
): number[] {
  const units: { index: number; price: number }[] = [];
  lines.forEach((w, index) => {
    if (!eligible[index]) return;
    for (let q = 0; q < w.line.quantity; q++) units.push({ index, price: w.line.unitPrice });
  });
  // Lines are already in id order, so a stable sort by price keeps equal prices deterministic.
  units.sort((a, b) => b.price - a.price);
  let groups = Math.floor(units.length / (action.buy + action.get));
  if (action.maxApplications !== undefined) groups = Math.min(groups, action.maxApplications);
  const freeUnits = units.slice(units.length - groups * action.get);
  const counts = lines.map(() => 0);
  for (const unit of groups === 0 ? [] : freeUnits) counts[unit.index] = (counts[unit.index] ?? 0) + 1;
  return lines.map((w, i) => percentOf(w.line.unitPrice * (counts[i] ?? 0), action.basisPoints));
}

export function askFor(action: CompiledAction, lines: readonly WorkingLine[]): Ask {
  if (action.type === 'shipping') return { kind: 'shipping' };
  if (action.type === 'order_percent' || action.type === 'order_fixed') {
    const remaining = lines.reduce((sum, w) => sum + w.remaining, 0);
    const amount = action.type === 'order_percent' ? percentOf(remaining, action.basisPoints) : action.amount;
    return { kind: 'spread', amount, eligible: lines.map(() => true) };
  }
  const eligible = matches(action, lines);
  if (!eligible.some(Boolean)) return noMatch;
  switch (action.type) {
    case 'item_percent':
      return {
        kind: 'lines',
        amounts: lines.map((w, i) => (eligible[i] ? percentOf(w.remaining, action.basisPoints) : 0)),
      };
    case 'item_fixed':
      if (action.per === 'spread') return { kind: 'spread', amount: action.amount, eligible };
      return {
        kind: 'lines',
        amounts: lines.map((w, i) => (eligible[i] ? action.amount * w.line.quantity : 0)),
      };
    case 'buy_x_get_y': {
      const amounts = buyXGetY(action, lines, eligible);
      return amounts.some((a) => a > 0) ? { kind: 'lines', amounts } : noMatch;
    }
    case 'tiered': {
      const spent = lines.reduce((sum, w, i) => (eligible[i] ? sum + w.subtotal : sum), 0);
      const tier = action.tiers.find((t) => spent >= t.minSubtotal);
      if (!tier) {
        const lowest = action.tiers[action.tiers.length - 1]?.minSubtotal;
        return { kind: 'none', code: 'min_subtotal_not_met', details: { expected: lowest, actual: spent } };
      }
      const remaining = lines.reduce((sum, w, i) => (eligible[i] ? sum + w.remaining : sum), 0);
      const amount = 'amount' in tier ? tier.amount : percentOf(remaining, tier.basisPoints);
      return { kind: 'spread', amount, eligible };
    }
  }
}
