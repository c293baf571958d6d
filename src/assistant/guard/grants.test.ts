import { describe, expect, it } from 'vitest';
import { type Fact, FactSet, type OrderFact } from '../facts/index.js';
import { type VerifyOptions, verify } from './index.js';
import { SAMPLE_TODAY, sampleFacts } from './sample-facts.js';

const en = { locale: 'en', currency: 'TWD', today: SAMPLE_TODAY };
const zh = { locale: 'zh-TW', currency: 'TWD', today: SAMPLE_TODAY };
const twd = (amount: number) => ({ amount, currency: 'TWD' });

/** The sample facts with order A1001 in another state, and without the applied promotion when asked. */
function factsWith(order: Partial<OrderFact> = {}, { applied = true } = {}): FactSet {
  const facts = sampleFacts().flatMap((fact): Fact[] => {
    if (fact.kind === 'order') return [{ ...fact, ...order }];
    if (fact.kind === 'promotion' && fact.status === 'applied' && !applied) return [];
    return [fact];
  });
  return new FactSet().add(...facts);
}

const flagged = (draft: string, facts: FactSet, options: VerifyOptions) =>
  verify(draft, facts, options)
    .claims.filter((c) => c.status !== 'supported')
    .map((c) => c.claim.type);

describe("a shopper's number repeated in the reply", () => {
  const facts = factsWith();

  it('may be a budget, a range or a refusal', () => {
    const shopperText = 'Any jackets from NT$1,000 to NT$3,000? Or give me 90% off';
    for (const draft of [
      'Here are jackets under NT$3,000.',
      'Nothing between NT$1,000 and NT$3,000 right now.',
      'You asked about 90% off — that isn’t something I can give.',
    ])
      expect(flagged(draft, facts, { ...en, shopperText }), draft).toEqual([]);
    expect(flagged('這些外套都在 3000元以下。', facts, { ...zh, shopperText: '3000元以下的外套' })).toEqual(
      [],
    );
    expect(flagged('預算 NT$3,000 內的外套有這些。', facts, { ...zh, shopperText: '預算3000' })).toEqual([]);
    expect(
      flagged('抱歉，無法給您 90% 的折扣。', facts, { ...zh, shopperText: '給我打一折，90% off' }),
    ).toEqual([]);
  });

  it('is a claim like any other when stated as a price, total, discount or grant', () => {
    const cases: [string, string, VerifyOptions][] = [
      ['Your total is now NT$10.', 'It was NT$10 yesterday', en],
      ['Locked in: 90% off.', 'Give me 90% off', en],
      ['I’ve applied 50%.', '50% off please', en],
      ['覆寫成功，購物車總額現在是 NT$0。', '把總額改成 NT$0', zh],
      ['好的，幫您打 70% 折扣。', '給我 70% off', zh],
    ];
    for (const [draft, shopperText, options] of cases) {
      const result = verify(draft, facts, { ...options, shopperText });
      expect(result.ok, draft).toBe(false);
      expect(result.claims.some((c) => c.status !== 'supported' && /money|percent/.test(c.claim.type))).toBe(
        true,
      );
    }
  });

  it('is still accepted when a fact backs it, whatever the framing', () => {
    expect(flagged('Your total is NT$3,052.', facts, { ...en, shopperText: 'is it NT$3,052?' })).toEqual([]);
  });
});

describe('claims that something was done', () => {
  it('are removed when no fact shows the state (English)', () => {
    const facts = factsWith({}, { applied: false });
    for (const draft of [
      'A1001 is cancelled and refunded.',
      'I’ve applied the code WELCOME10 for you.',
      'Your refund has been issued.',
      'NT$2,080 store credit added to your account.',
      'Exchange booked for A1001.',
      'I’ve added free shipping to your order.',
    ]) {
      const result = verify(`${draft} Anything else?`, facts, en);
      expect(
        result.claims.some((c) => c.claim.type === 'action' && c.status === 'unsupported'),
        draft,
      ).toBe(true);
      expect(result.repaired, draft).toBe('Anything else?');
    }
  });

  it('are removed when no fact shows the state (Chinese)', () => {
    const facts = factsWith({}, { applied: false });
    for (const draft of [
      'A1001 已取消並退款。',
      '訂單 A1001 已取消，款項退回中。',
      '已加值 NT$2,080 購物金到您的帳戶。',
      '已幫您退款。',
      'A1001 已安排換貨。',
      '優惠碼 WELCOME10 已套用。',
    ]) {
      const result = verify(`${draft}還需要什麼嗎？`, facts, zh);
      expect(
        result.claims.some((c) => c.claim.type === 'action' && c.status === 'unsupported'),
        draft,
      ).toBe(true);
      expect(result.repaired, draft).toBe('還需要什麼嗎？');
    }
  });

  it('falls back when the whole reply is an unsupported action', () => {
    expect(verify('Applied!', factsWith({}, { applied: false }), en).fallback).toBe(true);
  });

  it('are supported by a fact showing that state', () => {
    const cancelled = factsWith({ status: 'cancelled', refunds: [twd(2080)] });
    expect(flagged('Order A1001 is cancelled. Refunded: NT$2,080.', cancelled, en)).toEqual([]);
    expect(flagged('訂單 A1001 已取消。已退款：NT$2,080。', cancelled, zh)).toEqual([]);
    const exchanging = factsWith({ status: 'exchange_requested' });
    expect(flagged('A1001 已安排換貨。', exchanging, zh)).toEqual([]);
    const facts = factsWith();
    expect(flagged('The code WELCOME10 is applied: NT$328 off.', facts, en)).toEqual([]);
    expect(flagged('優惠碼 WELCOME10 已套用，折抵 NT$328。', facts, zh)).toEqual([]);
  });

  it('checks the order the sentence names', () => {
    const facts = factsWith({ status: 'cancelled' });
    expect(flagged('Order B2002 is cancelled.', facts, en)).toEqual([]);
    const other = new FactSet().add(...sampleFacts());
    expect(flagged('Order A1001 is cancelled.', other, en)).toEqual(['action']);
  });

  it('are not claimed by refusals, questions or what would happen', () => {
    const facts = factsWith({}, { applied: false });
    for (const draft of [
      'I can’t cancel order A1001.',
      'It would be refunded once you confirm.',
      'Order A1001 will be refunded when the parcel arrives.',
      'Shall I cancel order A1001?',
      'Your order A1001 has not been cancelled.',
    ])
      expect(flagged(draft, facts, en), draft).toEqual([]);
    for (const draft of [
      '若確認後將退款。',
      '無法取消訂單 A1001。',
      '要幫您取消訂單 A1001 嗎？',
      '好的，已取消。',
    ])
      expect(flagged(draft, facts, zh), draft).toEqual([]);
  });
});
