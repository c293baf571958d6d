/**
 * Writes the demo shoppers, their gift card and their store credit. A customer is found by
 * email before it is created; the gift card and the credit are added only to a customer who
 * has none yet, so a rerun, or a shopper who spent their balance, is left as it is.
 */

import { type Money, money } from '../../core/index.js';
import type { Customer, CustomerService } from '../../customers/index.js';
import type { StoreCredit } from '../../payments/index.js';
import { DEMO_CUSTOMERS, type DemoCustomer } from './demo-customers.js';

export interface DemoCustomersResult {
  readonly byEmail: ReadonlyMap<string, Customer>;
  readonly created: number;
  readonly giftCards: readonly { readonly email: string; readonly code: string; readonly balance: Money }[];
  readonly storeCredit: readonly { readonly email: string; readonly balance: Money }[];
  /** Gift cards and credits added by this run. */
  readonly balancesAdded: number;
}

const CURRENCY = 'TWD';

export async function seedDemoCustomers(
  customers: Pick<
    CustomerService,
    'findByEmail' | 'create' | 'giftCards' | 'issueGiftCard' | 'storeCreditBalance'
  >,
  storeCredit: Pick<StoreCredit, 'ledger' | 'credit'>,
): Promise<DemoCustomersResult> {
  const byEmail = new Map<string, Customer>();
  const giftCards: DemoCustomersResult['giftCards'][number][] = [];
  const credits: DemoCustomersResult['storeCredit'][number][] = [];
  let created = 0;
  let balancesAdded = 0;

  async function addGiftCard(customer: Customer, giftCard: NonNullable<DemoCustomer['giftCard']>) {
    if ((await customers.giftCards(customer.id)).length === 0) {
      await customers.issueGiftCard(customer.id, {
        code: giftCard.code,
        initialBalance: money(giftCard.balance, CURRENCY),
        reference: 'demo store welcome gift',
      });
      balancesAdded += 1;
    }
    const [card] = await customers.giftCards(customer.id);
    if (card !== undefined)
      giftCards.push({ email: customer.email ?? '', code: giftCard.code, balance: card.balance });
  }

  async function addStoreCredit(customer: Customer, amount: number) {
    if ((await storeCredit.ledger(customer.id, CURRENCY)).length === 0) {
      await storeCredit.credit({
        customerId: customer.id,
        amount: money(amount, CURRENCY),
        idempotencyKey: `demo-store-credit:${customer.id}`,
        reference: 'demo store goodwill credit',
      });
      balancesAdded += 1;
    }
    credits.push({
      email: customer.email ?? '',
      balance: await customers.storeCreditBalance(customer.id, CURRENCY),
    });
  }

  for (const demo of DEMO_CUSTOMERS) {
    let customer = await customers.findByEmail(demo.input.email);
    if (customer === null) {
      customer = await customers.create(demo.input);
      created += 1;
    }
    byEmail.set(demo.input.email, customer);
    if (demo.giftCard !== undefined) await addGiftCard(customer, demo.giftCard);
    if (demo.storeCredit !== undefined) await addStoreCredit(customer, demo.storeCredit);
  }
  return { byEmail, created, giftCards, storeCredit: credits, balancesAdded };
}
