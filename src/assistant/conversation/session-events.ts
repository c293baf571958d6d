/**
 * The in-process bus of session events: the widget listens to its own session (staff messages
 * arrive live), the staff console to all of them (`'*'`). A listener that throws is cut off from
 * that one event only; it never breaks the turn that emitted it.
 */
import type { Logger } from '../../core/index.js';
import type { SessionEvent, SessionListener } from './types.js';

export const ALL_SESSIONS = '*';

export interface SessionEvents {
  subscribe(sessionId: string, listener: SessionListener): () => void;
  emit(event: SessionEvent): void;
}

export function createSessionEvents(logger: Logger): SessionEvents {
  const listeners = new Map<string, Set<SessionListener>>();

  function deliver(key: string, event: SessionEvent) {
    for (const listener of listeners.get(key) ?? []) {
      try {
        listener(event);
      } catch (error) {
        logger.warn({ err: error, sessionId: event.sessionId }, 'session event listener failed');
      }
    }
  }

  return {
    subscribe(sessionId, listener) {
      let set = listeners.get(sessionId);
      if (set === undefined) {
        set = new Set();
        listeners.set(sessionId, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(sessionId) === set) listeners.delete(sessionId);
      };
    },
    emit(event) {
      deliver(event.sessionId, event);
      deliver(ALL_SESSIONS, event);
    },
  };
}
