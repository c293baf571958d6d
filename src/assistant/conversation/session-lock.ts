/**
 * One turn at a time per session, sessions in parallel. Within a process each session's work is
 * chained behind the work before it; across servers sharing the database, the turn also holds the
 * session's row (`turn_owner`, `turn_until`), taken with one conditional UPDATE. A hold lapses
 * after `holdMs`, so a server that died mid-turn blocks the session only that long.
 */
import { randomBytes } from 'node:crypto';
import { type Clock, ConflictError } from '../../core/index.js';
import type { SessionStore } from './session-store.js';

export interface SessionLock {
  /** Waits for the session's earlier work, then holds the session until `release` is called. */
  acquire(sessionId: string): Promise<() => Promise<void>>;
  run<T>(sessionId: string, work: () => Promise<T>): Promise<T>;
}

export interface SessionLockOptions {
  /** How long a turn may hold a session before another server may take it (default 2 minutes). */
  readonly holdMs?: number;
  /** How long to wait for another server's turn before answering `session_busy` (default 1 minute). */
  readonly waitMs?: number;
}

export const DEFAULT_HOLD_MS = 120_000;
const FIRST_POLL_MS = 10;
const LAST_POLL_MS = 250;

export function createSessionLock(
  sessions: Pick<SessionStore, 'claimTurn' | 'releaseTurn' | 'get'>,
  clock: Clock,
  options: SessionLockOptions = {},
): SessionLock {
  const holdMs = options.holdMs ?? DEFAULT_HOLD_MS;
  const waitMs = options.waitMs ?? 60_000;
  const tails = new Map<string, Promise<void>>();

  async function inProcess(sessionId: string): Promise<() => void> {
    const before = tails.get(sessionId) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = before.then(() => done);
    tails.set(sessionId, tail);
    await before;
    return () => {
      release();
      // The last holder leaves no entry behind.
      if (tails.get(sessionId) === tail) tails.delete(sessionId);
    };
  }

  /** Polls (in real time: the other server's turn runs in real time) until the row is free. */
  async function claim(sessionId: string, owner: string): Promise<void> {
    const started = Date.now();
    let pause = FIRST_POLL_MS;
    while (!(await sessions.claimTurn(sessionId, owner, clock.now() + holdMs))) {
      // Unknown sessions answer their NotFoundError here rather than waiting.
      await sessions.get(sessionId);
      if (Date.now() - started >= waitMs) {
        throw new ConflictError('session_busy', 'another turn of this conversation is still running', {
          sessionId,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, LAST_POLL_MS);
    }
  }

  async function acquire(sessionId: string): Promise<() => Promise<void>> {
    const leave = await inProcess(sessionId);
    const owner = randomBytes(9).toString('base64url');
    try {
      await claim(sessionId, owner);
    } catch (error) {
      leave();
      throw error;
    }
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      try {
        await sessions.releaseTurn(sessionId, owner);
      } finally {
        leave();
      }
    };
  }

  return {
    acquire,
    async run(sessionId, work) {
      const release = await acquire(sessionId);
      try {
        return await work();
      } finally {
        await release();
      }
    },
  };
}
