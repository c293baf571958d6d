import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/index.js';
import { canonical, createConfirmations } from './confirmations.js';

const binding = {
  sessionId: 's1',
  tool: 'cancel_order',
  input: { order: 'A-1001', reason: 'late' },
  amounts: { refundTotal: { amount: 1000, currency: 'TWD' } },
};

describe('confirmations', () => {
  it('redeems once for the same session, tool, input and amounts', () => {
    const confirmations = createConfirmations(new ManualClock());
    const id = confirmations.issue(binding);
    expect(() =>
      confirmations.redeem(id, { ...binding, input: { reason: 'late', order: 'A-1001' } }),
    ).not.toThrow();
    expect(() => confirmations.redeem(id, binding)).toThrow(
      expect.objectContaining({ code: 'confirmation_invalid' }),
    );
  });

  it('refuses another session, tool or input without using the id up', () => {
    const confirmations = createConfirmations(new ManualClock());
    const id = confirmations.issue(binding);
    for (const other of [
      { ...binding, sessionId: 's2' },
      { ...binding, tool: 'return_items' },
      { ...binding, input: { order: 'A-1002', reason: 'late' } },
    ]) {
      expect(() => confirmations.redeem(id, other)).toThrow(
        expect.objectContaining({ code: 'confirmation_invalid' }),
      );
    }
    expect(() => confirmations.redeem(id, binding)).not.toThrow();
  });

  it('burns the id when the amounts changed', () => {
    const confirmations = createConfirmations(new ManualClock());
    const id = confirmations.issue(binding);
    const changed = { ...binding, amounts: { refundTotal: { amount: 999, currency: 'TWD' } } };
    expect(() => confirmations.redeem(id, changed)).toThrow(
      expect.objectContaining({ code: 'confirmation_stale' }),
    );
    expect(() => confirmations.redeem(id, binding)).toThrow(
      expect.objectContaining({ code: 'confirmation_invalid' }),
    );
  });

  it('expires after its time to live', () => {
    const clock = new ManualClock();
    const confirmations = createConfirmations(clock, 1000);
    const id = confirmations.issue(binding);
    clock.advance(1000);
    expect(() => confirmations.redeem(id, binding)).toThrow(
      expect.objectContaining({ code: 'confirmation_invalid' }),
    );
  });

  it('canonical text keeps a key named __proto__', () => {
    expect(canonical(JSON.parse('{"__proto__":{"b":1},"a":2}'))).toBe('{"__proto__":{"b":1},"a":2}');
  });

  it('canonical text ignores key order and nothing else', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonical(reversed)).toBe(canonical(value));
        expect(JSON.parse(canonical(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
