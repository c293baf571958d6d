/**
 * Assistant conversation tables (migration 0010). Timestamps are epoch milliseconds; JSON
 * columns are text.
 */

export interface AssistantSessionsTable {
  id: string;
  /** SHA-256 of the session token, hex; the token itself is never stored. */
  token_hash: string;
  locale: string;
  channel: string;
  status: 'assistant' | 'waiting' | 'staff' | 'closed';
  customer_id: string | null;
  /** 1 once the shopper proved who they are. */
  customer_verified: number;
  cart_id: string | null;
  /** The cart's own token, so the shopper's screen can run checkout on the cart API. */
  cart_token: string | null;
  /** JSON DialogueState of the rules brain. */
  dialogue: string;
  /** JSON token → value of the session's redacted emails and phones. */
  pii_vault: string;
  /** The brain that wrote the last reply (`rules`, `llm`, `fallback`). */
  last_brain: string | null;
  handoff_reason: string | null;
  handoff_note: string | null;
  handoff_at: number | null;
  staff_name: string | null;
  message_count: number;
  /** The turn running on the session (any server), and when its hold lapses if that server died. */
  turn_owner: string | null;
  turn_until: number | null;
  created_at: number;
  updated_at: number;
  last_message_at: number;
}

export interface AssistantMessagesTable {
  id: string;
  session_id: string;
  /** 1, 2, 3 ... per session, without gaps. */
  seq: number;
  role: 'shopper' | 'assistant' | 'staff' | 'system';
  /** Redacted text. */
  text: string;
  /** JSON { cards, suggestions, trace?, author? }. */
  payload: string;
  /** On assistant replies: the brain that wrote it, and the model tokens it spent. */
  brain: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  created_at: number;
}

export interface AssistantTables {
  assistant_sessions: AssistantSessionsTable;
  assistant_messages: AssistantMessagesTable;
}
