/**
 * Sessions and their messages in the store. A message is appended together with the session's
 * counter in one transaction, so `seq` counts 1, 2, 3 ... without gaps even when two writers race.
 */
import type { Clock } from '../../core/index.js';
import { NotFoundError } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import type { DialogueState } from '../rules-brain/index.js';
import type { Card } from '../tools/index.js';
import { sessionTokenMatches } from './session-token.js';
import type {
  HandoffReason,
  MessageRole,
  SessionStatus,
  SessionSummary,
  Suggestion,
  TranscriptMessage,
  TurnTrace,
} from './types.js';

export interface SessionRecord {
  readonly id: string;
  readonly locale: string;
  readonly channel: string;
  readonly status: SessionStatus;
  readonly customerId: string | null;
  readonly customerVerified: boolean;
  readonly cartId: string | null;
  readonly cartToken: string | null;
  readonly dialogue: DialogueState;
  readonly vault: Readonly<Record<string, string>>;
  readonly lastBrain: TurnTrace['brain'] | null;
  readonly handoffReason: HandoffReason | null;
  readonly handoffNote: string | null;
  readonly handoffAt: number | null;
  readonly staffName: string | null;
  readonly messageCount: number;
  readonly createdAt: number;
  readonly lastMessageAt: number;
}

/** The columns a turn or a staff action may change. */
export type SessionPatch = Partial<
  Pick<
    SessionRecord,
    | 'status'
    | 'customerId'
    | 'customerVerified'
    | 'cartId'
    | 'cartToken'
    | 'dialogue'
    | 'vault'
    | 'lastBrain'
    | 'handoffReason'
    | 'handoffNote'
    | 'handoffAt'
    | 'staffName'
    | 'locale'
  >
>;

export interface NewMessage {
  readonly role: MessageRole;
  readonly text: string;
  readonly cards?: readonly Card[];
  readonly suggestions?: readonly Suggestion[];
  readonly trace?: TurnTrace;
  readonly author?: string;
}

export interface BrainTotals {
  readonly brain: string;
  readonly turns: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

type SessionRow = Awaited<ReturnType<typeof selectSession>>;

function selectSession(store: Store, id: string) {
  return store.db.selectFrom('assistant_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

const notFound = (id: string) => new NotFoundError('session', id, 'session_not_found');

function recordOf(row: NonNullable<SessionRow>): SessionRecord {
  return {
    id: row.id,
    locale: row.locale,
    channel: row.channel,
    status: row.status,
    customerId: row.customer_id,
    customerVerified: Number(row.customer_verified) === 1,
    cartId: row.cart_id,
    cartToken: row.cart_token,
    dialogue: JSON.parse(row.dialogue) as DialogueState,
    vault: JSON.parse(row.pii_vault) as Record<string, string>,
    lastBrain: row.last_brain as TurnTrace['brain'] | null,
    handoffReason: row.handoff_reason as HandoffReason | null,
    handoffNote: row.handoff_note,
    handoffAt: row.handoff_at === null ? null : Number(row.handoff_at),
    staffName: row.staff_name,
    messageCount: Number(row.message_count),
    createdAt: Number(row.created_at),
    lastMessageAt: Number(row.last_message_at),
  };
}

export function summaryOf(record: SessionRecord): SessionSummary {
  return {
    id: record.id,
    status: record.status,
    locale: record.locale,
    channel: record.channel,
    customerId: record.customerId,
    cartId: record.cartId,
    handoffReason: record.handoffReason,
    handoffNote: record.handoffNote,
    handoffAt: record.handoffAt,
    staffName: record.staffName,
    messageCount: record.messageCount,
    lastMessageAt: record.lastMessageAt,
    createdAt: record.createdAt,
  };
}

function columnsOf(patch: SessionPatch) {
  return {
    ...(patch.status === undefined ? {} : { status: patch.status }),
    ...(patch.customerId === undefined ? {} : { customer_id: patch.customerId }),
    ...(patch.customerVerified === undefined ? {} : { customer_verified: patch.customerVerified ? 1 : 0 }),
    ...(patch.cartId === undefined ? {} : { cart_id: patch.cartId }),
    ...(patch.cartToken === undefined ? {} : { cart_token: patch.cartToken }),
    ...(patch.dialogue === undefined ? {} : { dialogue: JSON.stringify(patch.dialogue) }),
    ...(patch.vault === undefined ? {} : { pii_vault: JSON.stringify(patch.vault) }),
    ...(patch.lastBrain === undefined ? {} : { last_brain: patch.lastBrain }),
    ...(patch.handoffReason === undefined ? {} : { handoff_reason: patch.handoffReason }),
    ...(patch.handoffNote === undefined ? {} : { handoff_note: patch.handoffNote }),
    ...(patch.handoffAt === undefined ? {} : { handoff_at: patch.handoffAt }),
    ...(patch.staffName === undefined ? {} : { staff_name: patch.staffName }),
    ...(patch.locale === undefined ? {} : { locale: patch.locale }),
  };
}

interface MessagePayload {
  readonly cards: readonly Card[];
  readonly suggestions: readonly Suggestion[];
  readonly trace?: TurnTrace;
  readonly author?: string;
}

type MessageRow = {
  id: string;
  seq: number;
  role: MessageRole;
  text: string;
  payload: string;
  created_at: number;
};

function messageOf(row: MessageRow): TranscriptMessage {
  return messageFrom(row, JSON.parse(row.payload) as MessagePayload);
}

function messageFrom(row: Omit<MessageRow, 'payload'>, payload: MessagePayload): TranscriptMessage {
  return {
    id: row.id,
    seq: Number(row.seq),
    role: row.role,
    text: row.text,
    cards: payload.cards,
    suggestions: payload.suggestions,
    ...(payload.trace === undefined ? {} : { trace: payload.trace }),
    ...(payload.author === undefined ? {} : { author: payload.author }),
    createdAt: Number(row.created_at),
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

export function createSessionStore(store: Store, clock: Clock, newId: (prefix: string) => string) {
  return {
    async insert(record: SessionRecord, tokenHash: string): Promise<void> {
      await store.db
        .insertInto('assistant_sessions')
        .values({
          id: record.id,
          token_hash: tokenHash,
          locale: record.locale,
          channel: record.channel,
          status: record.status,
          customer_id: record.customerId,
          customer_verified: record.customerVerified ? 1 : 0,
          cart_id: record.cartId,
          cart_token: record.cartToken,
          dialogue: JSON.stringify(record.dialogue),
          pii_vault: JSON.stringify(record.vault),
          last_brain: record.lastBrain,
          handoff_reason: record.handoffReason,
          handoff_note: record.handoffNote,
          handoff_at: record.handoffAt,
          staff_name: record.staffName,
          message_count: 0,
          turn_owner: null,
          turn_until: null,
          created_at: record.createdAt,
          updated_at: record.createdAt,
          last_message_at: record.lastMessageAt,
        })
        .execute();
    },

    async get(id: string): Promise<SessionRecord> {
      const row = await selectSession(store, id);
      if (row === undefined) throw notFound(id);
      return recordOf(row);
    },

    /** The same error for an unknown id and a wrong token, so ids cannot be probed. */
    async authenticate(id: string, token: string): Promise<void> {
      const row = await store.db
        .selectFrom('assistant_sessions')
        .select('token_hash')
        .where('id', '=', id)
        .executeTakeFirst();
      if (row === undefined || !sessionTokenMatches(token, row.token_hash)) throw notFound(id);
    },

    async update(id: string, patch: SessionPatch): Promise<SessionRecord> {
      const result = await store.db
        .updateTable('assistant_sessions')
        .set({ ...columnsOf(patch), updated_at: clock.now() })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw notFound(id);
      return this.get(id);
    },

    /** Applies `patch` only while the session is in one of `from`; false when it was not. */
    async transition(id: string, from: readonly SessionStatus[], patch: SessionPatch): Promise<boolean> {
      const result = await store.db
        .updateTable('assistant_sessions')
        .set({ ...columnsOf(patch), updated_at: clock.now() })
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * Takes the session for one turn until `until` unless another turn holds it (a hold past its
     * time is taken over). False when the session is busy or does not exist.
     */
    async claimTurn(id: string, owner: string, until: number): Promise<boolean> {
      const now = clock.now();
      const result = await store.db
        .updateTable('assistant_sessions')
        .set({ turn_owner: owner, turn_until: until })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('turn_owner', 'is', null), eb('turn_until', '<', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async releaseTurn(id: string, owner: string): Promise<void> {
      await store.db
        .updateTable('assistant_sessions')
        .set({ turn_owner: null, turn_until: null })
        .where('id', '=', id)
        .where('turn_owner', '=', owner)
        .execute();
    },

    /** Appends one message and applies `patch` to the session in the same transaction. */
    async append(
      sessionId: string,
      message: NewMessage,
      patch: SessionPatch = {},
    ): Promise<TranscriptMessage> {
      const now = clock.now();
      const id = newId('msg');
      const payload: MessagePayload = {
        cards: message.cards ?? [],
        suggestions: message.suggestions ?? [],
        ...(message.trace === undefined ? {} : { trace: message.trace }),
        ...(message.author === undefined ? {} : { author: message.author }),
      };
      // Traces carry the turn's facts: serialized once, and the message built from the object itself.
      const stored = JSON.stringify(payload);
      const seq = await store.transaction(async (trx) => {
        const counted = await trx
          .updateTable('assistant_sessions')
          .set((eb) => ({
            ...columnsOf(patch),
            message_count: eb('message_count', '+', 1),
            last_message_at: now,
            updated_at: now,
          }))
          .where('id', '=', sessionId)
          .returning('message_count')
          .executeTakeFirst();
        if (counted === undefined) throw notFound(sessionId);
        const next = Number(counted.message_count);
        await trx
          .insertInto('assistant_messages')
          .values({
            id,
            session_id: sessionId,
            seq: next,
            role: message.role,
            text: message.text,
            payload: stored,
            brain: message.trace?.brain ?? null,
            input_tokens: message.trace?.usage?.inputTokens ?? null,
            output_tokens: message.trace?.usage?.outputTokens ?? null,
            created_at: now,
          })
          .execute();
        return next;
      });
      return messageFrom({ id, seq, role: message.role, text: message.text, created_at: now }, payload);
    },

    async messages(sessionId: string): Promise<TranscriptMessage[]> {
      const rows = await store.db
        .selectFrom('assistant_messages')
        .select(['id', 'seq', 'role', 'text', 'payload', 'created_at'])
        .where('session_id', '=', sessionId)
        .orderBy('seq')
        .execute();
      return rows.map(messageOf);
    },

    /** Who said what in the last `limit` messages before `beforeSeq`, oldest first: a model's history. */
    async recentTexts(
      sessionId: string,
      beforeSeq: number,
      limit: number,
    ): Promise<{ role: MessageRole; text: string }[]> {
      const rows = await store.db
        .selectFrom('assistant_messages')
        .select(['role', 'text'])
        .where('session_id', '=', sessionId)
        .where('seq', '<', beforeSeq)
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse();
    },

    /** Traces of the last `limit` assistant replies, oldest first. */
    async recentTraces(sessionId: string, limit: number): Promise<TurnTrace[]> {
      const rows = await store.db
        .selectFrom('assistant_messages')
        .select('payload')
        .where('session_id', '=', sessionId)
        .where('brain', 'is not', null)
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().flatMap((row) => {
        const trace = (JSON.parse(row.payload) as MessagePayload).trace;
        return trace === undefined ? [] : [trace];
      });
    },

    async list(options: { status?: SessionStatus; limit?: number } = {}): Promise<SessionRecord[]> {
      let query = store.db.selectFrom('assistant_sessions').selectAll();
      if (options.status !== undefined) query = query.where('status', '=', options.status);
      const rows = await query
        .orderBy('last_message_at', 'desc')
        .orderBy('id', 'desc')
        .limit(options.limit ?? 50)
        .execute();
      return rows.map(recordOf);
    },

    async waiting(): Promise<SessionRecord[]> {
      const rows = await store.db
        .selectFrom('assistant_sessions')
        .selectAll()
        .where('status', '=', 'waiting')
        .orderBy('handoff_at')
        .orderBy('id')
        .execute();
      return rows.map(recordOf);
    },

    async brainTotals(): Promise<BrainTotals[]> {
      const rows = await store.db
        .selectFrom('assistant_messages')
        .select((eb) => [
          'brain',
          eb.fn.countAll<number>().as('turns'),
          eb.fn.coalesce(eb.fn.sum<number>('input_tokens'), eb.lit(0)).as('input_tokens'),
          eb.fn.coalesce(eb.fn.sum<number>('output_tokens'), eb.lit(0)).as('output_tokens'),
        ])
        .where('brain', 'is not', null)
        .groupBy('brain')
        .execute();
      return rows.map((row) => ({
        brain: String(row.brain),
        turns: Number(row.turns),
        inputTokens: Number(row.input_tokens),
        outputTokens: Number(row.output_tokens),
      }));
    },
  };
}
