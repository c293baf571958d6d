import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/engines.js';
import { ManualClock } from '../core/index.js';
import type { Store } from '../store/index.js';
import {
  createGiftCards,
  createSandboxProvider,
  createStoreCredit,
  createTenderPayments,
  type PaymentProvider,
  PaymentProviderError,
} from './index.js';

const twd = (amount: number) => ({ amount, currency: 'TWD' });

function setup(store: Store) {
  const clock = new ManualClock();
  const provider = createSandboxProvider({ store, clock, webhookSecret: 'whsec_tenders_test_secret' });
  return {
    provider,
    giftCards: createGiftCards({ store, clock }),
    storeCredit: createStoreCredit({ store, clock }),
    tenders: createTenderPayments({ store, provider, clock }),
  };
}

describeEachEngine('pay with tenders', (harness) => {
  afterAll(() => harness.closeAll());

  it('lets a gift card cover part and the card pay the rest', async () => {
    const { giftCards, tenders, provider } = setup(await harness.open());
    const { code } = await giftCards.issue({ initialBalance: twd(30000) });
    const result = await tenders.payWithTenders({
      tenders: [
        { type: 'gift_card', code },
        { type: 'card', token: 'pm_card_visa' },
      ],
      amount: 129900,
      currency: 'TWD',
      idempotencyKey: 'checkout-1',
    });
    expect(result.status).toBe('authorized');
    expect(result.allocations.map((allocation) => [allocation.type, allocation.amount.amount])).toEqual([
      ['gift_card', 30000],
      ['card', 99900],
    ]);
    expect((await giftCards.balance(code)).balance).toEqual(twd(0));
    const card = await provider.get(result.cardPayment?.id ?? '');
    expect(card).toMatchObject({ status: 'authorized', amount: twd(99900) });
  });

  it('uses gift card, then store credit, and needs no card when they cover the amount', async () => {
    const { giftCards, storeCredit, tenders } = setup(await harness.open());
    const { code } = await giftCards.issue({ initialBalance: twd(500) });
    await storeCredit.credit({ customerId: 'cus_1', amount: twd(2000), idempotencyKey: 'c1' });
    const result = await tenders.payWithTenders({
      tenders: [
        { type: 'gift_card', code },
        { type: 'store_credit', customerId: 'cus_1' },
      ],
      amount: 1500,
      currency: 'TWD',
      idempotencyKey: 'checkout-2',
    });
    expect(result).toMatchObject({ status: 'authorized', cardPayment: null });
    expect(result.allocations.map((allocation) => allocation.amount.amount)).toEqual([500, 1000]);
    expect(await storeCredit.balance('cus_1', 'TWD')).toEqual(twd(1000));
  });

  it('gives the gift card its money back when the card declines', async () => {
    const { giftCards, tenders } = setup(await harness.open());
    const { code } = await giftCards.issue({ initialBalance: twd(1000) });
    const result = await tenders.payWithTenders({
      tenders: [
        { type: 'gift_card', code },
        { type: 'card', token: 'pm_card_insufficientFunds' },
      ],
      amount: 5000,
      currency: 'TWD',
      idempotencyKey: 'checkout-3',
    });
    expect(result).toMatchObject({
      status: 'declined',
      declineReason: 'insufficient_funds',
      allocations: [],
    });
    expect((await giftCards.balance(code)).balance).toEqual(twd(1000));
    const ledger = await giftCards.ledger(code);
    expect(ledger.map((entry) => entry.type).sort()).toEqual(['debit', 'issue', 'reversal']);
  });

  it('refuses when stored value falls short and no card pays the rest, leaving balances untouched', async () => {
    const { giftCards, tenders } = setup(await harness.open());
    const { code } = await giftCards.issue({ initialBalance: twd(1000) });
    await expect(
      tenders.payWithTenders({
        tenders: [{ type: 'gift_card', code }],
        amount: 1001,
        currency: 'TWD',
        idempotencyKey: 'k',
      }),
    ).rejects.toMatchObject({ code: 'tenders_insufficient' });
    expect((await giftCards.balance(code)).balance).toEqual(twd(1000));
  });

  it('returns the first result for a repeated key without debiting twice', async () => {
    const { giftCards, tenders } = setup(await harness.open());
    const { code } = await giftCards.issue({ initialBalance: twd(1000) });
    const input = {
      tenders: [
        { type: 'gift_card' as const, code },
        { type: 'card' as const, token: 'pm_card_visa' },
      ],
      amount: 3000,
      currency: 'TWD',
      idempotencyKey: 'checkout-5',
    };
    const first = await tenders.payWithTenders(input);
    const again = await tenders.payWithTenders(input);
    expect(again).toEqual(first);
    expect((await giftCards.balance(code)).balance).toEqual(twd(0));
    await expect(tenders.payWithTenders({ ...input, amount: 3001 })).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
  });

  it('cancels: gives the stored value back and voids the card, and can be repeated', async () => {
    const { giftCards, tenders, provider } = setup(await harness.open());
    const { code } = await giftCards.issue({ initialBalance: twd(1000) });
    const paid = await tenders.payWithTenders({
      tenders: [
        { type: 'gift_card', code },
        { type: 'card', token: 'pm_card_mastercard' },
      ],
      amount: 4000,
      currency: 'TWD',
      idempotencyKey: 'checkout-6',
    });
    const canceled = await tenders.cancelTenders('checkout-6');
    expect(canceled.status).toBe('canceled');
    expect(await tenders.cancelTenders('checkout-6')).toMatchObject({ status: 'canceled' });
    expect((await giftCards.balance(code)).balance).toEqual(twd(1000));
    expect((await provider.get(paid.cardPayment?.id ?? '')).status).toBe('voided');
  });

  it('refuses a card number among the tenders before touching any balance', async () => {
    const { giftCards, tenders } = setup(await harness.open());
    const { code } = await giftCards.issue({ initialBalance: twd(1000) });
    await expect(
      tenders.payWithTenders({
        tenders: [
          { type: 'gift_card', code },
          { type: 'card', token: '5555555555554444' },
        ],
        amount: 3000,
        currency: 'TWD',
        idempotencyKey: 'checkout-7',
      }),
    ).rejects.toMatchObject({ code: 'raw_card_number_rejected' });
    expect((await giftCards.ledger(code)).map((entry) => entry.type)).toEqual(['issue']);
  });

  it('holds the stored value through a provider outage and resumes on retry without debiting twice', async () => {
    const store = await harness.open();
    const { giftCards, provider } = setup(store);
    let outages = 1;
    const flaky: PaymentProvider = {
      ...provider,
      authorize: async (input) => {
        if (outages-- > 0) throw new PaymentProviderError('processor timed out');
        return provider.authorize(input);
      },
    };
    const tenders = createTenderPayments({ store, provider: flaky, clock: new ManualClock() });
    const { code } = await giftCards.issue({ initialBalance: twd(1000) });
    const input = {
      tenders: [
        { type: 'gift_card' as const, code },
        { type: 'card' as const, token: 'pm_card_visa' },
      ],
      amount: 2500,
      currency: 'TWD',
      idempotencyKey: 'checkout-8',
    };
    await expect(tenders.payWithTenders(input)).rejects.toMatchObject({
      code: 'payment_provider_unavailable',
    });
    expect((await giftCards.balance(code)).balance).toEqual(twd(0));
    const resumed = await tenders.payWithTenders(input);
    expect(resumed.status).toBe('authorized');
    expect((await giftCards.ledger(code)).filter((entry) => entry.type === 'debit')).toHaveLength(1);
  });
});
