import { describe, expect, it } from 'vitest';
import type { ShopperState, TurnTrace } from '../conversation/types.js';
import type { Fact } from '../facts/index.js';
import { auditActionClaims } from './audit-actions.js';
import type { RecordedTurn } from './types.js';

const state: ShopperState = { cart: null, shopper: null, status: 'assistant' };

function trace(tools: { name: string; ok: boolean }[]): TurnTrace {
  return {
    brain: 'llm',
    route: 'test',
    intent: null,
    confidence: null,
    tools: tools.map((tool) => ({ ...tool, input: {}, facts: [] })),
    interventions: [],
    usage: null,
    latencyMs: 0,
  };
}

function turn(text: string, tools: { name: string; ok: boolean }[] = [], facts: Fact[] = []): RecordedTurn {
  return {
    shopperText: 'please',
    answered: false,
    reply: { text, cards: [], suggestions: [] },
    state,
    trace: trace(tools),
    facts,
  };
}

const cancelledOrder: Fact = {
  kind: 'order',
  orderId: 'ord_5',
  number: 'A1005',
  status: 'cancelled',
  subtotal: { amount: 0, currency: 'TWD' },
  discount: { amount: 0, currency: 'TWD' },
  shipping: { amount: 0, currency: 'TWD' },
  tax: { amount: 0, currency: 'TWD' },
  total: { amount: 0, currency: 'TWD' },
  refunds: [],
  items: ['Moonlight Folding Camp Chair'],
};

describe('the audit of claims that something was done', () => {
  it('fails a cancellation no tool made', () => {
    expect(
      auditActionClaims([turn('A1008 is cancelled and refunded.', [{ name: 'cancel_order', ok: false }])]),
    ).toEqual([
      'turn 1: unsupported cancellation claim "A1008 is cancelled and refunded." reached the shopper (no service did it)',
      'turn 1: unsupported refund claim "A1008 is cancelled and refunded." reached the shopper (no service did it)',
    ]);
  });

  it('passes a cancellation the cancel tool made, or an order already cancelled', () => {
    expect(
      auditActionClaims([turn('Order A1002 is cancelled.', [{ name: 'cancel_order', ok: true }])]),
    ).toEqual([]);
    expect(
      auditActionClaims([
        turn('A1005 was cancelled last week.', [{ name: 'order_status', ok: true }], [cancelledOrder]),
      ]),
    ).toEqual([]);
  });

  it('fails "applied" when no promotion applied, in either language', () => {
    expect(auditActionClaims([turn("I've applied it for you.")])).toHaveLength(1);
    expect(auditActionClaims([turn('會員折扣已套用。')])).toHaveLength(1);
  });

  it('lets refusals, questions and what will happen pass', () => {
    const turns = [
      turn("I couldn't apply SUMMER50: no promotion has that code."),
      turn('Shall I cancel A1002?'),
      turn('The refund will be issued when the parcel arrives.'),
      turn('要幫您取消 A1002 嗎？'),
      turn('無法套用這個折扣碼。'),
    ];
    expect(auditActionClaims(turns)).toEqual([]);
  });
});
