/**
 * Store credit: a per-customer balance in each currency, opened by its first credit. Refunds
 * that cannot go back to the original tender land here.
 */
import { assertCurrency, type Clock, type Money, systemClock } from '../core/index.js';
import type { Store } from '../store/index.js';
import { isUniqueViolation } from './idempotency.js';
import {
  findAccount,
  type LedgerEntry,
  ledgerOf,
  openAccount,
  postEntry,
  type StoredValueAccount,
} from './stored-value-ledger.js';

export interface StoreCreditMovement {
  readonly customerId: string;
  readonly amount: Money;
  readonly idempotencyKey: string;
  readonly reference?: string;
}

export interface StoreCredit {
  balance(customerId: string, currency: string): Promise<Money>;
  account(customerId: string, currency: string): Promise<StoredValueAccount | undefined>;
  credit(input: StoreCreditMovement): Promise<LedgerEntry>;
  debit(input: StoreCreditMovement & { reference: string }): Promise<LedgerEntry>;
  refund(input: StoreCreditMovement & { reference: string }): Promise<LedgerEntry>;
  ledger(customerId: string, currency: string): Promise<LedgerEntry[]>;
}

export function createStoreCredit(options: { store: Store; clock?: Clock }): StoreCredit {
  const { store } = options;
  const clock = options.clock ?? systemClock;

  async function accountFor(customerId: string, currency: string): Promise<StoredValueAccount> {
    const code = assertCurrency(currency);
    const existing = await findAccount(store.db, 'store_credit', customerId, code);
    if (existing !== undefined) return existing;
    try {
      return await store.transaction((trx) =>
        openAccount(
          trx,
          clock.now(),
          {
            kind: 'store_credit',
            holder: customerId,
            label: customerId,
            balance: { amount: 0, currency: code },
            expiresAt: null,
          },
          null,
        ),
      );
    } catch (error) {
      // Another request opened it first.
      if (!isUniqueViolation(error)) throw error;
      return (await findAccount(store.db, 'store_credit', customerId, code)) as StoredValueAccount;
    }
  }

  async function move(type: 'debit' | 'credit' | 'refund', input: StoreCreditMovement): Promise<LedgerEntry> {
    const target = await accountFor(input.customerId, input.amount.currency);
    return postEntry(store, clock, {
      accountId: target.id,
      type,
      amount: input.amount,
      idempotencyKey: input.idempotencyKey,
      ...(input.reference === undefined ? {} : { reference: input.reference }),
    });
  }

  return {
    async balance(customerId, currency) {
      const found = await findAccount(store.db, 'store_credit', customerId, assertCurrency(currency));
      return found?.balance ?? { amount: 0, currency: assertCurrency(currency) };
    },
    account: (customerId, currency) =>
      findAccount(store.db, 'store_credit', customerId, assertCurrency(currency)),
    credit: (input) => move('credit', input),
    debit: (input) => move('debit', input),
    refund: (input) => move('refund', input),
    async ledger(customerId, currency) {
      const found = await findAccount(store.db, 'store_credit', customerId, assertCurrency(currency));
      return found === undefined ? [] : ledgerOf(store, found.id);
    },
  };
}
