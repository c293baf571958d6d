/**
 * Pricing a replacement: units of a line swapped or exchanged for another variant of the same
 * product keep their share of the line's discounts, are charged the variant's current price, and
 * keep the line's tax rate. The difference is what the shopper pays (positive) or gets back.
 */
import { allocateByWeight } from '../core/index.js';
import type { Replacement } from './action-checks.js';
import { lineCharge, settledUnits, unitsShare } from './refund-arithmetic.js';
import type { OrderLine } from './types.js';

function shareOf(total: number, ordered: number, from: number, count: number): number {
  return allocateByWeight(
    total,
    Array.from({ length: ordered }, () => 1),
  )
    .slice(from, from + count)
    .reduce((sum, part) => sum + part, 0);
}

/** `value × numerator / denominator`, rounded half up, without leaving integers. */
function scale(value: number, numerator: number, denominator: number): number {
  if (denominator === 0) return 0;
  const big = BigInt(value) * BigInt(numerator) * 2n + BigInt(denominator);
  return Number(big / (2n * BigInt(denominator)));
}

export function replacementLine(
  old: OrderLine,
  replacement: Replacement,
  quantity: number,
  taxIncluded: boolean,
  id: string,
  from: number = settledUnits(old),
): { line: OrderLine; difference: number } {
  const currency = old.unitPrice.currency;
  const ordered = old.quantities.ordered;
  const oldTotal = shareOf(old.total.amount, ordered, from, quantity);
  // The units keep the discount they were sold with, split over the line's promotions.
  const discount = Math.max(0, old.unitPrice.amount * quantity - oldTotal);
  const parts = allocateByWeight(
    discount,
    old.discounts.map((d) => d.amount.amount),
  );
  const discounts = old.discounts.map((d, index) => ({
    ...d,
    amount: { amount: parts[index] ?? 0, currency },
  }));
  const total = Math.max(0, replacement.unitPrice * quantity - discount);
  const tax = scale(shareOf(old.tax.amount, ordered, from, quantity), total, oldTotal);
  const line: OrderLine = {
    id,
    variantId: replacement.variantId,
    productId: replacement.productId,
    sku: replacement.sku,
    title: replacement.title,
    optionValues: replacement.optionValues,
    unitPrice: { amount: replacement.unitPrice, currency },
    discounts,
    total: { amount: total, currency },
    tax: { amount: tax, currency },
    categoryPath: old.categoryPath,
    tags: old.tags,
    quantities: {
      ordered: quantity,
      cancelled: 0,
      fulfilled: 0,
      delivered: 0,
      returned: 0,
      exchanged: 0,
      requested: 0,
    },
    replaces: old.id,
  };
  const difference = lineCharge(line, taxIncluded) - unitsShare(old, taxIncluded, from, quantity);
  return { line, difference };
}
