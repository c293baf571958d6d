/**
 * What a refund is worth and where it goes, as pure arithmetic over the order as sold.
 *
 * A line's units share what the line cost by largest remainder (`allocateByWeight`), so however a
 * line is returned — all at once or a unit at a time — the refunds add up to exactly what it cost.
 * Refunds go back to the tenders card first, then store credit, then gift cards: checkout spends
 * stored value first and the card last, so a partial refund reverses the last money in first,
 * and stored value is given back only when the card's share is exhausted.
 */
import { allocateByWeight, type Money } from '../core/index.js';
import type { OrderLine, OrderTransaction } from './types.js';

/** What the line's units were paid, after discounts; tax is added when prices excluded it. */
export function lineCharge(line: OrderLine, taxIncluded: boolean): number {
  return line.total.amount + (taxIncluded ? 0 : line.tax.amount);
}

/** What units `from` to `from + count − 1` of the line were paid, in the order units are returned. */
export function unitsShare(line: OrderLine, taxIncluded: boolean, from: number, count: number): number {
  const ordered = line.quantities.ordered;
  if (count <= 0 || ordered === 0) return 0;
  const perUnit = allocateByWeight(
    lineCharge(line, taxIncluded),
    Array.from({ length: ordered }, () => 1),
  );
  return perUnit.slice(from, from + count).reduce((sum, part) => sum + part, 0);
}

/** Units of a line that have left the open pool (already cancelled, returned or exchanged) come first. */
export function settledUnits(line: OrderLine): number {
  const q = line.quantities;
  return q.cancelled + q.returned + q.exchanged;
}

const refundOrder: Record<OrderTransaction['method'], number> = {
  card: 0,
  wallet: 0,
  store_credit: 1,
  gift_card: 2,
};

export function outstanding(tender: OrderTransaction): number {
  return tender.status === 'voided' ? 0 : tender.amount.amount - tender.refunded.amount;
}

export function refundableTotal(transactions: readonly OrderTransaction[]): number {
  return transactions.filter((t) => t.type === 'payment').reduce((sum, t) => sum + outstanding(t), 0);
}

/**
 * Splits a refund across the payments, in refund order, each up to what is left of it. Never
 * more than was paid: the parts add up to min(amount, everything still refundable).
 */
export function allocateToTenders(
  amount: number,
  transactions: readonly OrderTransaction[],
): { tender: OrderTransaction; amount: number }[] {
  const tenders = transactions
    .filter((t) => t.type === 'payment' && outstanding(t) > 0)
    .map((tender, index) => ({ tender, index }))
    .sort((a, b) => refundOrder[a.tender.method] - refundOrder[b.tender.method] || b.index - a.index);
  const parts: { tender: OrderTransaction; amount: number }[] = [];
  let left = amount;
  for (const { tender } of tenders) {
    if (left <= 0) break;
    const part = Math.min(left, outstanding(tender));
    parts.push({ tender, amount: part });
    left -= part;
  }
  return parts;
}

export function moneyOf(amount: number, currency: string): Money {
  return { amount, currency };
}
