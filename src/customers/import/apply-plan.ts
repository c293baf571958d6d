/**
 * Writes one planned customer. The customer, their addresses, saved methods and past orders go
 * in one transaction, so a record is never half-written. Gift cards and store credit live in
 * payments, which commits on its own, so they follow the transaction: each move is keyed so a
 * retry cannot repeat it, and a failure there is reported and completed by importing again.
 */
import { AisleError, type Clock, type Money, newId } from '../../core/index.js';
import type { GiftCards, StoreCredit, StoredValueAccount } from '../../payments/index.js';
import type { Executor, Store } from '../../store/index.js';
import { conflictFromUniqueViolation } from '../errors.js';
import { giftCardHolder, linkGiftCard } from '../linked-gift-cards.js';
import type { PersonalDataCodec } from '../personal-data.js';
import type { OrderImporterPort } from '../types.js';
import { writeCustomer } from '../write-customer.js';
import type { CustomerPlan, PlannedGiftCard } from './plan-record.js';
import { RecordRejected } from './record-rejected.js';

export interface ApplyContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly codec: PersonalDataCodec;
  readonly payments: { readonly giftCards: GiftCards; readonly storeCredit: StoreCredit };
  readonly orderImporter: OrderImporterPort | undefined;
}

export interface AppliedRecord {
  readonly ordersCreated: number;
  readonly ordersUnchanged: number;
  readonly giftCardsIssued: number;
  readonly giftCardsLinked: number;
}

const IMPORT_REFERENCE = 'customer-import';

function rejection(error: unknown, plan: CustomerPlan, prefix = ''): unknown {
  if (error instanceof RecordRejected) {
    return new RecordRejected(error.code, `${prefix}${error.reason}`, plan.profile.externalId);
  }
  const conflict = conflictFromUniqueViolation(error, plan.profile.externalId);
  if (AisleError.isInstance(conflict) && conflict.status < 500) {
    return new RecordRejected(conflict.code, `${prefix}${conflict.message}`, plan.profile.externalId);
  }
  return conflict;
}

async function writeRecord(
  context: ApplyContext,
  plan: CustomerPlan,
): Promise<{ created: number; unchanged: number }> {
  const now = context.clock.now();
  return context.store.transaction(async (trx) => {
    await writeCustomer(trx, context.codec, { ...plan }, now);
    let created = 0;
    let unchanged = 0;
    for (const order of plan.orders) {
      const imported = await trx
        .selectFrom('customer_imported_orders')
        .select('customer_id')
        .where('number', '=', order.number)
        .executeTakeFirst();
      if (imported !== undefined) {
        if (imported.customer_id !== plan.id) {
          throw new RecordRejected(
            'order_number_taken',
            `order ${order.number} was imported for another customer`,
          );
        }
        unchanged += 1;
        continue;
      }
      const written = await context.orderImporter!.create({ ...order, customerId: plan.id }, trx);
      await trx
        .insertInto('customer_imported_orders')
        .values({ number: order.number, customer_id: plan.id, order_id: written.id, created_at: now })
        .execute();
      created += 1;
    }
    return { created, unchanged };
  });
}

async function importedBalance(
  executor: Executor,
  customerId: string,
  balanceKey: string,
): Promise<{ amount: number; updatedAt: number } | undefined> {
  const row = await executor
    .selectFrom('customer_imported_balances')
    .select(['amount', 'updated_at'])
    .where('customer_id', '=', customerId)
    .where('balance_key', '=', balanceKey)
    .executeTakeFirst();
  return row === undefined ? undefined : { amount: Number(row.amount), updatedAt: row.updated_at };
}

async function recordBalance(
  executor: Executor,
  customerId: string,
  balanceKey: string,
  amount: number,
  now: number,
) {
  await executor
    .insertInto('customer_imported_balances')
    .values({ customer_id: customerId, balance_key: balanceKey, amount, updated_at: now })
    .onConflict((conflict) =>
      conflict.columns(['customer_id', 'balance_key']).doUpdateSet({ amount, updated_at: now }),
    )
    .execute();
}

interface BalanceMover {
  credit(amount: Money, idempotencyKey: string): Promise<unknown>;
  debit(amount: Money, idempotencyKey: string): Promise<unknown>;
}

/**
 * Brings a balance from what the last import brought in to what this one says, by moving only
 * the difference: money spent or added in Aisle since then stays spent or added.
 */
async function settleImportedBalance(
  context: ApplyContext,
  plan: CustomerPlan,
  balanceKey: string,
  wanted: Money,
  mover: BalanceMover,
): Promise<void> {
  const recorded = await importedBalance(context.store.db, plan.id, balanceKey);
  const before = recorded?.amount ?? 0;
  if (before === wanted.amount && recorded !== undefined) return;
  const key = `${IMPORT_REFERENCE}:${plan.id}:${balanceKey}:${recorded?.updatedAt ?? 0}:${before}:${wanted.amount}`;
  const difference = wanted.amount - before;
  if (difference > 0) await mover.credit({ amount: difference, currency: wanted.currency }, key);
  if (difference < 0) await mover.debit({ amount: -difference, currency: wanted.currency }, key);
  await recordBalance(context.store.db, plan.id, balanceKey, wanted.amount, context.clock.now());
}

async function importGiftCard(
  context: ApplyContext,
  plan: CustomerPlan,
  card: PlannedGiftCard,
): Promise<'issued' | 'linked'> {
  const { giftCards } = context.payments;
  let account: StoredValueAccount;
  let issued = false;
  try {
    account = (
      await giftCards.issue({
        code: card.code,
        initialBalance: card.balance,
        reference: `${IMPORT_REFERENCE}:${plan.profile.externalId}`,
        ...(card.expiresAt !== undefined && { expiresAt: card.expiresAt }),
      })
    ).account;
    issued = true;
  } catch (error) {
    if (!(AisleError.isInstance(error) && error.code === 'gift_card_exists')) throw error;
    account = await giftCards.balance(card.code);
  }
  const holder = await giftCardHolder(context.store.db, account.id);
  if (holder !== null && holder !== plan.id) {
    throw new RecordRejected('gift_card_taken', `gift card ${account.label} belongs to another customer`);
  }
  const now = context.clock.now();
  const balanceKey = `gift_card:${account.id}`;
  await linkGiftCard(
    context.store.db,
    { customerId: plan.id, accountId: account.id, label: account.label, currency: account.balance.currency },
    now,
  );
  // A card issued now, or found unlinked (an earlier import stopped after issuing it), already
  // holds the file's balance: record it rather than move money.
  if (issued || (await importedBalance(context.store.db, plan.id, balanceKey)) === undefined) {
    await recordBalance(context.store.db, plan.id, balanceKey, card.balance.amount, now);
    return issued ? 'issued' : 'linked';
  }
  await settleImportedBalance(context, plan, balanceKey, card.balance, {
    credit: (amount, idempotencyKey) =>
      giftCards.credit({ code: card.code, amount, idempotencyKey, reference: IMPORT_REFERENCE }),
    debit: (amount, idempotencyKey) =>
      giftCards.debit({ code: card.code, amount, idempotencyKey, reference: IMPORT_REFERENCE }),
  });
  return 'linked';
}

async function importStoredValue(
  context: ApplyContext,
  plan: CustomerPlan,
): Promise<{ issued: number; linked: number }> {
  let issued = 0;
  let linked = 0;
  for (const card of plan.giftCards) {
    if ((await importGiftCard(context, plan, card)) === 'issued') issued += 1;
    else linked += 1;
  }
  const { storeCredit } = context.payments;
  for (const credit of plan.storeCredit) {
    await settleImportedBalance(context, plan, `store_credit:${credit.currency}`, credit, {
      credit: (amount, idempotencyKey) =>
        storeCredit.credit({ customerId: plan.id, amount, idempotencyKey, reference: IMPORT_REFERENCE }),
      debit: (amount, idempotencyKey) =>
        storeCredit.debit({ customerId: plan.id, amount, idempotencyKey, reference: IMPORT_REFERENCE }),
    });
  }
  return { issued, linked };
}

/**
 * Writes the plan. Throws RecordRejected when the record was refused (nothing written), and
 * `StoredValueIncomplete` when the customer was written but a balance was not.
 */
export async function applyPlan(context: ApplyContext, plan: CustomerPlan): Promise<AppliedRecord> {
  let orders: { created: number; unchanged: number };
  try {
    orders = await writeRecord(context, plan);
  } catch (error) {
    throw rejection(error, plan);
  }
  try {
    const cards = await importStoredValue(context, plan);
    return {
      ordersCreated: orders.created,
      ordersUnchanged: orders.unchanged,
      giftCardsIssued: cards.issued,
      giftCardsLinked: cards.linked,
    };
  } catch (error) {
    const refused = rejection(
      error,
      plan,
      'the customer was saved but a balance was not (import again to finish): ',
    );
    if (refused instanceof RecordRejected) throw new StoredValueIncomplete(refused, orders);
    throw refused;
  }
}

/** The customer and orders were written; a gift card or store-credit balance was not. */
export class StoredValueIncomplete extends Error {
  constructor(
    readonly rejection: RecordRejected,
    readonly orders: { created: number; unchanged: number },
  ) {
    super(rejection.reason);
    this.name = 'StoredValueIncomplete';
  }
}

export function newCustomerIdFor(clock: Clock): () => string {
  return () => newId('cus', clock.now());
}
