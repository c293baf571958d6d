/**
 * The conversation engine: sessions, turns through the rules brain or a language model, the staff
 * handoff, live events and routing statistics. `createAssistant` wires the parts; the turn itself
 * is `run-turn.ts`.
 */
import { ConflictError, newId, UnauthorizedError, ValidationError } from '../../core/index.js';
import { PiiVault, redactText } from '../../privacy/index.js';
import type { Persona } from '../llm/index.js';
import type { Intent } from '../nlu/index.js';
import { initialDialogue, type RulesBrain } from '../rules-brain/index.js';
import { createToolbox, type HandoffPort, verifyCustomerToken } from '../tools/index.js';
import type { AssistantServices, Engine, LanguageModelSettings } from './engine.js';
import { createEventChannel } from './event-channel.js';
import { handedBackNotice, languageOf, staffJoinedNotice } from './notices.js';
import { createRecentFacts } from './recent-facts.js';
import { DEFAULT_ROUTER_CONFIDENCE, DEFAULT_RULES_INTENTS } from './router.js';
import { routingStatsOf } from './routing-stats.js';
import { publishMessage, runTurn } from './run-turn.js';
import { createSessionEvents } from './session-events.js';
import { createSessionLock, DEFAULT_HOLD_MS, type SessionLockOptions } from './session-lock.js';
import { createSessionStore, type SessionRecord, summaryOf } from './session-store.js';
import { hashSessionToken, newSessionToken } from './session-token.js';
import { shopperState } from './shopper-state.js';
import { modelToolRunners } from './turn-tools.js';
import type {
  Assistant,
  SentReply,
  SessionStatus,
  SessionSummary,
  StartedSession,
  TranscriptMessage,
  TurnEvent,
} from './types.js';

export interface AssistantOptions {
  /** ISO 4217 code of the store currency. */
  readonly currency: string;
  readonly persona: Persona;
  /** A language model for the turns the rules brain does not take; without one the rules brain answers all. */
  readonly llm?: LanguageModelSettings | null;
  /** Rules brain takes a turn at or above this confidence (default 0.8). */
  readonly routerConfidence?: number;
  /** Intents the rules brain takes when confident (default: transactions and small talk). */
  readonly rulesIntents?: readonly Intent[];
  /** Cart total in minor units from which a session goes to staff; unset for never. */
  readonly handoffCartOver?: number | null;
  /** Verifies signed customer tokens from the host site (sessions started signed in, identify_shopper). */
  readonly customerTokenSecret?: string;
  /** Forwarded to the toolbox. */
  readonly freeReturns?: boolean;
  /** How long a turn may hold a session, and how long another waits for it (servers sharing a database). */
  readonly sessionLock?: SessionLockOptions;
}

export interface AssistantDependencies {
  readonly services: AssistantServices;
  readonly rulesBrain: RulesBrain;
  readonly options: AssistantOptions;
}

const MAX_TEXT = 2000;
const MAX_STAFF_NAME = 80;
const CHANNEL = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** A message as typed by a shopper or a member of staff: trimmed, not empty, not over-long. */
function messageText(text: string): string {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') throw new ValidationError('the message is empty', { field: 'text' }, 'empty_message');
  if (trimmed.length > MAX_TEXT) {
    throw new ValidationError(
      `a message may hold at most ${MAX_TEXT} characters`,
      { field: 'text' },
      'message_too_long',
    );
  }
  return trimmed;
}

function staffName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '' || trimmed.length > MAX_STAFF_NAME) {
    throw new ValidationError(
      `a staff name has 1 to ${MAX_STAFF_NAME} characters`,
      { field: 'staffName' },
      'invalid_staff_name',
    );
  }
  return trimmed;
}

const closed = (sessionId: string) =>
  new ConflictError('session_closed', 'this conversation is closed', { sessionId });
const taken = (record: SessionRecord) =>
  new ConflictError('session_taken', `${record.staffName ?? 'someone'} already has this conversation`, {
    sessionId: record.id,
    staffName: record.staffName,
  });

export function createAssistant(dependencies: AssistantDependencies): Assistant {
  const { services, rulesBrain, options } = dependencies;
  const { clock } = services;
  const logger = services.logger;
  const events = createSessionEvents(logger);
  const sessions = createSessionStore(services.store, clock, (prefix) => newId(prefix, clock.now()));
  const activeTurns: Engine['activeTurns'] = new Map();
  // A turn may run as long as the model is allowed to take, and then some.
  const holdMs = Math.max(DEFAULT_HOLD_MS, (options.llm?.timeoutMs ?? 0) + DEFAULT_HOLD_MS / 4);
  const lock = createSessionLock(sessions, clock, { holdMs, ...options.sessionLock });

  // A tool's request for a person lands on the turn that made it; the turn queues the session.
  const handoff: HandoffPort = {
    async request(sessionId, reason) {
      const turn = activeTurns.get(sessionId);
      if (turn === undefined) throw new ConflictError('no_turn', 'a handoff is requested from within a turn');
      turn.handoff = { reason: 'tool_requested', note: reason };
      return { queued: true };
    },
  };
  const toolbox = createToolbox(services, {
    handoff,
    ...(options.customerTokenSecret === undefined
      ? {}
      : { customerTokenSecret: options.customerTokenSecret }),
    ...(options.freeReturns === undefined ? {} : { freeReturns: options.freeReturns }),
  });

  const engine: Engine = {
    services,
    logger,
    sessions,
    recentFacts: createRecentFacts(sessions),
    events,
    lock,
    rulesBrain,
    toolbox,
    modelTools: modelToolRunners(toolbox),
    llm: options.llm ?? null,
    persona: options.persona,
    currency: options.currency,
    router: {
      confidence: options.routerConfidence ?? DEFAULT_ROUTER_CONFIDENCE,
      rulesIntents: new Set(options.rulesIntents ?? DEFAULT_RULES_INTENTS),
    },
    handoffCartOver: options.handoffCartOver ?? null,
    activeTurns,
  };

  const stateOf = (record: SessionRecord) => shopperState(services, logger, record);

  /** Records a line the engine says to both sides (staff joined, assistant back). */
  async function announce(record: SessionRecord, text: string) {
    const message = await sessions.append(record.id, { role: 'system', text });
    publishMessage(engine, record.id, message, new PiiVault(record.vault));
  }

  function statusChanged(sessionId: string, status: SessionStatus) {
    events.emit({ type: 'status', sessionId, status });
  }

  async function takeOverLocked(sessionId: string, name: string): Promise<SessionRecord> {
    const record = await sessions.get(sessionId);
    if (record.status === 'closed') throw closed(sessionId);
    if (record.status === 'staff') {
      if (record.staffName === name) return record;
      throw taken(record);
    }
    const moved = await sessions.transition(sessionId, [record.status], { status: 'staff', staffName: name });
    if (!moved) return takeOverLocked(sessionId, name);
    const updated = await sessions.get(sessionId);
    await announce(updated, staffJoinedNotice(languageOf(updated.locale), name));
    statusChanged(sessionId, 'staff');
    logger.info({ sessionId, staffName: name }, 'staff took over a session');
    return sessions.get(sessionId);
  }

  async function* turn(sessionId: string, text: string): AsyncGenerator<TurnEvent> {
    const message = messageText(text);
    const release = await engine.lock.acquire(sessionId);
    const channel = createEventChannel<TurnEvent>();
    const work = runTurn(engine, sessionId, message, (event) => channel.push(event)).then(
      (sent) => {
        channel.push({ type: 'reply', messageId: sent.messageId, reply: sent.reply, state: sent.state });
        channel.end();
      },
      (error: unknown) => channel.fail(error),
    );
    try {
      yield* channel;
    } finally {
      // A reader that stops early still lets the turn finish before the next one starts.
      await work;
      await release();
    }
  }

  return {
    async startSession(input = {}) {
      const language = languageOf(input.locale ?? 'en');
      // The sales channel stock and promotions are kept for; carts sell on 'online' too.
      const channel = input.channel ?? 'online';
      if (!CHANNEL.test(channel)) {
        throw new ValidationError(
          'a channel is 1 to 40 lower-case letters, digits, - or _',
          { field: 'channel' },
          'invalid_channel',
        );
      }
      let customerId: string | null = null;
      if (input.customerToken !== undefined) {
        const secret = options.customerTokenSecret;
        const verified =
          secret === undefined ? null : verifyCustomerToken(secret, input.customerToken, clock.now());
        if (verified === null || (await services.customers.find(verified)) === null) {
          throw new UnauthorizedError('the customer token is not valid');
        }
        customerId = verified;
      }
      const now = clock.now();
      const token = newSessionToken();
      const record: SessionRecord = {
        id: newId('ses', now),
        locale: language,
        channel,
        status: 'assistant',
        customerId,
        customerVerified: customerId !== null,
        cartId: null,
        cartToken: null,
        dialogue: initialDialogue,
        vault: {},
        lastBrain: null,
        handoffReason: null,
        handoffNote: null,
        handoffAt: null,
        staffName: null,
        messageCount: 0,
        createdAt: now,
        lastMessageAt: now,
      };
      await sessions.insert(record, hashSessionToken(token));
      const greeting = rulesBrain.greeting(language);
      const first = await sessions.append(record.id, {
        role: 'assistant',
        text: greeting.text,
        cards: greeting.cards,
        suggestions: greeting.suggestions,
      });
      // The staff console sees a conversation begin.
      publishMessage(engine, record.id, first, new PiiVault());
      const started: StartedSession = { sessionId: record.id, token, greeting, state: await stateOf(record) };
      return started;
    },

    authenticate: (sessionId, token) => sessions.authenticate(sessionId, token),

    turn,

    async send(sessionId, text): Promise<SentReply> {
      for await (const event of turn(sessionId, text)) {
        if (event.type === 'reply')
          return { messageId: event.messageId, reply: event.reply, state: event.state };
      }
      throw new Error('a turn ended without a reply');
    },

    async transcript(sessionId) {
      const record = await sessions.get(sessionId);
      const vault = new PiiVault(record.vault);
      const messages = (await sessions.messages(sessionId)).map((message) => ({
        ...message,
        text: vault.restore(message.text),
      }));
      return { session: summaryOf(record), messages, state: await stateOf(record) };
    },

    async list(listOptions = {}) {
      const limit = listOptions.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
        throw new ValidationError(
          'limit is a whole number from 1 to 500',
          { field: 'limit' },
          'invalid_limit',
        );
      }
      const records = await sessions.list({ ...listOptions, limit });
      return records.map(summaryOf);
    },

    async queue(): Promise<SessionSummary[]> {
      return (await sessions.waiting()).map(summaryOf);
    },

    async takeOver(sessionId, name) {
      const staff = staffName(name);
      return summaryOf(await engine.lock.run(sessionId, () => takeOverLocked(sessionId, staff)));
    },

    async staffReply(sessionId, name, text): Promise<TranscriptMessage> {
      const staff = staffName(name);
      const body = messageText(text);
      return engine.lock.run(sessionId, async () => {
        const record = await takeOverLocked(sessionId, staff);
        const vault = new PiiVault(record.vault);
        const message = await sessions.append(
          sessionId,
          { role: 'staff', text: redactText(body, vault).redacted, author: staff },
          { vault: vault.toJSON() },
        );
        publishMessage(engine, sessionId, message, vault);
        return { ...message, text: vault.restore(message.text) };
      });
    },

    async handBack(sessionId, name) {
      const staff = staffName(name);
      return engine.lock.run(sessionId, async () => {
        const record = await sessions.get(sessionId);
        if (record.status === 'closed') throw closed(sessionId);
        if (record.status === 'assistant') return summaryOf(record);
        if (record.status === 'staff' && record.staffName !== staff) throw taken(record);
        await sessions.transition(sessionId, [record.status], { status: 'assistant', staffName: null });
        await announce(record, handedBackNotice(languageOf(record.locale)));
        statusChanged(sessionId, 'assistant');
        logger.info({ sessionId, staffName: staff }, 'staff handed a session back to the assistant');
        return summaryOf(await sessions.get(sessionId));
      });
    },

    async close(sessionId) {
      return engine.lock.run(sessionId, async () => {
        const record = await sessions.get(sessionId);
        if (record.status === 'closed') return summaryOf(record);
        await sessions.transition(sessionId, [record.status], { status: 'closed' });
        statusChanged(sessionId, 'closed');
        return summaryOf(await sessions.get(sessionId));
      });
    },

    subscribe: (sessionId, listener) => events.subscribe(sessionId, listener),

    async routingStats() {
      return routingStatsOf(await sessions.brainTotals());
    },
  };
}
