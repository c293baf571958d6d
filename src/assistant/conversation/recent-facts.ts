/**
 * The facts of a session's recent turns, which the guard accepts besides the current turn's.
 * Rebuilt from the traces of the last assistant replies; kept in memory between turns so a turn
 * does not re-read and re-parse them, and rebuilt whenever the session changed elsewhere (another
 * process, a staff message) since the copy was made.
 */
import type { Fact } from '../facts/index.js';
import type { SessionStore } from './session-store.js';

/** Assistant replies whose facts still count: what the shopper was told lately. */
export const FACT_MEMORY_TURNS = 6;
const CACHED_SESSIONS = 1000;

interface Entry {
  /** The session's message count the entry is current for. */
  readonly messageCount: number;
  readonly turns: readonly (readonly Fact[])[];
}

export interface RecentFacts {
  /** The facts of the recent turns, given the session's message count before this turn. */
  read(sessionId: string, messageCount: number): Promise<Fact[]>;
  /** Adds a finished turn's facts; `messageCount` is the count once its reply is stored. */
  remember(sessionId: string, previousCount: number, messageCount: number, facts: readonly Fact[]): void;
}

export function createRecentFacts(sessions: SessionStore): RecentFacts {
  const entries = new Map<string, Entry>();

  return {
    async read(sessionId, messageCount) {
      const entry = entries.get(sessionId);
      if (entry !== undefined && entry.messageCount === messageCount) return entry.turns.flat();
      const turns = (await sessions.recentTraces(sessionId, FACT_MEMORY_TURNS)).map((trace) =>
        trace.tools.flatMap((call) => call.facts),
      );
      entries.set(sessionId, { messageCount, turns });
      return turns.flat();
    },
    remember(sessionId, previousCount, messageCount, facts) {
      const entry = entries.get(sessionId);
      entries.delete(sessionId);
      if (entry === undefined || entry.messageCount !== previousCount) return;
      entries.set(sessionId, { messageCount, turns: [...entry.turns, facts].slice(-FACT_MEMORY_TURNS) });
      // Map order is insertion order: the first key is the session least recently served.
      if (entries.size > CACHED_SESSIONS) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
  };
}
