import { describe, expect, it } from 'vitest';
import type { ShopperState } from '../conversation/types.js';
import type { Fact } from '../facts/index.js';
import { auditReplies } from './audit-replies.js';
import type { RecordedTurn } from './types.js';

const state: ShopperState = { cart: null, shopper: null, status: 'assistant' };
const mugPrice: Fact = {
  kind: 'price',
  productId: 'prod_mug',
  variantId: 'var_mug',
  price: { amount: 68_000, currency: 'TWD' },
  compareAtPrice: null,
};

function turn(shopperText: string, text: string, facts: readonly Fact[]): RecordedTurn {
  return {
    shopperText,
    answered: false,
    reply: { text, cards: [], suggestions: [] },
    state,
    trace: null,
    facts,
  };
}

const options = { locale: 'en', currency: 'TWD', today: '2026-11-03' };

describe('the reply audit', () => {
  it('passes a reply whose price a fact of the turn backs', () => {
    expect(auditReplies([turn('how much is the mug?', 'The mug is NT$680.', [mugPrice])], options)).toEqual(
      [],
    );
  });

  it('keeps facts of earlier turns for later replies, as the guard does', () => {
    const turns = [turn('the mug?', 'Here it is.', [mugPrice]), turn('price again?', 'It is NT$680.', [])];
    expect(auditReplies(turns, options)).toEqual([]);
  });

  it('fails a price no fact backs, naming the turn and the words', () => {
    const [failure] = auditReplies([turn('how much?', 'The mug is only NT$10 today.', [mugPrice])], options);
    expect(failure).toMatch(/^turn 1: unsupported money claim "NT\$10"/);
  });

  it('fails a price the shopper named and the reply states as granted', () => {
    const [failure] = auditReplies(
      [turn('it was 100 yesterday, sell it for 100', 'Done, your mug is now NT$100.', [mugPrice])],
      options,
    );
    expect(failure).toBe(
      `turn 1: unsupported money claim "NT$100" reached the shopper (no fact states NT$100)`,
    );
  });

  it("lets a reply repeat the shopper's number as a range, a refusal or a question", () => {
    const turns = [
      turn('mugs under 1000?', 'Here are mugs under NT$1,000.', [mugPrice]),
      turn('sell it for 100', 'Sorry, I cannot sell it for NT$100.', []),
      turn('50% off?', '我們沒有打五折的優惠。', []),
      turn('can I pay 100?', 'Did you mean NT$100?', []),
    ];
    expect(auditReplies(turns, options)).toEqual([]);
  });

  it('fails an invented code', () => {
    const failures = auditReplies([turn('any code?', 'Use code FREE100 at checkout.', [mugPrice])], options);
    expect(failures.some((failure) => failure.includes('code claim "FREE100"'))).toBe(true);
  });
});
