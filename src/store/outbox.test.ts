import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/engines.js';
import { ManualClock } from '../core/index.js';
import { claimOutbox, dispatchOutbox, enqueueOutbox } from './index.js';

describeEachEngine('outbox', (harness) => {
  afterAll(() => harness.closeAll());

  it('keeps an event written in a rolled-back transaction out of the outbox', async () => {
    const store = await harness.open();
    const clock = new ManualClock();
    await expect(
      store.transaction(async (trx) => {
        await enqueueOutbox(trx, { topic: 't', payload: { a: 1 }, idempotencyKey: 'k1' }, clock);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await claimOutbox(store, { limit: 10, leaseMs: 1000 }, clock)).toEqual([]);
  });

  it('ignores a second event with the same idempotency key', async () => {
    const store = await harness.open();
    const clock = new ManualClock();
    await enqueueOutbox(store.db, { topic: 't', payload: 1, idempotencyKey: 'same' }, clock);
    await enqueueOutbox(store.db, { topic: 't', payload: 2, idempotencyKey: 'same' }, clock);
    const claimed = await claimOutbox(store, { limit: 10, leaseMs: 1000 }, clock);
    expect(claimed.map((m) => m.payload)).toEqual([1]);
  });

  it('redelivers after a failure once the backoff has passed, and never after success', async () => {
    const store = await harness.open();
    const clock = new ManualClock();
    await enqueueOutbox(store.db, { topic: 't', payload: 'x', idempotencyKey: 'r' }, clock);
    const seen: number[] = [];
    const failing = async (m: { attempts: number }) => {
      seen.push(m.attempts);
      if (m.attempts === 1) throw new Error('receiver down');
    };
    expect(await dispatchOutbox(store, failing, clock)).toEqual({ delivered: 0, failed: 1 });
    expect(await dispatchOutbox(store, failing, clock)).toEqual({ delivered: 0, failed: 0 });
    clock.advance(1000);
    expect(await dispatchOutbox(store, failing, clock)).toEqual({ delivered: 1, failed: 0 });
    clock.advance(60_000);
    expect(await dispatchOutbox(store, failing, clock)).toEqual({ delivered: 0, failed: 0 });
    expect(seen).toEqual([1, 2]);
  });

  it('lets only one of two dispatchers claim a message', async () => {
    const store = await harness.open();
    const clock = new ManualClock();
    await enqueueOutbox(store.db, { topic: 't', payload: 'x', idempotencyKey: 'c' }, clock);
    const [a, b] = await Promise.all([
      claimOutbox(store, { limit: 10, leaseMs: 5000 }, clock),
      claimOutbox(store, { limit: 10, leaseMs: 5000 }, clock),
    ]);
    expect(a.length + b.length).toBe(1);
  });
});
