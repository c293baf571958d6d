/**
 * Customers: profiles, address books, saved payment-method tokens, linked gift cards, order
 * history through the orders port, facts for the rules engine, and imports from the store a
 * merchant migrates from.
 */
import { type Clock, type Money, NotFoundError, newId, systemClock } from '../core/index.js';
import type { GiftCards, IssueGiftCardInput, StoreCredit } from '../payments/index.js';
import type { CustomerFacts } from '../rules/index.js';
import type { Executor, Store } from '../store/index.js';
import { customerFactsOf } from './customer-facts.js';
import {
  type AddressInput,
  addressInputSchema,
  type CustomerInput,
  type CustomerPatch,
  customerInputSchema,
  customerPatchSchema,
  type PaymentMethodInput,
  parsePaymentMethodInput,
  parseWith,
} from './customer-input.js';
import {
  appendAddress,
  customerIdBy,
  customerIdsByNameAndPostalCode,
  type ProfileValues,
  readCustomers,
  savePaymentMethods,
  updateCustomer,
} from './customer-rows.js';
import { conflictFromUniqueViolation } from './errors.js';
import { importCustomers } from './import/import-customers.js';
import type { CustomerImportInput, CustomerImportSummary } from './import/types.js';
import { linkedGiftCards, linkGiftCard } from './linked-gift-cards.js';
import { identityCodec, type PersonalDataCodec } from './personal-data.js';
import type {
  Customer,
  CustomerGiftCard,
  CustomerOrderSummary,
  CustomerOrdersPort,
  ImportCatalogPort,
  OrderImporterPort,
  SavedPaymentMethod,
} from './types.js';
import { assertIdentifiersFree, writeCustomer } from './write-customer.js';

export interface CustomerServiceDependencies {
  readonly store: Store;
  readonly clock?: Clock;
  readonly payments: { readonly giftCards: GiftCards; readonly storeCredit: StoreCredit };
  /** Order history; without it history is empty and order counts come from imported orders. */
  readonly orders?: CustomerOrdersPort;
  /** Writes imported past orders; without it an import refuses records that carry orders. */
  readonly orderImporter?: OrderImporterPort;
  /** Resolves imported order lines by SKU. */
  readonly catalog?: ImportCatalogPort;
  /** Where personal fields are sealed and opened (default: stored as given). */
  readonly codec?: PersonalDataCodec;
}

export interface CustomerService {
  create(input: CustomerInput): Promise<Customer>;
  /** Throws NotFoundError `customer_not_found`. */
  get(id: string): Promise<Customer>;
  /** By Aisle id, the merchant's customer id, or email. */
  find(reference: string): Promise<Customer | null>;
  findByEmail(email: string): Promise<Customer | null>;
  findByExternalId(externalId: string): Promise<Customer | null>;
  /**
   * How a chat shopper proves who they are: their name and the postal code of one of their
   * addresses, compared ignoring case and spacing. Null when nobody matches, and when more than
   * one customer does: a guess would show one person another's orders.
   */
  findByNameAndPostalCode(name: string, postalCode: string): Promise<Customer | null>;
  update(id: string, patch: CustomerPatch): Promise<Customer>;
  addAddress(id: string, input: AddressInput): Promise<Customer>;
  /** Saves a provider token (again: updates its label); refuses anything shaped like a card number. */
  savePaymentMethod(id: string, input: PaymentMethodInput): Promise<SavedPaymentMethod>;
  removePaymentMethod(id: string, paymentMethodId: string): Promise<void>;
  /** Issues a gift card through payments and keeps it with the customer; the code is returned once. */
  issueGiftCard(id: string, input: IssueGiftCardInput): Promise<{ code: string; giftCard: CustomerGiftCard }>;
  giftCards(id: string): Promise<CustomerGiftCard[]>;
  storeCreditBalance(id: string, currency: string): Promise<Money>;
  orderHistory(id: string, options?: { readonly limit?: number }): Promise<readonly CustomerOrderSummary[]>;
  customerFacts(id: string): Promise<CustomerFacts>;
  importCustomers(
    input: CustomerImportInput,
    options?: { readonly strict?: boolean },
  ): Promise<CustomerImportSummary>;
}

function profileOf(customer: Customer): ProfileValues {
  return {
    externalId: customer.externalId,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    tier: customer.tier,
    segment: customer.segment,
    tags: customer.tags,
    locale: customer.locale,
    marketingConsent: customer.marketingConsent,
  };
}

export function createCustomerService(dependencies: CustomerServiceDependencies): CustomerService {
  const { store, payments } = dependencies;
  const clock = dependencies.clock ?? systemClock;
  const codec = dependencies.codec ?? identityCodec;

  async function load(executor: Executor, id: string): Promise<Customer> {
    const [customer] = await readCustomers(executor, codec, [id]);
    if (customer === undefined) throw new NotFoundError('customer', id, 'customer_not_found');
    return customer;
  }

  async function findBy(key: 'id' | 'external_id' | 'email_key', value: string): Promise<Customer | null> {
    const id = await customerIdBy(store.db, codec, key, value);
    return id === null ? null : ((await readCustomers(store.db, codec, [id]))[0] ?? null);
  }

  /** Runs a write, turning a unique violation that raced past the checks into its conflict. */
  async function transact<T>(
    work: Parameters<Store['transaction']>[0],
    externalId: string | null,
  ): Promise<T> {
    try {
      return (await store.transaction(work)) as T;
    } catch (error) {
      throw conflictFromUniqueViolation(error, externalId);
    }
  }

  async function orderCount(id: string): Promise<number> {
    if (dependencies.orders !== undefined) {
      const orders = await dependencies.orders.listByCustomer(id);
      return orders.filter((order) => order.status !== 'cancelled').length;
    }
    const row = await store.db
      .selectFrom('customer_imported_orders')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('customer_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  const service: CustomerService = {
    async create(input) {
      const parsed = parseWith(customerInputSchema, input, 'customer');
      const methods = (input.paymentMethods ?? []).map(parsePaymentMethodInput);
      const now = clock.now();
      const id = newId('cus', now);
      const profile: ProfileValues = {
        externalId: parsed.externalId ?? null,
        name: parsed.name,
        email: parsed.email ?? null,
        phone: parsed.phone ?? null,
        tier: parsed.tier ?? null,
        segment: parsed.segment ?? null,
        tags: parsed.tags ?? [],
        locale: parsed.locale ?? null,
        marketingConsent: parsed.marketingConsent ?? false,
      };
      await transact(
        (trx) =>
          writeCustomer(
            trx,
            codec,
            { id, exists: false, profile, addresses: parsed.addresses ?? [], paymentMethods: methods },
            now,
          ),
        profile.externalId,
      );
      return load(store.db, id);
    },

    get: (id) => load(store.db, id),

    async find(reference) {
      return (
        (await findBy('id', reference)) ??
        (await findBy('external_id', reference)) ??
        (reference.includes('@') ? await findBy('email_key', reference) : null)
      );
    },

    findByEmail: (email) => findBy('email_key', email),
    findByExternalId: (externalId) => findBy('external_id', externalId),

    async findByNameAndPostalCode(name, postalCode) {
      if (name.trim() === '' || postalCode.trim() === '') return null;
      const ids = await customerIdsByNameAndPostalCode(store.db, codec, name, postalCode);
      if (ids.length !== 1) return null;
      return (await readCustomers(store.db, codec, ids))[0] ?? null;
    },

    async update(id, patch) {
      const parsed = parseWith(customerPatchSchema, patch, 'customer change');
      const now = clock.now();
      await transact(async (trx) => {
        const current = profileOf(await load(trx, id));
        const next: ProfileValues = {
          externalId: parsed.externalId === undefined ? current.externalId : parsed.externalId,
          name: parsed.name ?? current.name,
          email: parsed.email === undefined ? current.email : parsed.email,
          phone: parsed.phone === undefined ? current.phone : parsed.phone,
          tier: parsed.tier === undefined ? current.tier : parsed.tier,
          segment: parsed.segment === undefined ? current.segment : parsed.segment,
          tags: parsed.tags ?? current.tags,
          locale: parsed.locale === undefined ? current.locale : parsed.locale,
          marketingConsent: parsed.marketingConsent ?? current.marketingConsent,
        };
        await assertIdentifiersFree(trx, codec, id, next);
        await updateCustomer(trx, codec, id, next, now);
      }, parsed.externalId ?? null);
      return load(store.db, id);
    },

    async addAddress(id, input) {
      const address = parseWith(addressInputSchema, input, 'address');
      const now = clock.now();
      await store.transaction(async (trx) => {
        await load(trx, id);
        await appendAddress(trx, codec, id, address, now);
        await trx.updateTable('customers').set({ updated_at: now }).where('id', '=', id).execute();
      });
      return load(store.db, id);
    },

    async savePaymentMethod(id, input) {
      const method = parsePaymentMethodInput(input);
      const now = clock.now();
      const [savedId] = await transact<string[]>(async (trx) => {
        await load(trx, id);
        return savePaymentMethods(trx, id, [method], now);
      }, null);
      const saved = (await load(store.db, id)).paymentMethods.find((candidate) => candidate.id === savedId);
      return saved!;
    },

    async removePaymentMethod(id, paymentMethodId) {
      await store.transaction(async (trx) => {
        const removed = await trx
          .deleteFrom('customer_payment_methods')
          .where('customer_id', '=', id)
          .where('id', '=', paymentMethodId)
          .executeTakeFirst();
        if (Number(removed.numDeletedRows) === 0) {
          throw new NotFoundError('payment method', paymentMethodId, 'payment_method_not_found');
        }
        // The oldest remaining method becomes the default when the default was removed.
        await savePaymentMethods(trx, id, [], clock.now());
      });
    },

    async issueGiftCard(id, input) {
      await load(store.db, id);
      const issued = await payments.giftCards.issue(input);
      await linkGiftCard(
        store.db,
        {
          customerId: id,
          accountId: issued.account.id,
          label: issued.account.label,
          currency: issued.account.balance.currency,
        },
        clock.now(),
      );
      const giftCard = (await linkedGiftCards(store.db, id)).find(
        (card) => card.accountId === issued.account.id,
      );
      return { code: issued.code, giftCard: giftCard! };
    },

    async giftCards(id) {
      await load(store.db, id);
      return linkedGiftCards(store.db, id);
    },

    async storeCreditBalance(id, currency) {
      await load(store.db, id);
      return payments.storeCredit.balance(id, currency);
    },

    async orderHistory(id, options) {
      await load(store.db, id);
      return dependencies.orders === undefined ? [] : dependencies.orders.listByCustomer(id, options);
    },

    async customerFacts(id) {
      const customer = await load(store.db, id);
      return customerFactsOf(customer, await orderCount(id));
    },

    importCustomers: (input, options) =>
      importCustomers({
        store,
        clock,
        codec,
        payments,
        input,
        strict: options?.strict ?? false,
        ...(dependencies.orderImporter !== undefined && { orderImporter: dependencies.orderImporter }),
        ...(dependencies.catalog !== undefined && { catalog: dependencies.catalog }),
      }),
  };
  return service;
}
