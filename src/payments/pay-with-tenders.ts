/**
 * Split tender: gift cards and store credit pay first, in the order given, and the card pays
 * the rest. Every step carries a key derived from the caller's idempotency key, so a retry after
 * a crash resumes instead of debiting twice; a declined card gives the stored value back.
 */

import {
  AisleError,
  assertCurrency,
  type Clock,
  ConflictError,
  type Money,
  NotFoundError,
  systemClock,
  ValidationError,
} from '../core/index.js';
import type { Store } from '../store/index.js';
import { idempotencyKeyReused } from './errors.js';
import { giftCardHolder } from './gift-cards.js';
import { fingerprintOf, isUniqueViolation } from './idempotency.js';
import { paymentMethodLabel } from './payment-method-label.js';
import { findAccount, openDebits, postEntry, type StoredValueAccount } from './stored-value-ledger.js';
import type { DeclineReason, Payment, PaymentProvider } from './types.js';
import { assertPaymentToken, assertPositiveAmount } from './validate-input.js';

export type Tender =
  | { readonly type: 'gift_card'; readonly code: string }
  | { readonly type: 'store_credit'; readonly customerId: string }
  | { readonly type: 'card'; readonly token: string };

export interface TenderAllocation {
  readonly type: Tender['type'];
  /** The masked gift card code, the customer id, or the card's brand and last four. */
  readonly label: string;
  readonly amount: Money;
  /** The card payment, for the card's allocation. */
  readonly paymentId: string | null;
}

export interface TenderPaymentResult {
  /** authorized: stored value debited and the card (if any) authorized, ready to capture. */
  readonly status: 'authorized' | 'requires_action' | 'declined' | 'canceled';
  readonly amount: Money;
  readonly allocations: readonly TenderAllocation[];
  readonly cardPayment: Payment | null;
  readonly declineReason: DeclineReason | null;
  /** The ledger reference of the stored-value debits; refunds to those tenders quote it. */
  readonly reference: string;
}

export interface PayWithTendersInput {
  readonly tenders: readonly Tender[];
  readonly amount: number;
  readonly currency: string;
  readonly idempotencyKey: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface TenderPayments {
  payWithTenders(input: PayWithTendersInput): Promise<TenderPaymentResult>;
  /**
   * Undoes a tender payment: gives the stored value back and voids the card authorization.
   * The compensation step of checkout; safe to repeat.
   */
  cancelTenders(idempotencyKey: string): Promise<TenderPaymentResult>;
}

const SCOPE = 'tenders';

interface Debit {
  readonly tender: Tender;
  readonly account: StoredValueAccount;
  readonly amount: number;
}

function validate(input: PayWithTendersInput): string {
  assertPositiveAmount(input.amount);
  const currency = assertCurrency(input.currency);
  if (input.tenders.length === 0)
    throw new ValidationError('at least one tender is needed', { field: 'tenders' }, 'no_tenders');
  const cards = input.tenders.filter((tender) => tender.type === 'card');
  if (cards.length > 1)
    throw new ValidationError('at most one card pays the rest', { field: 'tenders' }, 'too_many_cards');
  for (const card of cards) assertPaymentToken(card.token, 'tenders.token');
  return currency;
}

export function createTenderPayments(options: {
  store: Store;
  provider: PaymentProvider;
  clock?: Clock;
}): TenderPayments {
  const { store, provider } = options;
  const clock = options.clock ?? systemClock;

  async function accountOf(
    tender: Exclude<Tender, { type: 'card' }>,
    currency: string,
  ): Promise<StoredValueAccount | undefined> {
    return tender.type === 'gift_card'
      ? findAccount(store.db, 'gift_card', giftCardHolder(tender.code), currency)
      : findAccount(store.db, 'store_credit', tender.customerId, currency);
  }

  async function storedResult(key: string, fingerprint?: string): Promise<TenderPaymentResult | undefined> {
    const row = await store.db
      .selectFrom('payment_idempotency')
      .select(['fingerprint', 'result'])
      .where('scope', '=', SCOPE)
      .where('key', '=', key)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    if (fingerprint !== undefined && row.fingerprint !== fingerprint) throw idempotencyKeyReused(key);
    return JSON.parse(row.result) as TenderPaymentResult;
  }

  async function saveResult(
    key: string,
    fingerprint: string,
    result: TenderPaymentResult,
  ): Promise<TenderPaymentResult> {
    try {
      await store.db
        .insertInto('payment_idempotency')
        .values({ scope: SCOPE, key, fingerprint, result: JSON.stringify(result), created_at: clock.now() })
        .execute();
      return result;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return (await storedResult(key, fingerprint)) as TenderPaymentResult;
    }
  }

  /** Gives back everything still debited under `reference`. */
  async function giveBack(reference: string): Promise<void> {
    for (const debit of await openDebits(store, reference)) {
      if (debit.outstanding <= 0) continue;
      await postEntry(store, clock, {
        accountId: debit.accountId,
        type: 'reversal',
        amount: { amount: debit.outstanding, currency: debit.currency },
        reference,
        idempotencyKey: `${reference}:reversal:${debit.accountId}`,
      });
    }
  }

  /** Debits each stored-value tender in turn, each for what it can cover of what is left. */
  async function debitStoredValue(
    input: PayWithTendersInput,
    currency: string,
    reference: string,
  ): Promise<Debit[]> {
    const debits: Debit[] = [];
    let remaining = input.amount;
    for (const [index, tender] of input.tenders.entries()) {
      if (tender.type === 'card' || remaining === 0) continue;
      const account = await accountOf(tender, currency);
      if (account === undefined) {
        throw tender.type === 'gift_card'
          ? new NotFoundError('gift card', 'with this code', 'gift_card_not_found')
          : new ConflictError('insufficient_balance', 'this customer has no store credit in this currency', {
              customerId: tender.customerId,
            });
      }
      const idempotencyKey = `${reference}:debit:${index}`;
      // On a retry the debit already happened; its amount, not today's balance, is the answer.
      const earlier = await store.db
        .selectFrom('stored_value_ledger')
        .select('amount')
        .where('idempotency_key', '=', idempotencyKey)
        .executeTakeFirst();
      const amount = earlier === undefined ? Math.min(account.balance.amount, remaining) : -earlier.amount;
      if (amount <= 0) continue;
      await postEntry(store, clock, {
        accountId: account.id,
        type: 'debit',
        amount: { amount, currency },
        reference,
        idempotencyKey,
      });
      debits.push({ tender, account, amount });
      remaining -= amount;
    }
    return debits;
  }

  return {
    async payWithTenders(input) {
      const currency = validate(input);
      const fingerprint = fingerprintOf('pay_with_tenders', { ...input, currency });
      const previous = await storedResult(input.idempotencyKey, fingerprint);
      if (previous !== undefined) return previous;
      const reference = `tenders:${input.idempotencyKey}`;
      const total: Money = { amount: input.amount, currency };
      let debits: Debit[];
      try {
        debits = await debitStoredValue(input, currency, reference);
      } catch (error) {
        await giveBack(reference);
        throw error;
      }
      const allocations: TenderAllocation[] = debits.map((debit) => ({
        type: debit.tender.type,
        label: debit.account.label,
        amount: { amount: debit.amount, currency },
        paymentId: null,
      }));
      const rest = input.amount - debits.reduce((sum, debit) => sum + debit.amount, 0);
      const card = input.tenders.find((tender) => tender.type === 'card');
      if (rest === 0) {
        return saveResult(input.idempotencyKey, fingerprint, {
          status: 'authorized',
          amount: total,
          allocations,
          cardPayment: null,
          declineReason: null,
          reference,
        });
      }
      if (card === undefined) {
        await giveBack(reference);
        throw new ConflictError(
          'tenders_insufficient',
          'the gift cards and store credit do not cover the amount and no card pays the rest',
          {
            amount: input.amount,
            covered: input.amount - rest,
          },
        );
      }
      let payment: Payment;
      try {
        payment = await provider.authorize({
          amount: { amount: rest, currency },
          paymentMethod: card.token,
          idempotencyKey: `${reference}:card`,
          metadata: { ...input.metadata, tender_reference: reference },
        });
      } catch (error) {
        // A refusal (4xx) leaves nothing authorized; a provider outage may have, so the stored
        // value stays held until a retry with the same key or cancelTenders settles it.
        if (AisleError.isInstance(error) && error.status < 500) await giveBack(reference);
        throw error;
      }
      const declined = payment.status === 'declined';
      if (declined) await giveBack(reference);
      const method = payment.paymentMethod;
      return saveResult(input.idempotencyKey, fingerprint, {
        status: declined
          ? 'declined'
          : payment.status === 'requires_action'
            ? 'requires_action'
            : 'authorized',
        amount: total,
        allocations: declined
          ? []
          : [
              ...allocations,
              {
                type: 'card',
                label: method === null ? 'Card' : paymentMethodLabel(method),
                amount: { amount: rest, currency },
                paymentId: payment.id,
              },
            ],
        cardPayment: payment,
        declineReason: payment.declineReason,
        reference,
      });
    },

    async cancelTenders(idempotencyKey) {
      const previous = await storedResult(idempotencyKey);
      if (previous === undefined) {
        throw new NotFoundError('tender payment', idempotencyKey, 'tender_payment_not_found');
      }
      await giveBack(previous.reference);
      const payment = previous.cardPayment;
      let cardPayment = payment;
      if (payment !== null && (payment.status === 'authorized' || payment.status === 'requires_action')) {
        const current = await provider.get(payment.id);
        cardPayment =
          current.status === 'authorized' || current.status === 'requires_action'
            ? await provider.void({ paymentId: payment.id, idempotencyKey: `${previous.reference}:void` })
            : current;
      }
      const canceled: TenderPaymentResult = { ...previous, status: 'canceled', allocations: [], cardPayment };
      await store.db
        .updateTable('payment_idempotency')
        .set({ result: JSON.stringify(canceled) })
        .where('scope', '=', SCOPE)
        .where('key', '=', idempotencyKey)
        .execute();
      return canceled;
    },
  };
}
