/**
 * Idempotent mutating calls: the first call with a key stores its result; a retry with the same
 * key and parameters gets that result back, and the same key with other parameters is refused.
 * The record is written in the same transaction as the change, so both happen or neither does.
 */
import { createHash } from 'node:crypto';
import { type Clock, ValidationError } from '../core/index.js';
import type { Store, Tx } from '../store/index.js';
import { idempotencyKeyReused } from './errors.js';

export interface IdempotentCall {
  /** Keeps keys of different callers apart ('sandbox', 'tenders'). */
  readonly scope: string;
  readonly key: string;
  readonly operation: string;
  readonly parameters: unknown;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, entry]) => [name, canonical(entry)]),
    );
  }
  return value;
}

export function fingerprintOf(operation: string, parameters: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ operation, parameters: canonical(parameters) }))
    .digest('hex');
}

export function assertIdempotencyKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
    throw new ValidationError(
      'idempotencyKey must be 1 to 255 characters',
      { field: 'idempotencyKey' },
      'invalid_idempotency_key',
    );
  }
}

/** A unique or primary-key violation on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}

async function stored<T>(
  executor: Store['db'] | Tx,
  call: IdempotentCall,
  fingerprint: string,
): Promise<T | undefined> {
  const row = await executor
    .selectFrom('payment_idempotency')
    .select(['fingerprint', 'result'])
    .where('scope', '=', call.scope)
    .where('key', '=', call.key)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  if (row.fingerprint !== fingerprint) throw idempotencyKeyReused(call.key);
  return JSON.parse(row.result) as T;
}

export async function runIdempotent<T>(
  store: Store,
  call: IdempotentCall,
  clock: Clock,
  work: (trx: Tx) => Promise<T>,
): Promise<T> {
  assertIdempotencyKey(call.key);
  const fingerprint = fingerprintOf(call.operation, call.parameters);
  try {
    return await store.transaction(async (trx) => {
      const previous = await stored<T>(trx, call, fingerprint);
      if (previous !== undefined) return previous;
      const result = await work(trx);
      await trx
        .insertInto('payment_idempotency')
        .values({
          scope: call.scope,
          key: call.key,
          fingerprint,
          result: JSON.stringify(result),
          created_at: clock.now(),
        })
        .execute();
      return result;
    });
  } catch (error) {
    // A concurrent call with the same key committed first; its result is the answer.
    if (!isUniqueViolation(error)) throw error;
    const previous = await stored<T>(store.db, call, fingerprint);
    if (previous === undefined) throw error;
    return previous;
  }
}
