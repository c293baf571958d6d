import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/engines.js';
import { AisleError, ManualClock } from '../core/index.js';
import { createGiftCards, createStoreCredit } from './index.js';

const twd = (amount: number) => ({ amount, currency: 'TWD' });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (AisleError.isInstance(error)) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describeEachEngine('gift cards and store credit', (harness) => {
  afterAll(() => harness.closeAll());

  it('issues a card with a generated code and shows only its last four characters', async () => {
    const store = await harness.open();
    const cards = createGiftCards({ store, clock: new ManualClock() });
    const { code, account } = await cards.issue({ initialBalance: twd(100000) });
    expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
    expect(account.label).toBe(`•••• ${code.slice(-4)}`);
    expect((await cards.balance(code.toLowerCase().replace(/-/g, ' '))).balance).toEqual(twd(100000));
    const stored = await store.db.selectFrom('stored_value_accounts').select(['holder', 'label']).execute();
    expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ''));
  });

  it('refuses a second card with the same code', async () => {
    const store = await harness.open();
    const cards = createGiftCards({ store, clock: new ManualClock() });
    await cards.issue({ code: 'HOLIDAY-2026-AAAA', initialBalance: twd(500) });
    expect(await codeOf(cards.issue({ code: 'holiday2026aaaa', initialBalance: twd(900) }))).toBe(
      'gift_card_exists',
    );
  });

  it('debits down to zero and refuses to go below', async () => {
    const store = await harness.open();
    const cards = createGiftCards({ store, clock: new ManualClock() });
    const { code } = await cards.issue({ initialBalance: twd(1000) });
    await cards.debit({ code, amount: twd(600), reference: 'order_1', idempotencyKey: 'd1' });
    expect(
      await codeOf(cards.debit({ code, amount: twd(401), reference: 'order_2', idempotencyKey: 'd2' })),
    ).toBe('insufficient_balance');
    const last = await cards.debit({ code, amount: twd(400), reference: 'order_2', idempotencyKey: 'd3' });
    expect(last.balanceAfter).toEqual(twd(0));
  });

  it('returns the first entry for a repeated debit key and refuses the key for another amount', async () => {
    const store = await harness.open();
    const cards = createGiftCards({ store, clock: new ManualClock() });
    const { code } = await cards.issue({ initialBalance: twd(1000) });
    const first = await cards.debit({ code, amount: twd(300), reference: 'order_1', idempotencyKey: 'same' });
    const again = await cards.debit({ code, amount: twd(300), reference: 'order_1', idempotencyKey: 'same' });
    expect(again.id).toBe(first.id);
    expect((await cards.balance(code)).balance).toEqual(twd(700));
    expect(
      await codeOf(cards.debit({ code, amount: twd(301), reference: 'order_1', idempotencyKey: 'same' })),
    ).toBe('idempotency_key_reused');
  });

  it('credits a refund at once, but never more than was debited for that reference', async () => {
    const store = await harness.open();
    const cards = createGiftCards({ store, clock: new ManualClock() });
    const { code } = await cards.issue({ initialBalance: twd(1000) });
    await cards.debit({ code, amount: twd(800), reference: 'order_1', idempotencyKey: 'd1' });
    const refund = await cards.refund({ code, amount: twd(500), reference: 'order_1', idempotencyKey: 'r1' });
    expect(refund.balanceAfter).toEqual(twd(700));
    expect(
      await codeOf(cards.refund({ code, amount: twd(301), reference: 'order_1', idempotencyKey: 'r2' })),
    ).toBe('refund_exceeds_debited');
    expect(
      await codeOf(cards.refund({ code, amount: twd(1), reference: 'order_9', idempotencyKey: 'r3' })),
    ).toBe('refund_exceeds_debited');
  });

  it('refuses to spend an expired card', async () => {
    const store = await harness.open();
    const clock = new ManualClock();
    const cards = createGiftCards({ store, clock });
    const { code } = await cards.issue({ initialBalance: twd(1000), expiresAt: clock.now() + 86_400_000 });
    await cards.debit({ code, amount: twd(100), reference: 'order_1', idempotencyKey: 'd1' });
    clock.advance(86_400_000);
    expect(
      await codeOf(cards.debit({ code, amount: twd(100), reference: 'order_2', idempotencyKey: 'd2' })),
    ).toBe('gift_card_expired');
  });

  it('refuses another currency and an unknown code without repeating the code', async () => {
    const store = await harness.open();
    const cards = createGiftCards({ store, clock: new ManualClock() });
    const { code } = await cards.issue({ initialBalance: twd(1000) });
    expect(
      await codeOf(
        cards.debit({ code, amount: { amount: 1, currency: 'USD' }, reference: 'o', idempotencyKey: 'd' }),
      ),
    ).toBe('currency_mismatch');
    const missing = cards.balance('NOSUCHCARD1234');
    await expect(missing).rejects.toMatchObject({ code: 'gift_card_not_found' });
    await missing.catch((error: Error) => expect(error.message).not.toContain('NOSUCHCARD1234'));
  });

  it('two simultaneous debits that together exceed the balance: exactly one succeeds', async () => {
    const store = await harness.open();
    const cards = createGiftCards({ store, clock: new ManualClock() });
    const { code } = await cards.issue({ initialBalance: twd(1000) });
    const results = await Promise.allSettled([
      cards.debit({ code, amount: twd(700), reference: 'order_a', idempotencyKey: 'a' }),
      cards.debit({ code, amount: twd(600), reference: 'order_b', idempotencyKey: 'b' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((result) => result.status === 'rejected');
    expect((failure as PromiseRejectedResult).reason).toMatchObject({ code: 'insufficient_balance' });
    const balance = (await cards.balance(code)).balance.amount;
    expect([300, 400]).toContain(balance);
  });

  it('keeps balances at or above zero and the ledger summing to the balance under any sequence', async () => {
    const store = await harness.open();
    const cards = createGiftCards({ store, clock: new ManualClock() });
    let run = 0;
    const operation = fc.oneof(
      fc.record({ type: fc.constant('debit' as const), amount: fc.integer({ min: 1, max: 3000 }) }),
      fc.record({ type: fc.constant('credit' as const), amount: fc.integer({ min: 1, max: 3000 }) }),
      fc.record({ type: fc.constant('refund' as const), amount: fc.integer({ min: 1, max: 3000 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(operation, { maxLength: 12 }),
        async (initial, operations) => {
          run += 1;
          const { code } = await cards.issue({ initialBalance: twd(initial) });
          let expected = initial;
          let debited = 0;
          for (const [index, step] of operations.entries()) {
            const input = {
              code,
              amount: twd(step.amount),
              reference: 'order',
              idempotencyKey: `${run}:${index}`,
            };
            const allowed =
              step.type === 'debit'
                ? step.amount <= expected
                : step.type === 'refund'
                  ? step.amount <= debited
                  : true;
            const outcome = await cards[step.type](input).then(
              () => 'ok',
              (error: AisleError) => error.code,
            );
            expect(outcome === 'ok').toBe(allowed);
            if (!allowed) continue;
            const sign = step.type === 'debit' ? -1 : 1;
            expected += sign * step.amount;
            if (step.type === 'debit') debited += step.amount;
            if (step.type === 'refund') debited -= step.amount;
          }
          const balance = (await cards.balance(code)).balance.amount;
          const ledger = await cards.ledger(code);
          expect(balance).toBe(expected);
          expect(balance).toBeGreaterThanOrEqual(0);
          expect(ledger.reduce((sum, entry) => sum + entry.amount.amount, 0)).toBe(balance);
          expect(ledger.every((entry) => entry.balanceAfter.amount >= 0)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps store credit per customer and currency, opened by the first credit', async () => {
    const store = await harness.open();
    const credit = createStoreCredit({ store, clock: new ManualClock() });
    expect(await credit.balance('cus_1', 'TWD')).toEqual(twd(0));
    await credit.credit({
      customerId: 'cus_1',
      amount: twd(1200),
      idempotencyKey: 'c1',
      reference: 'return_1',
    });
    await credit.credit({ customerId: 'cus_2', amount: twd(50), idempotencyKey: 'c2' });
    await credit.debit({ customerId: 'cus_1', amount: twd(200), reference: 'order_1', idempotencyKey: 'd1' });
    expect(await credit.balance('cus_1', 'TWD')).toEqual(twd(1000));
    expect(await credit.balance('cus_2', 'TWD')).toEqual(twd(50));
    expect(await credit.balance('cus_1', 'USD')).toEqual({ amount: 0, currency: 'USD' });
    expect((await credit.ledger('cus_1', 'TWD')).map((entry) => entry.amount.amount).sort()).toEqual([
      -200, 0, 1200,
    ]);
    expect(
      await codeOf(
        credit.debit({ customerId: 'cus_2', amount: twd(51), reference: 'order_2', idempotencyKey: 'd2' }),
      ),
    ).toBe('insufficient_balance');
  });
});
