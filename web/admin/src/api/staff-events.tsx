/**
 * One live connection to GET /v1/staff/events for the whole console. Pages subscribe to the
 * events they care about; after a reconnect they are told to reload, because events sent while
 * the connection was down are not replayed.
 */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { api } from './client.js';
import type { SessionEvent } from './types.js';

type Listener = (event: SessionEvent) => void;

export type Connection = 'connecting' | 'live' | 'offline';

interface StaffEvents {
  readonly connection: Connection;
  subscribe(listener: Listener): () => void;
  /** Runs after the stream reconnects: what was missed must be fetched again. */
  onReconnect(listener: () => void): () => void;
}

const StaffEventsContext = createContext<StaffEvents | null>(null);

const RETRY_MS = 3000;

export function StaffEventsProvider({
  children,
  onSignedOut,
}: {
  children: ReactNode;
  onSignedOut: () => void;
}) {
  const listeners = useRef(new Set<Listener>());
  const reconnectListeners = useRef(new Set<() => void>());
  const [connection, setConnection] = useState<Connection>('connecting');

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let opened = false;
    let stopped = false;

    const dispatch = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as SessionEvent;
      for (const listener of listeners.current) listener(event);
    };

    const connect = () => {
      source = new EventSource('/v1/staff/events');
      source.addEventListener('message', dispatch);
      source.addEventListener('status', dispatch);
      source.onopen = () => {
        setConnection('live');
        if (opened) for (const listener of reconnectListeners.current) listener();
        opened = true;
      };
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) {
          setConnection('connecting');
          return;
        }
        // The browser gives up on a refused stream (a 401 after the sign-in lapsed): find out why.
        setConnection('offline');
        api
          .me()
          .then(() => {
            if (!stopped) retry = setTimeout(connect, RETRY_MS);
          })
          .catch(() => onSignedOut());
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [onSignedOut]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const onReconnect = useCallback((listener: () => void) => {
    reconnectListeners.current.add(listener);
    return () => {
      reconnectListeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ connection, subscribe, onReconnect }), [connection, subscribe, onReconnect]);
  return <StaffEventsContext.Provider value={value}>{children}</StaffEventsContext.Provider>;
}

function useStaffEvents(): StaffEvents {
  const events = useContext(StaffEventsContext);
  if (events === null) throw new Error('useStaffEvents needs a StaffEventsProvider');
  return events;
}

export function useConnection(): Connection {
  return useStaffEvents().connection;
}

/**
 * Calls `listener` for each live event and `reload` after a reconnect. The latest callbacks are
 * used without resubscribing on every render.
 */
export function useSessionEvents(listener: Listener, reload: () => void): void {
  const { subscribe, onReconnect } = useStaffEvents();
  const latest = useRef({ listener, reload });
  latest.current = { listener, reload };
  useEffect(() => {
    const unsubscribe = subscribe((event) => latest.current.listener(event));
    const unsubscribeReconnect = onReconnect(() => latest.current.reload());
    return () => {
      unsubscribe();
      unsubscribeReconnect();
    };
  }, [subscribe, onReconnect]);
}
