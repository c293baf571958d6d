import type { ModelMessage } from 'ai';
import type { ConversationMessage } from './types.js';

/**
 * The turn as model messages: the most recent history, then the shopper's message. Old turns
 * are dropped to bound cost and latency; the kept history starts with a shopper message,
 * because some providers (Anthropic) refuse a conversation that opens with the assistant.
 */
export function toModelMessages(
  history: readonly ConversationMessage[],
  userText: string,
  maxHistoryMessages: number,
): ModelMessage[] {
  const recent = maxHistoryMessages > 0 ? history.slice(-maxHistoryMessages) : [];
  const firstUser = recent.findIndex((message) => message.role === 'user');
  const kept = firstUser < 0 ? [] : recent.slice(firstUser);
  return [
    ...kept.map((message): ModelMessage => ({ role: message.role, content: message.text })),
    { role: 'user', content: userText },
  ];
}
