/**
 * Gift cards: a code with a balance in one currency and an optional expiry. The code is a
 * bearer secret, so only its SHA-256 is stored and only its last four characters are shown.
 */
import { createHash, randomInt } from 'node:crypto';
import {
  assertCurrency,
  type Clock,
  ConflictError,
  type Money,
  NotFoundError,
  systemClock,
  ValidationError,
} from '../core/index.js';
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

/** No 0/O, 1/I/L: codes are read aloud and typed from paper. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_PATTERN = /^[A-Z0-9]{8,32}$/;

export interface IssueGiftCardInput {
  /** The merchant's own code; a random 16-character one when absent. */
  readonly code?: string;
  readonly initialBalance: Money;
  readonly expiresAt?: number;
  /** Why it was issued (an order, a promotion, a goodwill gesture). */
  readonly reference?: string;
}

export interface GiftCardMovement {
  readonly code: string;
  readonly amount: Money;
  readonly idempotencyKey: string;
  readonly reference?: string;
}

export interface GiftCards {
  /** Returns the code once; afterwards only its masked form exists. */
  issue(input: IssueGiftCardInput): Promise<{ code: string; account: StoredValueAccount }>;
  balance(code: string): Promise<StoredValueAccount>;
  debit(input: GiftCardMovement & { reference: string }): Promise<LedgerEntry>;
  /** Adds value (a top-up or a goodwill credit). */
  credit(input: GiftCardMovement): Promise<LedgerEntry>;
  /** Gives back, at once, up to what was debited under the same reference. */
  refund(input: GiftCardMovement & { reference: string }): Promise<LedgerEntry>;
  ledger(code: string): Promise<LedgerEntry[]>;
}

export function normalizeGiftCardCode(code: string): string {
  const normalized = code.replace(/[\s-]/g, '').toUpperCase();
  if (!CODE_PATTERN.test(normalized)) {
    throw new ValidationError(
      'a gift card code is 8 to 32 letters and digits',
      { field: 'code' },
      'invalid_gift_card_code',
    );
  }
  return normalized;
}

export function giftCardHolder(code: string): string {
  return createHash('sha256').update(normalizeGiftCardCode(code)).digest('hex');
}

function generateCode(): string {
  const characters = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return characters.join('').replace(/(.{4})(?=.)/g, '$1-');
}

export function createGiftCards(options: { store: Store; clock?: Clock }): GiftCards {
  const { store } = options;
  const clock = options.clock ?? systemClock;

  async function account(code: string): Promise<StoredValueAccount> {
    const found = await findAccount(store.db, 'gift_card', giftCardHolder(code));
    // The message never repeats the code: it is a secret, and a typo of one is close to another.
    if (found === undefined) throw new NotFoundError('gift card', 'with this code', 'gift_card_not_found');
    return found;
  }

  async function move(type: 'debit' | 'credit' | 'refund', input: GiftCardMovement): Promise<LedgerEntry> {
    const target = await account(input.code);
    return postEntry(store, clock, {
      accountId: target.id,
      type,
      amount: input.amount,
      idempotencyKey: input.idempotencyKey,
      ...(input.reference === undefined ? {} : { reference: input.reference }),
    });
  }

  return {
    async issue(input) {
      const currency = assertCurrency(input.initialBalance.currency);
      if (!Number.isSafeInteger(input.initialBalance.amount) || input.initialBalance.amount < 0) {
        throw new ValidationError(
          'a gift card balance is a non-negative integer of minor units',
          { field: 'initialBalance' },
          'invalid_amount',
        );
      }
      const code = input.code === undefined ? generateCode() : input.code.trim().toUpperCase();
      const holder = giftCardHolder(code);
      const normalized = normalizeGiftCardCode(code);
      const now = clock.now();
      if (input.expiresAt !== undefined && input.expiresAt <= now) {
        throw new ValidationError(
          'a gift card cannot be issued already expired',
          { field: 'expiresAt' },
          'invalid_expiry',
        );
      }
      try {
        const issued = await store.transaction(async (trx) => {
          if ((await findAccount(trx, 'gift_card', holder)) !== undefined) {
            throw new ConflictError('gift_card_exists', 'a gift card with this code already exists');
          }
          return openAccount(
            trx,
            now,
            {
              kind: 'gift_card',
              holder,
              label: `•••• ${normalized.slice(-4)}`,
              balance: { amount: input.initialBalance.amount, currency },
              expiresAt: input.expiresAt ?? null,
            },
            input.reference ?? null,
          );
        });
        return { code, account: issued };
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ConflictError('gift_card_exists', 'a gift card with this code already exists');
        throw error;
      }
    },
    balance: account,
    debit: (input) => move('debit', input),
    credit: (input) => move('credit', input),
    refund: (input) => move('refund', input),
    async ledger(code) {
      return ledgerOf(store, (await account(code)).id);
    },
  };
}
