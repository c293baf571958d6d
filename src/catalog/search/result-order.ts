/**
 * Sort orders and keyset pagination. Every order ends in the product id, so the order is total;
 * a cursor holds the sort keys of the last hit a page showed, and the next page starts strictly
 * after them. Products added or removed between pages therefore shift nothing: each hit is
 * visited once.
 */
import { ValidationError } from '../../core/index.js';
import type { SearchSort } from './types.js';

export interface RankedProduct {
  readonly productId: string;
  readonly score: number;
  readonly inStock: boolean;
  readonly createdAt: number;
  readonly priceFrom: number;
  readonly slot: number;
  readonly matchedVariantSlots: readonly number[];
}

interface Position {
  /** Ascending sort keys; descending orders store negated numbers. */
  readonly keys: readonly number[];
  readonly productId: string;
}

export const SORTS: readonly SearchSort[] = ['relevance', 'price_asc', 'price_desc', 'newest'];

export function positionOf(sort: SearchSort, item: RankedProduct): Position {
  switch (sort) {
    case 'relevance':
      return { keys: [-item.score, item.inStock ? 0 : 1, -item.createdAt], productId: item.productId };
    case 'price_asc':
      return { keys: [item.priceFrom, -item.createdAt], productId: item.productId };
    case 'price_desc':
      return { keys: [-item.priceFrom, -item.createdAt], productId: item.productId };
    case 'newest':
      return { keys: [-item.createdAt], productId: item.productId };
  }
}

export function comparePositions(a: Position, b: Position): number {
  for (let index = 0; index < a.keys.length; index += 1) {
    const difference = a.keys[index]! - (b.keys[index] ?? 0);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0;
}

export function encodeCursor(sort: SearchSort, position: Position): string {
  return Buffer.from(JSON.stringify([sort, position.keys, position.productId])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: SearchSort): Position {
  const invalid = () =>
    new ValidationError('the cursor is not one this search returned', { cursor }, 'invalid_cursor');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw invalid();
  const [cursorSort, keys, productId] = decoded as unknown[];
  if (cursorSort !== sort) {
    throw new ValidationError(
      `the cursor belongs to sort "${String(cursorSort)}", not "${sort}"`,
      { cursor },
      'invalid_cursor',
    );
  }
  if (
    !Array.isArray(keys) ||
    !keys.every((key) => typeof key === 'number') ||
    typeof productId !== 'string'
  ) {
    throw invalid();
  }
  return { keys: keys as number[], productId };
}

/**
 * The `limit` first items after `after` in order, without sorting everything: a bounded sorted
 * buffer keeps the best items seen so far.
 */
export function selectPage(
  items: readonly RankedProduct[],
  sort: SearchSort,
  after: Position | undefined,
  limit: number,
): { page: RankedProduct[]; hasMore: boolean } {
  const best: { item: RankedProduct; position: Position }[] = [];
  let remaining = 0;
  for (const item of items) {
    const position = positionOf(sort, item);
    if (after !== undefined && comparePositions(position, after) <= 0) continue;
    remaining += 1;
    if (best.length === limit && comparePositions(position, best[limit - 1]!.position) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comparePositions(best[middle]!.position, position) < 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, { item, position });
    if (best.length > limit) best.pop();
  }
  return { page: best.map((entry) => entry.item), hasMore: remaining > limit };
}
