import type { Command } from 'commander';
import { formatMoney, NotFoundError, ValidationError } from '../../core/index.js';
import type { Order, OrderChangePlan, PlannedRefund } from '../../orders/index.js';
import type { AppServices } from '../../server/index.js';
import { withServices } from '../context.js';
import { databaseOption, formatInstant, printJson } from './command-output.js';
import { resolveCustomer } from './customers.js';

const FULFILMENT_STATUSES = ['processed', 'shipped', 'delivered'] as const;
type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];
/** Staff at the terminal act as the merchant. */
const ACTOR = 'admin';

/** An order named by its number (with or without a leading #) or its id. */
async function resolveOrder(services: AppServices, reference: string): Promise<Order> {
  const key = reference.trim();
  const order =
    (await services.orders.find(key)) ??
    (key.startsWith('#') ? await services.orders.find(key.slice(1)) : null);
  if (order === null) throw new NotFoundError('order (number or id)', reference);
  return order;
}

async function promotionNames(services: AppServices, order: Order): Promise<Map<string, string>> {
  if (order.promotions.length === 0) return new Map();
  const all = await services.promotions.list();
  return new Map(all.map((promotion) => [promotion.id, promotion.name]));
}

function lineState(quantities: Order['lines'][number]['quantities']): string {
  const parts = (
    ['cancelled', 'fulfilled', 'delivered', 'returned', 'exchanged', 'requested'] as const
  ).flatMap((stage) => (quantities[stage] > 0 ? [`${quantities[stage]} ${stage}`] : []));
  return parts.length === 0 ? '' : `  [${parts.join(', ')}]`;
}

function printOrder(order: Order, names: ReadonlyMap<string, string>): void {
  console.log(`order ${order.number}  (${order.id})  ${order.status}`);
  console.log(`placed ${formatInstant(order.placedAt)} by ${order.email} via ${order.channel}`);
  if (order.shippingAddress) {
    const address = order.shippingAddress;
    const place = [address.line1, address.line2, address.city, address.postalCode, address.country];
    console.log(`ship to: ${address.name}, ${place.filter(Boolean).join(', ')}`);
  }
  console.log('lines:');
  for (const line of order.lines) {
    const options = line.optionValues.length > 0 ? ` (${line.optionValues.join(' / ')})` : '';
    console.log(
      `  ${String(line.quantities.ordered).padStart(3)} × ${line.title}${options}  ${line.sku ?? line.variantId}  ` +
        `at ${formatMoney(line.unitPrice)} = ${formatMoney(line.total)}${lineState(line.quantities)}`,
    );
    for (const discount of line.discounts) {
      console.log(
        `        − ${formatMoney(discount.amount)} ${names.get(discount.promotionId) ?? discount.promotionId}`,
      );
    }
  }
  const { totals } = order;
  console.log(`subtotal ${formatMoney(totals.subtotal)}`);
  if (totals.discount.amount > 0) console.log(`discount −${formatMoney(totals.discount)}`);
  console.log(`shipping ${formatMoney(totals.shipping)} (${order.shipping.label})`);
  console.log(`tax      ${formatMoney(totals.tax)}${order.taxIncluded ? ' (included)' : ''}`);
  console.log(`total    ${formatMoney(totals.total)}`);
  for (const promotion of order.promotions) {
    console.log(
      `promotion: ${names.get(promotion.promotionId) ?? promotion.promotionId} v${promotion.version} −${formatMoney(promotion.amount)}`,
    );
  }
  const { fulfilment } = order;
  if (fulfilment.processedAt !== null || fulfilment.carrier !== null) {
    console.log(
      `fulfilment: processed ${formatInstant(fulfilment.processedAt)}, shipped ${formatInstant(fulfilment.shippedAt)}` +
        `${fulfilment.carrier ? ` with ${fulfilment.carrier} ${fulfilment.trackingNumber ?? ''}` : ''}, delivered ${formatInstant(fulfilment.deliveredAt)}`,
    );
  }
  console.log('payments and refunds:');
  for (const transaction of order.transactions) {
    const refunded =
      transaction.type === 'payment' && transaction.refunded.amount > 0
        ? `, ${formatMoney(transaction.refunded)} refunded`
        : '';
    console.log(
      `  ${transaction.type.padEnd(7)} ${formatMoney(transaction.amount).padStart(12)}  ${transaction.label}  ${transaction.status}${refunded}`,
    );
  }
  for (const request of order.requests) {
    const units = request.lines.reduce((sum, line) => sum + line.quantity, 0);
    console.log(
      `${request.kind} ${request.id}: ${request.status}, ${units} units, refund ${formatMoney(request.refund)} to ${request.refundDestination}` +
        `${request.reason ? ` (${request.reason})` : ''}`,
    );
  }
  console.log('timeline:');
  for (const event of order.timeline) {
    console.log(
      `  ${formatInstant(event.createdAt)}  ${event.type} by ${event.actor}${event.reason ? `: ${event.reason}` : ''}`,
    );
  }
}

const REFUND_KINDS: Record<PlannedRefund['kind'], string> = {
  refund: 'refund',
  void: 'void the authorization of',
  release: 'release from the authorization',
};

function describeRefund(refund: PlannedRefund): string {
  const where = refund.destination === 'original' ? refund.label : refund.destination.replace('_', ' ');
  return `${REFUND_KINDS[refund.kind]} ${formatMoney(refund.amount)} to ${where}`;
}

function printPlan(plan: OrderChangePlan, number: string): void {
  console.log(`cancelling order ${number} will:`);
  if (plan.refunds.length === 0) console.log('  refund nothing (nothing was paid)');
  for (const refund of plan.refunds) console.log(`  ${describeRefund(refund)}`);
  console.log(`  refund total: ${formatMoney(plan.refundTotal)}`);
  const restocked = plan.stock.reduce((sum, move) => sum + (move.type === 'restock' ? move.quantity : 0), 0);
  if (restocked > 0) console.log(`  put ${restocked} units back in stock`);
  if (plan.stock.some((move) => move.type === 'release')) console.log('  release the stock held for it');
  console.log(`  order status afterwards: ${plan.order.status}`);
}

export function registerOrdersCommand(program: Command): void {
  const orders = program.command('orders').description('look up, fulfil and cancel orders');

  orders
    .command('show')
    .description('an order: lines, totals, payments and refunds, timeline')
    .argument('<order>', 'order number or id')
    .option('--json', 'print JSON')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action((reference: string, options: { json?: boolean; db?: string }) =>
      withServices(async (services) => {
        const order = await resolveOrder(services, reference);
        if (options.json) printJson(order);
        else printOrder(order, await promotionNames(services, order));
      }, databaseOption(options)),
    );

  orders
    .command('list')
    .description("a customer's orders, newest first")
    .requiredOption('--customer <customer>', 'Aisle id, email, or the merchant’s customer id')
    .option('--limit <n>', 'at most this many (1–100)', '20')
    .option('--json', 'print JSON')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action((options: { customer: string; limit: string; json?: boolean; db?: string }) =>
      withServices(async (services) => {
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100)
          throw new ValidationError(`--limit must be a whole number from 1 to 100, got "${options.limit}"`);
        const customer = await resolveCustomer(services, options.customer);
        const { items } = await services.orders.listByCustomer(customer.id, { limit });
        if (options.json) {
          printJson(items);
          return;
        }
        console.log(`${items.length} orders of ${customer.name} (${customer.email ?? customer.id})`);
        for (const order of items) {
          const units = order.lines.reduce((sum, line) => sum + line.quantities.ordered, 0);
          console.log(
            `${order.number.padEnd(10)} ${order.status.padEnd(18)} ${formatMoney(order.totals.total).padStart(12)}  ` +
              `${String(units).padStart(3)} units  ${formatInstant(order.placedAt)}`,
          );
        }
      }, databaseOption(options)),
    );

  orders
    .command('fulfil')
    .description('record that an order was processed, shipped or delivered')
    .argument('<order>', 'order number or id')
    .requiredOption('--status <status>', FULFILMENT_STATUSES.join(', '))
    .option('--carrier <name>', 'carrier, with --status shipped')
    .option('--tracking <number>', 'tracking number, with --status shipped')
    .option('--json', 'print the order as JSON')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action(
      (
        reference: string,
        options: { status: string; carrier?: string; tracking?: string; json?: boolean; db?: string },
      ) => {
        if (!FULFILMENT_STATUSES.includes(options.status as FulfilmentStatus)) {
          throw new ValidationError(
            `--status must be one of ${FULFILMENT_STATUSES.join(', ')}, got "${options.status}"`,
          );
        }
        const shipment = options.carrier !== undefined || options.tracking !== undefined;
        if (options.status === 'shipped' && (!options.carrier?.trim() || !options.tracking?.trim())) {
          throw new ValidationError('--status shipped needs --carrier and --tracking');
        }
        if (options.status !== 'shipped' && shipment) {
          throw new ValidationError('--carrier and --tracking go with --status shipped only');
        }
        return withServices(async (services) => {
          const order = await resolveOrder(services, reference);
          const changeOptions = { actor: ACTOR };
          const updated =
            options.status === 'processed'
              ? await services.orders.markProcessed(order.id, changeOptions)
              : options.status === 'shipped'
                ? await services.orders.markShipped(
                    order.id,
                    {
                      carrier: options.carrier?.trim() ?? '',
                      trackingNumber: options.tracking?.trim() ?? '',
                    },
                    changeOptions,
                  )
                : await services.orders.markDelivered(order.id, changeOptions);
          if (options.json) printJson(updated);
          else
            console.log(
              `order ${updated.number}: ${order.status} → ${updated.status}` +
                `${updated.fulfilment.carrier ? ` (${updated.fulfilment.carrier} ${updated.fulfilment.trackingNumber ?? ''})` : ''}`,
            );
        }, databaseOption(options));
      },
    );

  orders
    .command('cancel')
    .description('cancel an order that has not shipped: refunds every payment and restocks')
    .argument('<order>', 'order number or id')
    .requiredOption('--reason <text>', 'why, for the timeline')
    .option('--preview', 'print what would be refunded, to which method, and change nothing')
    .option('--json', 'print the plan or result as JSON')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action(
      (reference: string, options: { reason: string; preview?: boolean; json?: boolean; db?: string }) => {
        const reason = options.reason.trim();
        if (reason === '') throw new ValidationError('--reason must not be empty');
        return withServices(async (services) => {
          const order = await resolveOrder(services, reference);
          if (options.preview) {
            const plan = await services.orders.cancel.preview(order.id, { reason }, { actor: ACTOR });
            if (options.json) printJson(plan);
            else printPlan(plan, order.number);
            return;
          }
          const result = await services.orders.cancel.confirm(order.id, { reason }, { actor: ACTOR });
          if (options.json) {
            printJson(result);
            return;
          }
          console.log(`order ${result.order.number} ${result.order.status}`);
          for (const refund of result.plan.refunds) console.log(`  ${describeRefund(refund)}`);
          console.log(`  refunded in total: ${formatMoney(result.plan.refundTotal)}`);
          for (const card of result.issuedGiftCards) {
            console.log(
              `  gift card issued: ${card.code} (${formatMoney(card.amount)}); give it to the shopper, it is not stored`,
            );
          }
        }, databaseOption(options));
      },
    );
}
