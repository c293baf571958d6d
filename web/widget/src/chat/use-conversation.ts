/**
 * The conversation as the widget lives it: a session (resumed or new), the messages, a turn in
 * flight with its streamed words, the shopper's cart and who answers (assistant or staff).
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { ApiError } from '../api/http.js';
import { type SessionAuth, SessionsClient } from '../api/sessions.js';
import type { Card, SessionStatus, ShopperState } from '../api/types.js';
import { type ChatMessage, fromReply, fromTranscript, localId } from './messages.js';
import { loadSession, saveSession } from './session-storage.js';

export type ConnectionPhase = 'connecting' | 'ready' | 'failed';

interface State {
  readonly phase: ConnectionPhase;
  readonly messages: readonly ChatMessage[];
  readonly shopper: ShopperState | null;
  readonly status: SessionStatus;
  /** The tool the assistant is using now, while a turn runs; '' before any tool. */
  readonly activity: string | null;
}

type Action =
  | { type: 'phase'; phase: ConnectionPhase }
  | { type: 'loaded'; messages: readonly ChatMessage[]; shopper: ShopperState | null }
  | { type: 'append'; message: ChatMessage }
  | { type: 'patch'; id: string; patch: Partial<ChatMessage> }
  | { type: 'replace'; id: string; message: ChatMessage }
  | { type: 'remove'; id: string }
  | { type: 'shopper'; shopper: ShopperState }
  | { type: 'cart'; cart: ShopperState['cart'] }
  | { type: 'status'; status: SessionStatus }
  | { type: 'activity'; activity: string | null };

const initial: State = {
  phase: 'connecting',
  messages: [],
  shopper: null,
  status: 'assistant',
  activity: null,
};

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'phase':
      return { ...state, phase: action.phase };
    case 'loaded':
      return {
        ...state,
        phase: 'ready',
        messages: action.messages,
        shopper: action.shopper,
        status: action.shopper?.status ?? 'assistant',
      };
    case 'append':
      return state.messages.some((m) => m.id === action.message.id)
        ? state
        : { ...state, messages: [...state.messages, action.message] };
    case 'patch':
      return {
        ...state,
        messages: state.messages.map((m) => (m.id === action.id ? { ...m, ...action.patch } : m)),
      };
    case 'replace': {
      // The streamed reply may already have arrived through the live feed under its real id.
      const others = state.messages.filter((m) => m.id !== action.message.id);
      return { ...state, messages: others.map((m) => (m.id === action.id ? action.message : m)) };
    }
    case 'remove':
      return { ...state, messages: state.messages.filter((m) => m.id !== action.id) };
    case 'shopper':
      return { ...state, shopper: action.shopper, status: action.shopper.status };
    case 'cart':
      return state.shopper === null ? state : { ...state, shopper: { ...state.shopper, cart: action.cart } };
    case 'status':
      return { ...state, status: action.status };
    case 'activity':
      return { ...state, activity: action.activity };
  }
}

export interface Conversation extends State {
  readonly busy: boolean;
  send(text: string): Promise<void>;
  retry(messageId: string): void;
  /** A note the widget adds itself, such as the order confirmation after paying in the form. */
  addLocal(text: string, cards: readonly Card[]): void;
  /** Refreshes the cart summary after the widget changed the cart through the cart API. */
  setCart(cart: ShopperState['cart']): void;
  reconnect(): void;
  restart(): void;
}

const WATCH_RETRY_MS = [1000, 3000, 10_000, 30_000];

export function useConversation(apiBase: string, storeKey: string | null, locale: string): Conversation {
  const [state, dispatch] = useReducer(reduce, initial);
  const client = useMemo(() => new SessionsClient(apiBase, storeKey), [apiBase, storeKey]);
  const session = useRef<SessionAuth | null>(null);
  const turn = useRef<AbortController | null>(null);
  const busyRef = useRef(false);
  /** The connection attempt in flight; a newer attempt (or unmounting) cancels it. */
  const connecting = useRef<AbortController | null>(null);

  // Connect: resume the stored session, or start one and show its greeting.
  const connect = useCallback(() => {
    connecting.current?.abort();
    const abort = new AbortController();
    connecting.current = abort;
    dispatch({ type: 'phase', phase: 'connecting' });
    (async () => {
      const saved = loadSession(apiBase, storeKey);
      if (saved !== null) {
        try {
          const snapshot = await client.snapshot(saved, abort.signal);
          session.current = saved;
          dispatch({
            type: 'loaded',
            messages: snapshot.messages.map(fromTranscript),
            shopper: snapshot.state,
          });
          return;
        } catch (error) {
          if (abort.signal.aborted) return;
          // A session that ended or expired starts over; a network failure is reported below.
          if (!(ApiError.isInstance(error) && [401, 403, 404].includes(error.status))) throw error;
          saveSession(apiBase, storeKey, null);
        }
      }
      const created = await client.create(locale, abort.signal);
      session.current = { sessionId: created.sessionId, token: created.token };
      saveSession(apiBase, storeKey, session.current);
      dispatch({
        type: 'loaded',
        messages: [fromReply(localId('greeting'), created.greeting)],
        shopper: created.state,
      });
    })().catch(() => {
      if (!abort.signal.aborted) dispatch({ type: 'phase', phase: 'failed' });
    });
  }, [client, apiBase, storeKey, locale]);

  useEffect(() => {
    connect();
    return () => connecting.current?.abort();
  }, [connect]);

  // Watch: staff messages and status changes arrive here while the widget is open.
  useEffect(() => {
    if (state.phase !== 'ready' || session.current === null) return;
    const abort = new AbortController();
    const current = session.current;
    let failures = 0;
    (async () => {
      while (!abort.signal.aborted) {
        try {
          for await (const event of client.watch(current, abort.signal)) {
            failures = 0;
            if (event.type === 'status') dispatch({ type: 'status', status: event.status });
            // The shopper's own words are already on screen; replies are kept once, by id.
            else if (event.message.role !== 'shopper') {
              dispatch({ type: 'append', message: fromTranscript(event.message) });
            }
          }
        } catch (error) {
          if (abort.signal.aborted) return;
          // A server without the live feed answers 404: the chat works without it.
          if (ApiError.isInstance(error) && [401, 403, 404, 405].includes(error.status)) return;
        }
        const wait = WATCH_RETRY_MS[Math.min(failures, WATCH_RETRY_MS.length - 1)] ?? 30_000;
        failures += 1;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    })();
    return () => abort.abort();
  }, [client, state.phase]);

  useEffect(() => () => turn.current?.abort(), []);

  const runTurn = useCallback(
    async (shopperMessageId: string, text: string) => {
      const current = session.current;
      if (current === null || busyRef.current) return;
      busyRef.current = true;
      const abort = new AbortController();
      turn.current = abort;
      const replyId = localId('reply');
      let started = false;
      let streamed = '';
      dispatch({ type: 'activity', activity: '' });
      try {
        for await (const event of client.sendMessage(current, text, abort.signal)) {
          if (event.type === 'text-delta') {
            streamed += event.text;
            if (!started) {
              started = true;
              dispatch({
                type: 'append',
                message: {
                  id: replyId,
                  role: 'assistant',
                  text: streamed,
                  cards: [],
                  suggestions: [],
                  createdAt: Date.now(),
                  streaming: true,
                },
              });
            } else dispatch({ type: 'patch', id: replyId, patch: { text: streamed } });
          } else if (event.type === 'tool') {
            dispatch({ type: 'activity', activity: event.name });
          } else if (event.type === 'reply') {
            const message = fromReply(event.messageId || replyId, event.reply);
            // With a person on the conversation the assistant stays silent: an empty reply draws nothing.
            const silent = message.text === '' && message.cards.length === 0;
            if (started)
              dispatch(silent ? { type: 'remove', id: replyId } : { type: 'replace', id: replyId, message });
            else if (!silent) dispatch({ type: 'append', message });
            dispatch({ type: 'shopper', shopper: event.state });
          }
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        if (started) dispatch({ type: 'remove', id: replyId });
        dispatch({ type: 'patch', id: shopperMessageId, patch: { failed: true } });
        if (ApiError.isInstance(error) && [401, 403, 404].includes(error.status)) {
          // The session is gone on the server (expired, closed): the next attempt starts a new one.
          saveSession(apiBase, storeKey, null);
        }
      } finally {
        busyRef.current = false;
        turn.current = null;
        dispatch({ type: 'activity', activity: null });
      }
    },
    [client, apiBase, storeKey],
  );

  const send = useCallback(
    async (raw: string) => {
      const text = raw.trim();
      if (text === '' || busyRef.current) return;
      const id = localId('shopper');
      dispatch({
        type: 'append',
        message: { id, role: 'shopper', text, cards: [], suggestions: [], createdAt: Date.now() },
      });
      await runTurn(id, text);
    },
    [runTurn],
  );

  const retry = useCallback(
    (messageId: string) => {
      const message = state.messages.find((m) => m.id === messageId);
      if (message === undefined) return;
      dispatch({ type: 'patch', id: messageId, patch: { failed: false } });
      void runTurn(messageId, message.text);
    },
    [state.messages, runTurn],
  );

  const addLocal = useCallback((text: string, cards: readonly Card[]) => {
    dispatch({
      type: 'append',
      message: { id: localId('note'), role: 'system', text, cards, suggestions: [], createdAt: Date.now() },
    });
  }, []);

  const setCart = useCallback((cart: ShopperState['cart']) => dispatch({ type: 'cart', cart }), []);

  const restart = useCallback(() => {
    saveSession(apiBase, storeKey, null);
    session.current = null;
    connect();
  }, [apiBase, storeKey, connect]);

  return {
    ...state,
    busy: state.activity !== null,
    send,
    retry,
    addLocal,
    setCart,
    reconnect: connect,
    restart,
  };
}
