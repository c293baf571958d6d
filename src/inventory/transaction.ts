import type { Executor, Store, Tx } from '../store/index.js';

// PostgreSQL aborts one side of a deadlock (40P01) or a serialization clash (40001); the work
// is all-or-nothing, so running it again is safe. Lock order (stock levels sorted by variant
// then location) keeps these rare.
const RETRYABLE_CODES = new Set(['40P01', '40001']);
const ATTEMPTS = 4;

function retryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

/** Runs `work` in the caller's transaction when given one, else in a fresh one. */
export async function inTransaction<T>(
  store: Store,
  executor: Executor | undefined,
  work: (trx: Tx) => Promise<T>,
): Promise<T> {
  if (executor?.isTransaction) return work(executor as Tx);
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !retryable(error)) throw error;
    }
  }
}

/** Whether `error` is the database refusing a row whose foreign key points nowhere. */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
