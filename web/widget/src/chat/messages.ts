/** What the message list draws: the transcript's messages plus the widget's own local notes. */
import type { Card, Reply, Suggestion, TranscriptMessage } from '../api/types.js';

export type ChatRole = 'shopper' | 'assistant' | 'staff' | 'system';

export interface ChatMessage {
  readonly id: string;
  readonly role: ChatRole;
  readonly text: string;
  readonly cards: readonly Card[];
  readonly suggestions: readonly { label: string; text: string }[];
  readonly author?: string;
  readonly createdAt: number;
  /** Words still arriving. */
  readonly streaming?: boolean;
  /** A shopper message the server never took; the widget offers to send it again. */
  readonly failed?: boolean;
}

let localCounter = 0;

export function localId(prefix: string): string {
  localCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${localCounter}`;
}

export function fromReply(id: string, reply: Reply, createdAt = Date.now()): ChatMessage {
  return {
    id,
    role: 'assistant',
    text: reply.text,
    cards: reply.cards,
    suggestions: reply.suggestions as Suggestion[],
    createdAt,
  };
}

export function fromTranscript(message: TranscriptMessage): ChatMessage {
  return {
    id: message.id,
    role: message.role,
    text: message.text,
    cards: message.cards,
    suggestions: message.suggestions as Suggestion[],
    ...(message.author !== undefined && { author: message.author }),
    createdAt: message.createdAt,
  };
}
