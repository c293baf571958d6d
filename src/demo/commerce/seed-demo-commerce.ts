/**
 * Fills the demo store with what a shop has after a few weeks of trading: the sample promotions
 * and policies, shoppers with saved cards and balances, and orders in every state, placed
 * through the real cart and checkout. Seeding again creates nothing: customers are found by
 * email, and each planned order is recognised among its customer's orders by what it bought.
 *
 * Orders are placed at the services' clock ("now"): checkout stamps the time itself and the
 * order service has no way to back-date, so the history is a single day deep.
 */
import { type Logger, type Money, NotFoundError } from '../../core/index.js';
import type { Order, OrderStatus } from '../../orders/index.js';
import type { SeedSampleResult } from '../../promotions/index.js';
import type { AppServices } from '../../server/index.js';
import { advanceDemoOrder, onPathTo } from './advance-demo-order.js';
import { DEMO_CUSTOMERS } from './demo-customers.js';
import { DEMO_ORDERS, type DemoOrder } from './demo-orders.js';
import { seedDemoPromotions } from './demo-promotions.js';
import { type VariantFinder, variantFinder } from './demo-variants.js';
import { placeDemoOrder } from './place-demo-order.js';
import { type DemoCustomersResult, seedDemoCustomers } from './seed-customers.js';

export type DemoCommerceServices = Pick<
  AppServices,
  'catalog' | 'inventory' | 'promotions' | 'customers' | 'cart' | 'orders' | 'payments' | 'clock'
>;

export interface DemoCommerceOptions {
  readonly log?: Logger;
}

export interface DemoOrderSummary {
  readonly key: string;
  readonly number: string;
  readonly email: string;
  readonly status: OrderStatus;
  readonly total: Money;
}

export interface DemoCommerceSummary {
  readonly promotions: SeedSampleResult;
  readonly customers: {
    readonly created: number;
    readonly kept: number;
    readonly people: readonly {
      readonly email: string;
      readonly name: string;
      readonly otherName: string;
      readonly postalCode: string;
      readonly tier: string | null;
    }[];
  };
  /** The codes are shown here only: nothing else prints them. */
  readonly giftCards: DemoCustomersResult['giftCards'];
  readonly storeCredit: DemoCustomersResult['storeCredit'];
  readonly orders: {
    readonly created: number;
    readonly kept: number;
    /** Order state changes made by this run (fulfilment, cancel, return, exchange). */
    readonly steps: number;
    readonly byStatus: Readonly<Partial<Record<OrderStatus, number>>>;
    readonly list: readonly DemoOrderSummary[];
  };
  /** Everything this run added: customers, balances, promotions, policies, orders and order steps. */
  readonly changes: number;
}

/** What an order bought, as the plan says it: variants and units of the lines first sold. */
function signature(lines: readonly { variantId: string; quantity: number }[]): string {
  return lines
    .map((line) => `${line.variantId}×${line.quantity}`)
    .sort()
    .join(' ');
}

async function planSignature(plan: DemoOrder, findVariant: VariantFinder): Promise<string> {
  const lines = await Promise.all(
    plan.lines.map(async (line) => ({ variantId: (await findVariant(line)).id, quantity: line.quantity })),
  );
  return signature(lines);
}

function orderSignature(order: Order): string {
  return signature(
    order.lines
      .filter((line) => line.replaces === null)
      .map((line) => ({ variantId: line.variantId, quantity: line.quantities.ordered })),
  );
}

export async function seedDemoCommerce(
  services: DemoCommerceServices,
  options: DemoCommerceOptions = {},
): Promise<DemoCommerceSummary> {
  const { catalog, promotions, customers, cart, orders, payments } = services;
  const promotionResult = await seedDemoPromotions(promotions);
  const seeded = await seedDemoCustomers(customers, payments.storeCredit);
  const findVariant = variantFinder(catalog);

  const existingByCustomer = new Map<string, Order[]>();
  const existing = async (customerId: string) => {
    let list = existingByCustomer.get(customerId);
    if (list === undefined) {
      // Oldest first: the seeded order came before anything a shopper bought since.
      list = (await orders.listByCustomer(customerId, { limit: 100 })).items.sort(
        (a, b) => a.placedAt - b.placedAt || a.number.localeCompare(b.number),
      );
      existingByCustomer.set(customerId, list);
    }
    return list;
  };

  let created = 0;
  let steps = 0;
  const list: DemoOrderSummary[] = [];
  for (const plan of DEMO_ORDERS) {
    const customer = seeded.byEmail.get(plan.email);
    if (customer === undefined) throw new NotFoundError('demo customer', plan.email, 'demo_customer_missing');
    const wanted = await planSignature(plan, findVariant);
    const candidates = await existing(customer.id);
    const index = candidates.findIndex((order) => orderSignature(order) === wanted);
    let order: Order;
    if (index >= 0) {
      // Claimed, so two planned orders never settle on the same one.
      order = candidates.splice(index, 1)[0] as Order;
    } else {
      order = await orders.get((await placeDemoOrder(cart, findVariant, customer, plan)).id);
      created += 1;
    }
    if (onPathTo(order, plan.status)) {
      const advanced = await advanceDemoOrder(orders, findVariant, order, plan);
      order = advanced.order;
      steps += advanced.steps;
    }
    list.push({
      key: plan.key,
      number: order.number,
      email: plan.email,
      status: order.status,
      total: order.totals.total,
    });
  }

  const byStatus: Partial<Record<OrderStatus, number>> = {};
  for (const order of list) byStatus[order.status] = (byStatus[order.status] ?? 0) + 1;
  const summary: DemoCommerceSummary = {
    promotions: promotionResult,
    customers: {
      created: seeded.created,
      kept: DEMO_CUSTOMERS.length - seeded.created,
      people: DEMO_CUSTOMERS.map((demo) => ({
        email: demo.input.email,
        name: demo.name,
        otherName: demo.otherName,
        postalCode: demo.input.addresses?.[0]?.postalCode ?? '',
        tier: demo.input.tier ?? null,
      })),
    },
    giftCards: seeded.giftCards,
    storeCredit: seeded.storeCredit,
    orders: { created, kept: DEMO_ORDERS.length - created, steps, byStatus, list },
    changes:
      seeded.created +
      seeded.balancesAdded +
      promotionResult.created.length +
      (promotionResult.policies === 'created' ? 1 : 0) +
      created +
      steps,
  };
  options.log?.info(
    { customers: summary.customers.created, orders: created, steps, changes: summary.changes },
    'demo store commerce seeded',
  );
  return summary;
}
