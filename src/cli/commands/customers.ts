import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { formatMoney, NotFoundError } from '../../core/index.js';
import type { Customer, CustomerAddress, CustomerImportSummary } from '../../customers/index.js';
import type { AppServices } from '../../server/index.js';
import { withServices } from '../context.js';
import { assertFile, databaseOption, formatInstant, printJson } from './command-output.js';

const RECENT_ORDERS = 10;

export function formatCustomerImport(summary: CustomerImportSummary): string {
  const lines = [
    `${summary.records} records read: ${summary.created} created, ${summary.updated} updated, ${summary.skipped} skipped; ` +
      `orders ${summary.orders.created} created, ${summary.orders.unchanged} unchanged; ` +
      `gift cards ${summary.giftCards.issued} issued, ${summary.giftCards.linked} linked`,
  ];
  if (summary.rejected) lines.push('strict mode: the file has bad records, so NOTHING was imported');
  for (const issue of summary.errors) {
    lines.push(
      `  line ${issue.line}${issue.externalId ? ` (${issue.externalId})` : ''}: ${issue.reason} [${issue.code}]`,
    );
  }
  if (summary.errorCount > summary.errors.length)
    lines.push(`  ... and ${summary.errorCount - summary.errors.length} more`);
  return lines.join('\n');
}

/** A customer named by Aisle id, the merchant's id, or email (any case). */
export async function resolveCustomer(services: AppServices, reference: string): Promise<Customer> {
  const customer = await services.customers.find(reference.trim());
  if (customer === null) throw new NotFoundError('customer (id, email or merchant id)', reference);
  return customer;
}

function formatAddress(address: CustomerAddress): string {
  const defaults = [
    address.defaultShipping && 'default shipping',
    address.defaultBilling && 'default billing',
  ]
    .filter(Boolean)
    .join(', ');
  const place = [
    address.line1,
    address.line2,
    address.city,
    address.region,
    address.postalCode,
    address.country,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(', ');
  return `  ${address.label ?? 'address'}: ${address.name}, ${place}${defaults ? ` (${defaults})` : ''}`;
}

async function customerProfile(services: AppServices, customer: Customer) {
  const currency = services.config.currency;
  const [giftCards, storeCredit, orders] = await Promise.all([
    services.customers.giftCards(customer.id),
    services.customers.storeCreditBalance(customer.id, currency),
    services.orders.listByCustomer(customer.id, { limit: RECENT_ORDERS }),
  ]);
  // Saved methods are shown by label: the provider's token is for charging, not for reading.
  const paymentMethods = customer.paymentMethods.map(({ token: _token, ...method }) => method);
  return { customer: { ...customer, paymentMethods }, giftCards, storeCredit, recentOrders: orders.items };
}

function printProfile(profile: Awaited<ReturnType<typeof customerProfile>>): void {
  const { customer, giftCards, storeCredit, recentOrders } = profile;
  console.log(
    `${customer.name}  (${customer.id}${customer.externalId ? `, merchant id ${customer.externalId}` : ''})`,
  );
  console.log(`email: ${customer.email ?? '—'}   phone: ${customer.phone ?? '—'}`);
  console.log(
    `tier: ${customer.tier ?? '—'}   segment: ${customer.segment ?? '—'}   tags: ${customer.tags.join(', ') || '—'}   ` +
      `locale: ${customer.locale ?? '—'}   marketing: ${customer.marketingConsent ? 'yes' : 'no'}`,
  );
  console.log(`customer since ${formatInstant(customer.createdAt)}`);
  console.log(`addresses (${customer.addresses.length}):`);
  for (const address of customer.addresses) console.log(formatAddress(address));
  console.log(`saved payment methods (${customer.paymentMethods.length}):`);
  for (const method of customer.paymentMethods) {
    console.log(`  ${method.label}${method.isDefault ? ' (default)' : ''}`);
  }
  console.log(`gift cards (${giftCards.length}):`);
  for (const card of giftCards) {
    const expiry = card.expiresAt === null ? '' : `, expires ${formatInstant(card.expiresAt)}`;
    console.log(`  ${card.label}: ${formatMoney(card.balance)}${expiry}`);
  }
  console.log(`store credit: ${formatMoney(storeCredit)}`);
  console.log(`recent orders (${recentOrders.length}):`);
  for (const order of recentOrders) {
    console.log(
      `  ${order.number.padEnd(10)} ${order.status.padEnd(18)} ${formatMoney(order.totals.total).padStart(12)}  ${formatInstant(order.placedAt)}`,
    );
  }
}

export function registerCustomersCommand(program: Command): void {
  const customers = program.command('customers').description('import and look up customers');

  customers
    .command('import')
    .description('import customers and their past orders from NDJSON (docs/customer-import.md)')
    .argument('<file>', 'path of the NDJSON file')
    .option('--strict', 'import nothing when any record is bad')
    .option('--json', 'print the summary as JSON')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action(async (file: string, options: { strict?: boolean; json?: boolean; db?: string }) => {
      assertFile(file);
      const summary = await withServices(
        (services) =>
          services.customers.importCustomers(createReadStream(file), { strict: options.strict ?? false }),
        databaseOption(options),
      );
      if (options.json) printJson(summary);
      else console.log(formatCustomerImport(summary));
      if (summary.rejected || summary.errorCount > 0) process.exitCode = 2;
    });

  customers
    .command('show')
    .description('a customer: profile, addresses, saved methods, gift cards, store credit, recent orders')
    .argument('<customer>', 'Aisle id, email, or the merchant’s customer id')
    .option('--json', 'print JSON')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action((reference: string, options: { json?: boolean; db?: string }) =>
      withServices(async (services) => {
        const profile = await customerProfile(services, await resolveCustomer(services, reference));
        if (options.json) printJson(profile);
        else printProfile(profile);
      }, databaseOption(options)),
    );
}
