/**
 * Gift cards that belong to a customer. Payments keeps only a hash of each code, and its
 * `GiftCards.balance` is looked up by code, so a customer's cards are remembered here by their
 * stored-value account id and their balances read from the payments account rows.
 */
import type { Executor } from '../store/index.js';
import type { CustomerGiftCard } from './types.js';

export async function linkGiftCard(
  executor: Executor,
  link: { customerId: string; accountId: string; label: string; currency: string },
  now: number,
): Promise<void> {
  await executor
    .insertInto('customer_gift_cards')
    .values({
      customer_id: link.customerId,
      account_id: link.accountId,
      label: link.label,
      currency: link.currency,
      created_at: now,
    })
    .onConflict((conflict) => conflict.columns(['customer_id', 'account_id']).doNothing())
    .execute();
}

/** The customer that holds the card, if any. */
export async function giftCardHolder(executor: Executor, accountId: string): Promise<string | null> {
  const row = await executor
    .selectFrom('customer_gift_cards')
    .select('customer_id')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.customer_id ?? null;
}

export async function linkedGiftCards(executor: Executor, customerId: string): Promise<CustomerGiftCard[]> {
  const rows = await executor
    .selectFrom('customer_gift_cards')
    .innerJoin('stored_value_accounts', 'stored_value_accounts.id', 'customer_gift_cards.account_id')
    .select([
      'customer_gift_cards.account_id',
      'stored_value_accounts.label',
      'stored_value_accounts.balance',
      'stored_value_accounts.currency',
      'stored_value_accounts.expires_at',
    ])
    .where('customer_gift_cards.customer_id', '=', customerId)
    .orderBy('customer_gift_cards.created_at')
    .orderBy('customer_gift_cards.account_id')
    .execute();
  return rows.map((row) => ({
    accountId: row.account_id,
    label: row.label,
    balance: { amount: Number(row.balance), currency: row.currency },
    expiresAt: row.expires_at,
  }));
}
