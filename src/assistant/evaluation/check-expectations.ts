/**
 * The scenario's expectations on the end state, read from the commerce services themselves (the
 * cart, the orders, the payments), never from what the assistant said about them.
 */
import type { CartView, QuoteLine } from '../../cart/index.js';
import type { Order, OrderLine } from '../../orders/index.js';
import type { AppServices } from '../../server/services.js';
import type { Reply, ShopperState } from '../conversation/types.js';
import type { LineExpectation, ScenarioExpectations, TurnExpectation } from './scenario.js';

interface LineLike {
  readonly titles: readonly string[];
  readonly optionValues: readonly string[];
  readonly quantity: number;
}

function fromQuote(line: QuoteLine): LineLike {
  return { titles: Object.values(line.title), optionValues: line.optionValues, quantity: line.quantity };
}

function fromOrder(line: OrderLine, titles: readonly string[]): LineLike {
  return {
    titles: [line.title, ...titles],
    optionValues: line.optionValues,
    quantity: line.quantities.ordered,
  };
}

function lineMatches(line: LineLike, expected: LineExpectation): boolean {
  const title = expected.title.toLowerCase();
  if (!line.titles.some((candidate) => candidate.toLowerCase().includes(title))) return false;
  if (expected.quantity !== undefined && line.quantity !== expected.quantity) return false;
  const values = line.optionValues.map((value) => value.toLowerCase());
  return (expected.options ?? []).every((option) => values.includes(option.toLowerCase()));
}

function describeLines(lines: readonly LineLike[]): string {
  if (lines.length === 0) return 'no lines';
  return lines
    .map(
      (line) =>
        `${line.quantity} × ${line.titles[0] ?? '?'}${line.optionValues.length > 0 ? ` (${line.optionValues.join(', ')})` : ''}`,
    )
    .join('; ');
}

function checkLines(
  where: string,
  lines: readonly LineLike[],
  expected: readonly LineExpectation[],
  only: boolean,
): string[] {
  const failures: string[] = [];
  for (const line of expected) {
    if (!lines.some((candidate) => lineMatches(candidate, line))) {
      const detail = `${line.quantity ?? 'any'} × "${line.title}"${line.options ? ` (${line.options.join(', ')})` : ''}`;
      failures.push(`${where} has no line ${detail}; it has ${describeLines(lines)}`);
    }
  }
  if (only && lines.length !== expected.length)
    failures.push(`${where} should hold only ${expected.length} line(s); it has ${describeLines(lines)}`);
  return failures;
}

/** Every language's title of each product on the order, so an English expectation matches a Chinese order line. */
async function orderTitles(services: AppServices, order: Order): Promise<Map<string, string[]>> {
  const titles = new Map<string, string[]>();
  for (const line of order.lines) {
    if (titles.has(line.productId)) continue;
    const product = await services.catalog.getProduct(line.productId).catch(() => null);
    titles.set(line.productId, product === null ? [] : Object.values(product.title));
  }
  return titles;
}

function charged(order: Order): number {
  return order.transactions
    .filter(
      (entry) => entry.type === 'payment' && (entry.status === 'authorized' || entry.status === 'captured'),
    )
    .reduce((sum, entry) => sum + entry.amount.amount, 0);
}

export interface EndState {
  readonly services: AppServices;
  readonly state: ShopperState | null;
  /** The session's cart as the cart service has it now (null: the session never made one). */
  readonly cart: CartView | null;
  /** The order the session's cart became, if it did. */
  readonly order: Order | null;
}

export async function checkExpectations(expect: ScenarioExpectations, end: EndState): Promise<string[]> {
  const failures: string[] = [];
  const { services, state, cart, order } = end;

  if (expect.cart !== undefined) {
    const lines = (cart?.quote.lines ?? []).map(fromQuote);
    if (expect.cart.empty === true && lines.length > 0)
      failures.push(`the cart should be empty; it has ${describeLines(lines)}`);
    if (expect.cart.empty === false && lines.length === 0) failures.push('the cart should not be empty');
    failures.push(...checkLines('the cart', lines, expect.cart.lines ?? [], expect.cart.only ?? false));
  }

  if (expect.order !== undefined) {
    if (!expect.order.placed && order !== null)
      failures.push(`no order should be placed; ${order.number} was`);
    if (expect.order.placed && order === null)
      failures.push('an order should be placed from the cart; none was');
    if (expect.order.placed && order !== null) {
      if (expect.order.status !== undefined && order.status !== expect.order.status)
        failures.push(`order ${order.number} should be ${expect.order.status}; it is ${order.status}`);
      const due = expect.order.charged === 'total' ? order.totals.total.amount : expect.order.charged;
      if (due !== undefined && charged(order) !== due)
        failures.push(`order ${order.number} should have charged ${due}; payments took ${charged(order)}`);
      if (expect.order.discount !== undefined && order.totals.discount.amount !== expect.order.discount)
        failures.push(
          `order ${order.number} should be discounted ${expect.order.discount}; it is discounted ${order.totals.discount.amount}`,
        );
      if (expect.order.lines !== undefined) {
        const titles = await orderTitles(services, order);
        const lines = order.lines.map((line) => fromOrder(line, titles.get(line.productId) ?? []));
        failures.push(...checkLines(`order ${order.number}`, lines, expect.order.lines, false));
      }
    }
  }

  for (const expected of expect.orders ?? []) {
    const found = await services.orders.findByNumber(expected.number);
    if (found === null) {
      failures.push(`order ${expected.number} does not exist`);
      continue;
    }
    if (expected.status !== undefined && found.status !== expected.status)
      failures.push(`order ${expected.number} should be ${expected.status}; it is ${found.status}`);
    const refund = found.requests.reduce((sum, request) => sum + request.refund.amount, 0);
    if (expected.refund !== undefined && refund !== expected.refund)
      failures.push(
        `order ${expected.number} should refund ${expected.refund}; its requests refund ${refund}`,
      );
  }

  if (expect.coupon !== undefined) {
    const code = expect.coupon.code.toUpperCase();
    const entered = cart?.quote.coupons.find((coupon) => coupon.code.toUpperCase() === code);
    const applied = entered?.applied === true;
    if (applied !== expect.coupon.applied)
      failures.push(
        `code ${code} should ${expect.coupon.applied ? '' : 'not '}be applied to the cart; it is ${applied ? '' : 'not '}applied`,
      );
  }

  if (expect.session !== undefined && state?.status !== expect.session.status)
    failures.push(
      `the session should be "${expect.session.status}"; it is "${state?.status ?? 'not started'}"`,
    );

  if (expect.shopper !== undefined) {
    const shopper = state?.shopper ?? null;
    if (expect.shopper.identified !== (shopper !== null))
      failures.push(`the shopper should ${expect.shopper.identified ? '' : 'not '}be identified`);
    if (shopper !== null && expect.shopper.email !== undefined) {
      const customer = await services.customers.get(shopper.customerId);
      if (customer.email?.toLowerCase() !== expect.shopper.email.toLowerCase())
        failures.push(`the shopper should be identified as ${expect.shopper.email}`);
    }
  }
  return failures;
}

/**
 * A step's own expectations, met by any reply of its exchange (the assistant may ask which size
 * first, as it should when many products fit): the cards shown and the product named.
 */
export function checkTurn(replies: readonly Reply[], expect: TurnExpectation, turn: number): string[] {
  const failures: string[] = [];
  const cards = replies.flatMap((reply) => reply.cards);
  for (const type of expect.cards ?? []) {
    if (!cards.some((card) => card.type === type))
      failures.push(
        `turn ${turn}: the replies should carry a ${type} card; they carry ${[...new Set(cards.map((c) => c.type))].join(', ') || 'none'}`,
      );
  }
  if (expect.mentionsProduct !== undefined) {
    const wanted = expect.mentionsProduct.toLowerCase();
    const titles = cards.flatMap((card) =>
      card.type === 'products' ? card.items.map((item) => item.title) : [],
    );
    if (
      ![...replies.map((reply) => reply.text), ...titles].some((text) => text.toLowerCase().includes(wanted))
    )
      failures.push(`turn ${turn}: the replies should name a product like "${expect.mentionsProduct}"`);
  }
  return failures;
}
