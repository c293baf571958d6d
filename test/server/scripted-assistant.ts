/**
 * An in-memory Assistant for route tests: it keeps sessions, checks tokens, answers each message by
 * echoing it word by word, and tells subscribers about messages and status changes as the real
 * engine does. `failNext` makes the next turn throw after its first word.
 */
import { randomUUID } from 'node:crypto';
import type {
  Assistant,
  Reply,
  SessionEvent,
  SessionListener,
  SessionStatus,
  SessionSummary,
  ShopperState,
  TranscriptMessage,
  TurnEvent,
} from '../../src/assistant/index.js';
import { AisleError, ConflictError, NotFoundError } from '../../src/core/index.js';

interface ScriptedSession {
  summary: SessionSummary;
  token: string;
  messages: TranscriptMessage[];
}

export interface ScriptedAssistant extends Assistant {
  failNext(error: Error): void;
  readonly listenerCount: number;
}

export function createScriptedAssistant(): ScriptedAssistant {
  const sessions = new Map<string, ScriptedSession>();
  const listeners = new Set<{ sessionId: string; listener: SessionListener }>();
  let failure: Error | null = null;
  let clock = 1_000;

  const get = (id: string) => {
    const session = sessions.get(id);
    if (session === undefined) throw new NotFoundError('session', id, 'session_not_found');
    return session;
  };
  const emit = (event: SessionEvent) => {
    for (const entry of listeners)
      if (entry.sessionId === '*' || entry.sessionId === event.sessionId) entry.listener(event);
  };
  const stateOf = (session: ScriptedSession): ShopperState => ({
    cart: null,
    shopper: null,
    status: session.summary.status,
  });
  const record = (session: ScriptedSession, message: Omit<TranscriptMessage, 'id' | 'seq' | 'createdAt'>) => {
    clock += 1;
    const stored: TranscriptMessage = {
      ...message,
      id: `msg_${session.messages.length + 1}`,
      seq: session.messages.length + 1,
      createdAt: clock,
    };
    session.messages.push(stored);
    session.summary = { ...session.summary, messageCount: session.messages.length, lastMessageAt: clock };
    emit({ type: 'message', sessionId: session.summary.id, message: stored });
    return stored;
  };
  const setStatus = (session: ScriptedSession, status: SessionStatus, staffName: string | null) => {
    session.summary = { ...session.summary, status, staffName };
    emit({ type: 'status', sessionId: session.summary.id, status });
    return session.summary;
  };

  async function* turn(sessionId: string, text: string): AsyncIterable<TurnEvent> {
    const session = get(sessionId);
    if (session.summary.status === 'closed')
      throw new ConflictError('session_closed', 'this conversation is closed');
    record(session, { role: 'shopper', text, cards: [], suggestions: [] });
    const words = `You said: ${text}`.split(' ');
    yield { type: 'tool', name: 'search_products' };
    for (const [index, word] of words.entries()) {
      yield { type: 'text-delta', text: index === 0 ? word : ` ${word}` };
      if (failure !== null) {
        const error = failure;
        failure = null;
        throw error;
      }
    }
    const reply: Reply = { text: words.join(' '), cards: [], suggestions: [{ label: 'More', text: 'more' }] };
    const stored = record(session, {
      role: 'assistant',
      ...reply,
      trace: {
        brain: 'rules',
        route: 'scripted',
        intent: 'echo',
        confidence: 1,
        tools: [{ name: 'search_products', input: { q: text }, ok: true, facts: [] }],
        interventions: [],
        usage: null,
        latencyMs: 0,
      },
    });
    yield { type: 'reply', messageId: stored.id, reply, state: stateOf(session) };
  }

  const assistant: ScriptedAssistant = {
    async startSession(input = {}) {
      const id = `ses_${randomUUID()}`;
      const session: ScriptedSession = {
        token: randomUUID(),
        messages: [],
        summary: {
          id,
          status: 'assistant',
          locale: input.locale ?? 'en',
          channel: input.channel ?? 'web',
          customerId: null,
          cartId: null,
          handoffReason: null,
          handoffNote: null,
          handoffAt: null,
          staffName: null,
          messageCount: 0,
          lastMessageAt: clock,
          createdAt: clock,
        },
      };
      sessions.set(id, session);
      const greeting: Reply = { text: 'Hi, I am an AI assistant.', cards: [], suggestions: [] };
      record(session, { role: 'assistant', ...greeting });
      return { sessionId: id, token: session.token, greeting, state: stateOf(session) };
    },
    async authenticate(sessionId, token) {
      const session = sessions.get(sessionId);
      if (session === undefined || session.token !== token)
        throw new NotFoundError('session', sessionId, 'session_not_found');
    },
    turn,
    async send(sessionId, text) {
      for await (const event of turn(sessionId, text)) {
        if (event.type === 'reply')
          return { messageId: event.messageId, reply: event.reply, state: event.state };
      }
      throw new AisleError('no_reply', 'the turn ended without a reply');
    },
    async transcript(sessionId) {
      const session = get(sessionId);
      return { session: session.summary, messages: session.messages, state: stateOf(session) };
    },
    async list(options = {}) {
      return [...sessions.values()]
        .map((s) => s.summary)
        .filter((s) => options.status === undefined || s.status === options.status);
    },
    async queue() {
      return [...sessions.values()].map((s) => s.summary).filter((s) => s.status === 'waiting');
    },
    async takeOver(sessionId, staffName) {
      const session = get(sessionId);
      if (session.summary.status === 'staff' && session.summary.staffName !== staffName)
        throw new ConflictError('session_taken', `${session.summary.staffName} has this conversation`);
      return setStatus(session, 'staff', staffName);
    },
    async staffReply(sessionId, staffName, text) {
      const session = get(sessionId);
      if (session.summary.status !== 'staff') setStatus(session, 'staff', staffName);
      return record(session, { role: 'staff', text, cards: [], suggestions: [], author: staffName });
    },
    async handBack(sessionId) {
      return setStatus(get(sessionId), 'assistant', null);
    },
    async close(sessionId) {
      return setStatus(get(sessionId), 'closed', null);
    },
    subscribe(sessionId, listener) {
      const entry = { sessionId, listener };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    async routingStats() {
      return {
        turns: { rules: 1, llm: 0, fallback: 0 },
        rulesShare: 1,
        llmTokens: { input: 0, output: 0 },
        tokensSaved: 900,
        tokensPerLlmTurn: { value: 900, basis: 'estimate' },
      };
    },
    failNext(error) {
      failure = error;
    },
    get listenerCount() {
      return listeners.size;
    },
  };
  return assistant;
}
