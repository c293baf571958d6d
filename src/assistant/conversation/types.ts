/**
 * The conversation's shapes: a session, its transcript, one turn's reply and the events a turn
 * streams. The HTTP routes, `aisle chat`, the evaluation runner and the web widget all speak these.
 */
import type { Money } from '../../core/index.js';
import type { Fact } from '../facts/index.js';
import type { Intervention } from '../guard/index.js';
import type { Card } from '../tools/index.js';

/** Who is answering the shopper: the assistant, nobody yet (queued for staff), a person, or no one. */
export type SessionStatus = 'assistant' | 'waiting' | 'staff' | 'closed';

export type MessageRole = 'shopper' | 'assistant' | 'staff' | 'system';

/** A quick-reply chip: `label` is shown, `text` is sent as the shopper's message when tapped. */
export interface Suggestion {
  readonly label: string;
  readonly text: string;
}

export interface Reply {
  readonly text: string;
  readonly cards: readonly Card[];
  readonly suggestions: readonly Suggestion[];
}

/** What the shopper's screen needs besides the words: the cart (with its token for checkout) and who they are. */
export interface ShopperState {
  readonly cart: {
    readonly cartId: string;
    /** The cart API's X-Cart-Token: the widget runs address, shipping and payment on the cart API. */
    readonly token: string;
    readonly itemCount: number;
    readonly total: Money;
  } | null;
  readonly shopper: {
    readonly customerId: string;
    readonly verified: boolean;
    readonly name: string | null;
  } | null;
  readonly status: SessionStatus;
}

export type HandoffReason =
  | 'shopper_asked'
  | 'repeated_failure'
  | 'frustration'
  | 'outside_policy'
  | 'high_value_cart'
  | 'tool_requested';

/** Which brain wrote a reply, and what it cost. */
export interface TurnTrace {
  readonly brain: 'rules' | 'llm' | 'fallback';
  /** Why the router chose it ("confident greeting 0.97", "no LLM configured", "llm failed: timeout"). */
  readonly route: string;
  readonly intent: string | null;
  readonly confidence: number | null;
  readonly tools: readonly {
    readonly name: string;
    readonly input: unknown;
    readonly ok: boolean;
    readonly error?: string;
    readonly facts: readonly Fact[];
  }[];
  readonly interventions: readonly Intervention[];
  readonly usage: {
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly costMicros?: number;
  } | null;
  readonly latencyMs: number;
}

export interface TranscriptMessage {
  readonly id: string;
  readonly seq: number;
  readonly role: MessageRole;
  /** Shopper text as stored: PII replaced by vault tokens, card numbers removed. */
  readonly text: string;
  readonly cards: readonly Card[];
  readonly suggestions: readonly Suggestion[];
  /** Present on assistant messages; shown to staff, never to the shopper. */
  readonly trace?: TurnTrace;
  /** Staff member's display name on staff messages. */
  readonly author?: string;
  readonly createdAt: number;
}

export interface SessionSummary {
  readonly id: string;
  readonly status: SessionStatus;
  readonly locale: string;
  readonly channel: string;
  readonly customerId: string | null;
  readonly cartId: string | null;
  readonly handoffReason: HandoffReason | null;
  /** Shown to staff in the queue: what the shopper wanted, in a line. */
  readonly handoffNote: string | null;
  /** When the session last went to the staff queue; queue order. */
  readonly handoffAt: number | null;
  /** The staff member who has the conversation while `status` is `staff`. */
  readonly staffName: string | null;
  readonly messageCount: number;
  readonly lastMessageAt: number;
  readonly createdAt: number;
}

/**
 * What a turn streams: words as they are verified, then the whole reply with the state. While a
 * person has the conversation (status `staff`) the reply is empty (no text, cards or suggestions)
 * and `messageId` is the shopper's own message: there is nothing to draw, the person's answer
 * arrives as a session event. While it waits for a person, the reply is the recorded notice saying so.
 */
export type TurnEvent =
  | { readonly type: 'text-delta'; readonly text: string }
  | { readonly type: 'tool'; readonly name: string }
  | {
      readonly type: 'reply';
      readonly messageId: string;
      readonly reply: Reply;
      readonly state: ShopperState;
    };

/** What a session's watchers (the widget, the staff console) are told, live. */
export type SessionEvent =
  | { readonly type: 'message'; readonly sessionId: string; readonly message: TranscriptMessage }
  | {
      readonly type: 'status';
      readonly sessionId: string;
      readonly status: SessionStatus;
      readonly reason?: HandoffReason;
    };

export interface StartSessionInput {
  /** `en` (default) or `zh-TW`: the greeting's language and the first guess for replies. */
  readonly locale?: string;
  /** The sales channel the session sells on (default `online`): the stock and promotions the tools use. */
  readonly channel?: string;
  /** A signed customer token from the host site: the session starts with a verified shopper. */
  readonly customerToken?: string;
}

export interface StartedSession {
  readonly sessionId: string;
  /** Shown once: every later call for the session must present it. */
  readonly token: string;
  /** Recorded as the first message; says the shopper is talking to an AI. */
  readonly greeting: Reply;
  readonly state: ShopperState;
}

export interface SentReply {
  readonly messageId: string;
  readonly reply: Reply;
  readonly state: ShopperState;
}

export interface Transcript {
  readonly session: SessionSummary;
  readonly messages: readonly TranscriptMessage[];
  readonly state: ShopperState;
}

export interface RoutingStats {
  /** Assistant turns by the brain that wrote them; `fallback` counts LLM turns answered another way. */
  readonly turns: { readonly rules: number; readonly llm: number; readonly fallback: number };
  /** Share of turns the rules brain served, 0..1 (0 when there were no turns). */
  readonly rulesShare: number;
  readonly llmTokens: { readonly input: number; readonly output: number };
  /** Tokens the rules-served turns did not spend: rules turns × tokens per LLM turn. */
  readonly tokensSaved: number;
  /** `measured`: the mean of this store's LLM turns; `estimate`: no LLM turn yet, a documented typical turn. */
  readonly tokensPerLlmTurn: { readonly value: number; readonly basis: 'measured' | 'estimate' };
}

export type SessionListener = (event: SessionEvent) => void;

/**
 * The conversation engine. Every session method throws NotFoundError (`session_not_found`) for an
 * unknown id; `turn` and `send` throw ConflictError (`session_closed`) on a closed session and
 * ValidationError on empty or over-long text.
 */
export interface Assistant {
  startSession(input?: StartSessionInput): Promise<StartedSession>;
  /** Throws the same NotFoundError for an unknown id and a wrong token. */
  authenticate(sessionId: string, token: string): Promise<void>;
  /** One shopper message; the last event is always `reply`. Turns of one session run one at a time. */
  turn(sessionId: string, text: string): AsyncIterable<TurnEvent>;
  /** `turn`, drained. */
  send(sessionId: string, text: string): Promise<SentReply>;
  transcript(sessionId: string): Promise<Transcript>;

  /** Most recently active first. */
  list(options?: { readonly status?: SessionStatus; readonly limit?: number }): Promise<SessionSummary[]>;
  /** Sessions waiting for a person, longest waiting first, with the reason and a one-line note. */
  queue(): Promise<SessionSummary[]>;
  /** A person takes the conversation; the assistant stops answering. ConflictError when another person has it. */
  takeOver(sessionId: string, staffName: string): Promise<SessionSummary>;
  /** Recorded with role `staff` and sent to the shopper live; takes the conversation over if nobody has it. */
  staffReply(sessionId: string, staffName: string, text: string): Promise<TranscriptMessage>;
  /** The assistant answers again. */
  handBack(sessionId: string, staffName: string): Promise<SessionSummary>;
  close(sessionId: string): Promise<SessionSummary>;

  /** Live messages and status changes of one session, or of all (`'*'`, the staff console). Returns unsubscribe. */
  subscribe(sessionId: string, listener: SessionListener): () => void;
  routingStats(): Promise<RoutingStats>;
}
