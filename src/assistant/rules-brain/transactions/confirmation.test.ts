/** Reading a yes or no while an action waits: money moves only on an explicit yes. */
import { describe, expect, it } from 'vitest';
import { affirm, answerToPending, deny } from './confirmation.js';
import { bareTurn } from './test-turn.js';

const pending = { tool: 'cancel_order', input: { order: 'A1002' }, confirmationId: 'cf_1' } as const;

function waiting(text: string) {
  return bareTurn(text, [], {
    intent: 'out_of_scope',
    dialogue: { pending, awaiting: { kind: 'confirmation' } },
  });
}

describe('a yes or no to a pending action', () => {
  it('reads a yes before a pause, in either language', () => {
    expect(answerToPending(waiting('好，麻煩幫我確認。'))).toBe(affirm);
    expect(answerToPending(waiting('Yes please go ahead'))).toBe(affirm);
  });

  it('does not take a question, a "but" or a no inside as a yes', () => {
    expect(answerToPending(waiting('可以換成別的嗎？'))).toBeNull();
    expect(answerToPending(waiting('是哪一筆?'))).toBeNull();
    expect(answerToPending(waiting('Yes, but change the size'))).toBeNull();
    expect(answerToPending(waiting('好，不要了'))).toBeNull();
  });

  it('reads a no, and nothing at all when no action waits', () => {
    expect(answerToPending(waiting('不用了，謝謝'))).toBe(deny);
    expect(answerToPending(bareTurn('好', [], { intent: 'out_of_scope' }))).toBeNull();
  });
});
