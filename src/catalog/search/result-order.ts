/**
 * Sort orders and keyset pagination. Every order ends in the product id, so the order is total;
 * a cursor holds the sort keys of the last hit a page showed, and the next page starts strictly
 * after them. Products added or removed between pages therefore shift nothing: each hit is
 * visited once.
 */
import { ValidationError } from '../../core/index.js';
import type { CandidateBuffer } from './candidate-buffer.js';
import type { SearchSort } from './types.js';

export interface Position {
  /** Ascending sort keys; descending orders store negated numbers. */
  readonly keys: readonly number[];
  readonly productId: string;
}

export const SORTS: readonly SearchSort[] = ['relevance', 'price_asc', 'price_desc', 'newest'];

/** Sort key `key` (0-based) of candidate `index`, ascending. */
function keyOf(sort: SearchSort, buffer: CandidateBuffer, index: number, key: number): number {
  switch (sort) {
    case 'relevance':
      return key === 0
        ? -buffer.scores[index]!
        : key === 1
          ? 1 - buffer.inStock[index]!
          : -buffer.createdAt[index]!;
    case 'price_asc':
      return key === 0 ? buffer.prices[index]! : -buffer.createdAt[index]!;
    case 'price_desc':
      return key === 0 ? -buffer.prices[index]! : -buffer.createdAt[index]!;
    case 'newest':
      return -buffer.createdAt[index]!;
  }
}

const KEY_COUNT: Record<SearchSort, number> = { relevance: 3, price_asc: 2, price_desc: 2, newest: 1 };

export function positionOf(
  sort: SearchSort,
  buffer: CandidateBuffer,
  index: number,
  productIdOf: (slot: number) => string,
): Position {
  const keys = Array.from({ length: KEY_COUNT[sort] }, (_, key) => keyOf(sort, buffer, index, key));
  return { keys, productId: productIdOf(buffer.slots[index]!) };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
    keys.length !== KEY_COUNT[sort] ||
    !keys.every((key) => typeof key === 'number') ||
    typeof productId !== 'string'
  ) {
    throw invalid();
  }
  return { keys: keys as number[], productId };
}

/** Per candidate, its sort keys, in arrays reused from one search to the next. */
const sortKeys = [new Float64Array(256), new Float64Array(256), new Float64Array(256)];

function fillSortKeys(buffer: CandidateBuffer, sort: SearchSort): void {
  const keyCount = KEY_COUNT[sort];
  for (let key = 0; key < keyCount; key += 1) {
    if (sortKeys[key]!.length < buffer.count) sortKeys[key] = new Float64Array(buffer.count * 2);
    const keys = sortKeys[key]!;
    for (let index = 0; index < buffer.count; index += 1) keys[index] = keyOf(sort, buffer, index, key);
  }
}

/**
 * Indexes (into the buffer) of the `limit` first candidates after `after` in order, without
 * sorting everything: a max-heap of `limit` entries keeps the best seen so far, its root the
 * worst of them, so most candidates of a large browse cost one comparison with the root.
 */
export function selectPage(
  buffer: CandidateBuffer,
  sort: SearchSort,
  after: Position | undefined,
  limit: number,
  productIdOf: (slot: number) => string,
): { page: number[]; hasMore: boolean } {
  const keyCount = KEY_COUNT[sort];
  fillSortKeys(buffer, sort);
  const [first, second, third] = sortKeys as [Float64Array, Float64Array, Float64Array];
  const compareKeys = (a: number, b: number): number => {
    let difference = first[a]! - first[b]!;
    if (difference === 0 && keyCount > 1) difference = second[a]! - second[b]!;
    if (difference === 0 && keyCount > 2) difference = third[a]! - third[b]!;
    return difference;
  };
  const compare = (a: number, b: number): number => {
    const difference = compareKeys(a, b);
    if (difference !== 0) return difference < 0 ? -1 : 1;
    return compareIds(productIdOf(buffer.slots[a]!), productIdOf(buffer.slots[b]!));
  };
  const isAfterCursor = (index: number): boolean => {
    if (after === undefined) return true;
    for (let key = 0; key < keyCount; key += 1) {
      const own = key === 0 ? first[index]! : key === 1 ? second[index]! : third[index]!;
      const difference = own - after.keys[key]!;
      if (difference !== 0) return difference > 0;
    }
    return compareIds(productIdOf(buffer.slots[index]!), after.productId) > 0;
  };
  const heap: number[] = [];
  const siftDown = (from: number): void => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const larger = right < heap.length && compare(heap[right]!, heap[left]!) > 0 ? right : left;
      if (compare(heap[larger]!, heap[at]!) <= 0) return;
      [heap[at], heap[larger]] = [heap[larger]!, heap[at]!];
      at = larger;
    }
  };
  let remaining = 0;
  // Newer products usually sit in later slots, so visiting from the end lets the heap fill with
  // the newest first and most others fail at the root, under any order that ends in "newest".
  for (let index = buffer.count - 1; index >= 0; index -= 1) {
    if (after !== undefined && !isAfterCursor(index)) continue;
    remaining += 1;
    if (heap.length < limit) {
      heap.push(index);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >>> 1;
        if (compare(heap[at]!, heap[parent]!) <= 0) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (compare(index, heap[0]!) < 0) {
      heap[0] = index;
      siftDown(0);
    }
  }
  return { page: heap.sort(compare), hasMore: remaining > limit };
}
