/**
 * Conversation lists that stay current: loaded once, then reloaded shortly after any live event
 * (a burst of events costs one reload) and after the event stream reconnects.
 */
import { useCallback, useEffect, useRef } from 'react';
import { api } from './api/client.js';
import { useSessionEvents } from './api/staff-events.js';
import type { SessionStatus, SessionSummary } from './api/types.js';
import { type Resource, useResource } from './use-resource.js';

const SETTLE_MS = 200;

function useReloadOnEvents(reload: () => void): void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useSessionEvents(() => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      reload();
    }, SETTLE_MS);
  }, reload);
}

/** Sessions waiting for a person, longest waiting first. */
export function useLiveQueue(): Resource<SessionSummary[]> {
  const queue = useResource(useCallback(async () => (await api.queue()).sessions, []));
  useReloadOnEvents(queue.reload);
  return queue;
}

/** Sessions, most recently active first; all of them when `status` is undefined. */
export function useLiveSessions(status: SessionStatus | undefined): Resource<SessionSummary[]> {
  const sessions = useResource(useCallback(async () => (await api.sessions(status)).sessions, [status]));
  useReloadOnEvents(sessions.reload);
  return sessions;
}
