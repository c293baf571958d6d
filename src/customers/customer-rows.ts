/**
 * Reads and writes of the customer tables. Every personal field goes through the personal-data
 * codec here and nowhere else: callers see opened values, the tables hold sealed ones.
 */

import { newId } from '../core/index.js';
import { paymentMethodLabel } from '../payments/index.js';
import type { Executor } from '../store/index.js';
import type { CustomerAddressesTable, CustomersTable } from '../store/schema/customers.js';
import { arrangeDefaults } from './arrange-defaults.js';
import { type ParsedAddress, type ParsedPaymentMethod, toPostalAddress } from './customer-input.js';
import { PaymentMethodTakenError } from './errors.js';
import type { PersonalDataCodec } from './personal-data.js';
import type { Customer, CustomerAddress, PostalAddress, SavedPaymentMethod } from './types.js';

export interface ProfileValues {
  readonly externalId: string | null;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly tier: string | null;
  readonly segment: string | null;
  readonly tags: readonly string[];
  readonly locale: string | null;
  readonly marketingConsent: boolean;
}

export type CustomerKey = 'id' | 'external_id' | 'email_key';

function profileRow(codec: PersonalDataCodec, id: string, profile: ProfileValues) {
  return {
    external_id: profile.externalId,
    name: codec.seal(id, 'name', profile.name),
    name_key: codec.lookupKey('name', profile.name),
    email: profile.email === null ? null : codec.seal(id, 'email', profile.email),
    email_key: profile.email === null ? null : codec.lookupKey('email', profile.email),
    phone: profile.phone === null ? null : codec.seal(id, 'phone', profile.phone),
    tier: profile.tier,
    segment: profile.segment,
    tags: JSON.stringify(profile.tags),
    locale: profile.locale,
    marketing_consent: profile.marketingConsent ? 1 : 0,
  };
}

export async function insertCustomer(
  executor: Executor,
  codec: PersonalDataCodec,
  id: string,
  profile: ProfileValues,
  now: number,
): Promise<void> {
  await executor
    .insertInto('customers')
    .values({ id, ...profileRow(codec, id, profile), created_at: now, updated_at: now })
    .execute();
}

export async function updateCustomer(
  executor: Executor,
  codec: PersonalDataCodec,
  id: string,
  profile: ProfileValues,
  now: number,
): Promise<void> {
  await executor
    .updateTable('customers')
    .set({ ...profileRow(codec, id, profile), updated_at: now })
    .where('id', '=', id)
    .execute();
}

export function lookupValue(codec: PersonalDataCodec, key: CustomerKey, value: string): string {
  return key === 'email_key' ? codec.lookupKey('email', value) : value;
}

export async function customerIdBy(
  executor: Executor,
  codec: PersonalDataCodec,
  key: CustomerKey,
  value: string,
): Promise<string | null> {
  const row = await executor
    .selectFrom('customers')
    .select('id')
    .where(key, '=', lookupValue(codec, key, value))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Ids of the customers with this name and an address with this postal code. */
export async function customerIdsByNameAndPostalCode(
  executor: Executor,
  codec: PersonalDataCodec,
  name: string,
  postalCode: string,
): Promise<string[]> {
  const rows = await executor
    .selectFrom('customer_addresses')
    .innerJoin('customers', 'customers.id', 'customer_addresses.customer_id')
    .select('customers.id')
    .distinct()
    .where('customer_addresses.postal_key', '=', codec.lookupKey('postalCode', postalCode))
    .where('customers.name_key', '=', codec.lookupKey('name', name))
    .limit(2)
    .execute();
  return rows.map((row) => row.id);
}

function openAddress(codec: PersonalDataCodec, row: CustomerAddressesTable): CustomerAddress {
  const postal = JSON.parse(codec.open(row.customer_id, 'address', row.address)) as PostalAddress;
  return {
    ...postal,
    id: row.id,
    label: row.label,
    defaultShipping: row.default_shipping === 1,
    defaultBilling: row.default_billing === 1,
  };
}

function postalPart(address: ParsedAddress): PostalAddress {
  const { label: _label, defaultShipping: _shipping, defaultBilling: _billing, ...postal } = address;
  return toPostalAddress(postal);
}

function addressRow(
  codec: PersonalDataCodec,
  customerId: string,
  address: ParsedAddress,
  flags: { position: number; defaultShipping: boolean; defaultBilling: boolean },
  now: number,
): CustomerAddressesTable {
  return {
    id: newId('addr', now),
    customer_id: customerId,
    address: codec.seal(customerId, 'address', JSON.stringify(postalPart(address))),
    postal_key: codec.lookupKey('postalCode', address.postalCode),
    country: address.country,
    label: address.label ?? null,
    default_shipping: flags.defaultShipping ? 1 : 0,
    default_billing: flags.defaultBilling ? 1 : 0,
    position: flags.position,
    created_at: now,
    updated_at: now,
  };
}

/** Writes `addresses` as the customer's whole address book. */
export async function replaceAddresses(
  executor: Executor,
  codec: PersonalDataCodec,
  customerId: string,
  addresses: readonly ParsedAddress[],
  now: number,
): Promise<void> {
  await executor.deleteFrom('customer_addresses').where('customer_id', '=', customerId).execute();
  if (addresses.length === 0) return;
  const shipping = arrangeDefaults(addresses, (address) => address.defaultShipping === true);
  const billing = arrangeDefaults(addresses, (address) => address.defaultBilling === true);
  await executor
    .insertInto('customer_addresses')
    .values(
      addresses.map((address, position) =>
        addressRow(
          codec,
          customerId,
          address,
          { position, defaultShipping: shipping[position]!, defaultBilling: billing[position]! },
          now,
        ),
      ),
    )
    .execute();
}

/** Adds one address; it takes over a default when it asks for it or when there was none. */
export async function appendAddress(
  executor: Executor,
  codec: PersonalDataCodec,
  customerId: string,
  address: ParsedAddress,
  now: number,
): Promise<string> {
  const existing = await executor
    .selectFrom('customer_addresses')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.max('position').as('last'),
      eb.fn.max('default_shipping').as('has_shipping'),
      eb.fn.max('default_billing').as('has_billing'),
    ])
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  const defaultShipping = address.defaultShipping === true || Number(existing.has_shipping ?? 0) === 0;
  const defaultBilling = address.defaultBilling === true || Number(existing.has_billing ?? 0) === 0;
  if (defaultShipping) {
    await executor
      .updateTable('customer_addresses')
      .set({ default_shipping: 0, updated_at: now })
      .where('customer_id', '=', customerId)
      .execute();
  }
  if (defaultBilling) {
    await executor
      .updateTable('customer_addresses')
      .set({ default_billing: 0, updated_at: now })
      .where('customer_id', '=', customerId)
      .execute();
  }
  const position = Number(existing.count) === 0 ? 0 : Number(existing.last) + 1;
  const row = addressRow(codec, customerId, address, { position, defaultShipping, defaultBilling }, now);
  await executor.insertInto('customer_addresses').values(row).execute();
  return row.id;
}

/**
 * Saves methods by their provider token (saving one again updates its label and expiry) and
 * leaves exactly one default.
 */
export async function savePaymentMethods(
  executor: Executor,
  customerId: string,
  methods: readonly ParsedPaymentMethod[],
  now: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (const method of methods) {
    const existing = await executor
      .selectFrom('customer_payment_methods')
      .select(['id', 'customer_id'])
      .where('provider', '=', method.provider)
      .where('token', '=', method.token)
      .executeTakeFirst();
    if (existing !== undefined && existing.customer_id !== customerId) throw new PaymentMethodTakenError();
    const values = {
      kind: method.kind,
      brand: method.brand,
      last4: method.last4,
      exp_month: method.expMonth,
      exp_year: method.expYear,
      updated_at: now,
    };
    if (existing === undefined) {
      const id = newId('cpm', now);
      await executor
        .insertInto('customer_payment_methods')
        .values({
          id,
          customer_id: customerId,
          provider: method.provider,
          token: method.token,
          ...values,
          is_default: 0,
          created_at: now,
        })
        .execute();
      ids.push(id);
    } else {
      await executor
        .updateTable('customer_payment_methods')
        .set(values)
        .where('id', '=', existing.id)
        .execute();
      ids.push(existing.id);
    }
  }
  const askedDefault = methods.findLastIndex((method) => method.isDefault);
  const current = await executor
    .selectFrom('customer_payment_methods')
    .select(['id', 'is_default'])
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const chosen =
    askedDefault !== -1 ? ids[askedDefault] : (current.find((row) => row.is_default === 1) ?? current[0])?.id;
  if (chosen !== undefined) {
    await executor
      .updateTable('customer_payment_methods')
      .set((eb) => ({ is_default: eb.case().when('id', '=', chosen).then(1).else(0).end() }))
      .where('customer_id', '=', customerId)
      .execute();
  }
  return ids;
}

function openProfile(codec: PersonalDataCodec, row: CustomersTable) {
  return {
    id: row.id,
    externalId: row.external_id,
    name: codec.open(row.id, 'name', row.name),
    email: row.email === null ? null : codec.open(row.id, 'email', row.email),
    phone: row.phone === null ? null : codec.open(row.id, 'phone', row.phone),
    tier: row.tier,
    segment: row.segment,
    tags: JSON.parse(row.tags) as string[],
    locale: row.locale,
    marketingConsent: row.marketing_consent === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Customers with their addresses and saved methods, in the order of `ids`; missing ids are skipped. */
export async function readCustomers(
  executor: Executor,
  codec: PersonalDataCodec,
  ids: readonly string[],
): Promise<Customer[]> {
  if (ids.length === 0) return [];
  const [rows, addresses, methods] = await Promise.all([
    executor.selectFrom('customers').selectAll().where('id', 'in', ids).execute(),
    executor
      .selectFrom('customer_addresses')
      .selectAll()
      .where('customer_id', 'in', ids)
      .orderBy('position')
      .execute(),
    executor
      .selectFrom('customer_payment_methods')
      .selectAll()
      .where('customer_id', 'in', ids)
      .orderBy('is_default', 'desc')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (row === undefined) return [];
    const saved: SavedPaymentMethod[] = methods
      .filter((method) => method.customer_id === id)
      .map((method) => ({
        id: method.id,
        provider: method.provider,
        token: method.token,
        kind: method.kind,
        brand: method.brand,
        last4: method.last4,
        expMonth: method.exp_month,
        expYear: method.exp_year,
        label: paymentMethodLabel({
          brand: method.brand,
          last4: method.last4,
          expMonth: method.exp_month,
          expYear: method.exp_year,
        }),
        isDefault: method.is_default === 1,
      }));
    return [
      {
        ...openProfile(codec, row),
        addresses: addresses
          .filter((address) => address.customer_id === id)
          .map((a) => openAddress(codec, a)),
        paymentMethods: saved,
      },
    ];
  });
}
