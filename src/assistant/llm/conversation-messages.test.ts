import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toModelMessages } from './conversation-messages.js';
import type { ConversationMessage } from './types.js';

const user = (text: string): ConversationMessage => ({ role: 'user', text });
const assistant = (text: string): ConversationMessage => ({ role: 'assistant', text });

describe('toModelMessages', () => {
  it('puts the history in order and the shopper message last', () => {
    expect(toModelMessages([user('hi'), assistant('hello')], 'tea?', 20)).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
      { role: 'user', content: 'tea?' },
    ]);
  });

  it('keeps only the most recent messages, starting with a shopper message', () => {
    const history = [user('1'), assistant('2'), user('3'), assistant('4'), user('5'), assistant('6')];
    expect(toModelMessages(history, '7', 3).map((message) => message.content)).toEqual(['5', '6', '7']);
    expect(toModelMessages(history, '7', 4).map((message) => message.content)).toEqual([
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
    expect(toModelMessages(history, '7', 0).map((message) => message.content)).toEqual(['7']);
  });

  it('never exceeds the limit, never opens with the assistant, and always ends with the shopper', () => {
    const message = fc.record({
      role: fc.constantFrom('user' as const, 'assistant' as const),
      text: fc.string(),
    });
    fc.assert(
      fc.property(fc.array(message, { maxLength: 30 }), fc.integer({ min: 0, max: 40 }), (history, limit) => {
        const messages = toModelMessages(history, 'now', limit);
        expect(messages.length).toBeLessThanOrEqual(limit + 1);
        expect(messages[0]?.role).toBe('user');
        expect(messages.at(-1)).toEqual({ role: 'user', content: 'now' });
      }),
    );
  });
});
