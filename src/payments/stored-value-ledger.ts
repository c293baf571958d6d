/**
 * Balances held for shoppers (gift cards, store credit) and the ledger of every change to them.
 * Each change is one conditional UPDATE of the balance plus one ledger row in the same
 * transaction: a debit that would take the balance below zero updates nothing, so two debits
 * racing for the same money cannot both succeed, on either engine.
 */
import {
  type Clock,
  ConflictError,
  type Money,
  NotFoundError,
  newId,
  ValidationError,
} from '../core/index.js';
import type { Store, Tx } from '../store/index.js';
import type { StoredValueAccountsTable, StoredValueLedgerTable } from '../store/schema/payments.js';
import { idempotencyKeyReused } from './errors.js';
import { isUniqueViolation } from './idempotency.js';
import { assertPositiveAmount } from './validate-input.js';

export type StoredValueKind = StoredValueAccountsTable['kind'];
export type LedgerEntryType = StoredValueLedgerTable['entry_type'];

export interface StoredValueAccount {
  readonly id: string;
  readonly kind: StoredValueKind;
  /** The masked gift card code, or the customer id. */
  readonly label: string;
  readonly balance: Money;
  readonly expiresAt: number | null;
  readonly createdAt: number;
}

export interface LedgerEntry {
  readonly id: string;
  readonly accountId: string;
  readonly type: LedgerEntryType;
  /** Signed: debits are negative. */
  readonly amount: Money;
  readonly balanceAfter: Money;
  readonly reference: string | null;
  readonly createdAt: number;
}

export interface EntryRequest {
  readonly accountId: string;
  readonly type: Exclude<LedgerEntryType, 'issue'>;
  /** Minor units, positive; the entry's type gives the sign. */
  readonly amount: Money;
  /**
   * What the entry is for. Refunds and reversals need it: they give back at most what was
   * debited under the same reference and not yet given back.
   */
  readonly reference?: string;
  readonly idempotencyKey?: string;
}

export function toAccount(row: StoredValueAccountsTable): StoredValueAccount {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    balance: { amount: row.balance, currency: row.currency },
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}

export function toEntry(row: StoredValueLedgerTable, currency: string): LedgerEntry {
  return {
    id: row.id,
    accountId: row.account_id,
    type: row.entry_type,
    amount: { amount: row.amount, currency },
    balanceAfter: { amount: row.balance_after, currency },
    reference: row.reference,
    createdAt: row.created_at,
  };
}

async function accountRow(executor: Store['db'] | Tx, accountId: string): Promise<StoredValueAccountsTable> {
  const row = await executor
    .selectFrom('stored_value_accounts')
    .selectAll()
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (row === undefined) throw new NotFoundError('stored-value account', accountId, 'account_not_found');
  return row;
}

function isExpired(row: StoredValueAccountsTable, now: number): boolean {
  return row.expires_at !== null && row.expires_at <= now;
}

function expiredError(row: StoredValueAccountsTable): ConflictError {
  return new ConflictError('gift_card_expired', 'this gift card has expired', {
    account: row.label,
    expiresAt: row.expires_at,
  });
}

/** The entry already written under `key`, when it asks for the same thing; a conflict when it does not. */
async function replayed(
  executor: Store['db'] | Tx,
  request: EntryRequest,
  signed: number,
): Promise<LedgerEntry | undefined> {
  if (request.idempotencyKey === undefined) return undefined;
  const row = await executor
    .selectFrom('stored_value_ledger')
    .innerJoin('stored_value_accounts', 'stored_value_accounts.id', 'stored_value_ledger.account_id')
    .selectAll('stored_value_ledger')
    .select('stored_value_accounts.currency')
    .where('stored_value_ledger.idempotency_key', '=', request.idempotencyKey)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const same =
    row.account_id === request.accountId &&
    row.entry_type === request.type &&
    row.amount === signed &&
    row.reference === (request.reference ?? null);
  if (!same) throw idempotencyKeyReused(request.idempotencyKey);
  return toEntry(row, row.currency);
}

/** Money debited under `reference` that has not been refunded or reversed yet. */
async function givenBackLimit(trx: Tx, accountId: string, reference: string): Promise<number> {
  const row = await trx
    .selectFrom('stored_value_ledger')
    .select((eb) => eb.fn.sum<number | string | null>('amount').as('net'))
    .where('account_id', '=', accountId)
    .where('reference', '=', reference)
    .where('entry_type', 'in', ['debit', 'refund', 'reversal'])
    .executeTakeFirst();
  return -Number(row?.net ?? 0);
}

async function post(trx: Tx, request: EntryRequest, signed: number, now: number): Promise<LedgerEntry> {
  const before = await accountRow(trx, request.accountId);
  if (before.currency !== request.amount.currency) {
    throw new ValidationError(
      `this balance is in ${before.currency}, not ${request.amount.currency}`,
      { account: before.label },
      'currency_mismatch',
    );
  }
  const checksExpiry = request.type !== 'reversal';
  let update = trx
    .updateTable('stored_value_accounts')
    .set((eb) => ({ balance: eb('balance', '+', signed), updated_at: now }))
    .where('id', '=', request.accountId)
    .where((eb) => eb(eb('balance', '+', signed), '>=', 0));
  if (checksExpiry)
    update = update.where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
  const updated = await update.returning('balance').executeTakeFirst();
  if (updated === undefined) {
    const row = await accountRow(trx, request.accountId);
    if (checksExpiry && isExpired(row, now)) throw expiredError(row);
    throw new ConflictError('insufficient_balance', 'the balance does not cover this amount', {
      account: row.label,
      balance: row.balance,
      requested: -signed,
    });
  }
  if (request.type === 'refund' || request.type === 'reversal') {
    // The UPDATE above holds the account's row lock, so this sum cannot change under us.
    const limit = await givenBackLimit(trx, request.accountId, request.reference as string);
    if (signed > limit) {
      throw new ConflictError(
        'refund_exceeds_debited',
        'cannot give back more than was debited for this reference',
        {
          account: before.label,
          reference: request.reference,
          refundable: limit,
          requested: signed,
        },
      );
    }
  }
  const entry: StoredValueLedgerTable = {
    id: newId('led', now),
    account_id: request.accountId,
    entry_type: request.type,
    amount: signed,
    balance_after: Number(updated.balance),
    reference: request.reference ?? null,
    idempotency_key: request.idempotencyKey ?? null,
    created_at: now,
  };
  await trx.insertInto('stored_value_ledger').values(entry).execute();
  return toEntry(entry, before.currency);
}

/** Applies one change to a balance; with an idempotency key, a retry returns the first entry. */
export async function postEntry(store: Store, clock: Clock, request: EntryRequest): Promise<LedgerEntry> {
  assertPositiveAmount(request.amount.amount);
  if ((request.type === 'refund' || request.type === 'reversal') && request.reference === undefined) {
    throw new ValidationError(`a ${request.type} needs the reference of the debit it gives back`, {
      field: 'reference',
    });
  }
  const signed = request.type === 'debit' ? -request.amount.amount : request.amount.amount;
  try {
    return await store.transaction(async (trx) => {
      const previous = await replayed(trx, request, signed);
      return previous ?? post(trx, request, signed, clock.now());
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const previous = await replayed(store.db, request, signed);
    if (previous === undefined) throw error;
    return previous;
  }
}

/** Creates an account with its opening entry. */
export async function openAccount(
  trx: Tx,
  now: number,
  account: { kind: StoredValueKind; holder: string; label: string; balance: Money; expiresAt: number | null },
  reference: string | null,
): Promise<StoredValueAccount> {
  const row: StoredValueAccountsTable = {
    id: newId(account.kind === 'gift_card' ? 'gc' : 'sc', now),
    kind: account.kind,
    holder: account.holder,
    label: account.label,
    currency: account.balance.currency,
    balance: account.balance.amount,
    expires_at: account.expiresAt,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('stored_value_accounts').values(row).execute();
  await trx
    .insertInto('stored_value_ledger')
    .values({
      id: newId('led', now),
      account_id: row.id,
      entry_type: 'issue',
      amount: row.balance,
      balance_after: row.balance,
      reference,
      idempotency_key: null,
      created_at: now,
    })
    .execute();
  return toAccount(row);
}

export async function findAccount(
  executor: Store['db'] | Tx,
  kind: StoredValueKind,
  holder: string,
  currency?: string,
): Promise<StoredValueAccount | undefined> {
  let query = executor
    .selectFrom('stored_value_accounts')
    .selectAll()
    .where('kind', '=', kind)
    .where('holder', '=', holder)
    .orderBy('created_at');
  if (currency !== undefined) query = query.where('currency', '=', currency);
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toAccount(row);
}

export async function ledgerOf(store: Store, accountId: string): Promise<LedgerEntry[]> {
  const rows = await store.db
    .selectFrom('stored_value_ledger')
    .innerJoin('stored_value_accounts', 'stored_value_accounts.id', 'stored_value_ledger.account_id')
    .selectAll('stored_value_ledger')
    .select('stored_value_accounts.currency')
    .where('stored_value_ledger.account_id', '=', accountId)
    .orderBy('stored_value_ledger.created_at')
    .orderBy('stored_value_ledger.id')
    .execute();
  return rows.map((row) => toEntry(row, row.currency));
}

/** Debit entries written under `reference` and what is left to give back on each account. */
export async function openDebits(
  store: Store,
  reference: string,
): Promise<{ accountId: string; currency: string; outstanding: number }[]> {
  const rows = await store.db
    .selectFrom('stored_value_ledger')
    .innerJoin('stored_value_accounts', 'stored_value_accounts.id', 'stored_value_ledger.account_id')
    .select(['stored_value_ledger.account_id as accountId', 'stored_value_accounts.currency as currency'])
    .select((eb) => eb.fn.sum<number | string>('stored_value_ledger.amount').as('net'))
    .where('stored_value_ledger.reference', '=', reference)
    .where('stored_value_ledger.entry_type', 'in', ['debit', 'refund', 'reversal'])
    .groupBy(['stored_value_ledger.account_id', 'stored_value_accounts.currency'])
    .execute();
  return rows.map((row) => ({
    accountId: row.accountId,
    currency: row.currency,
    outstanding: -Number(row.net),
  }));
}
