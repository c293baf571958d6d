/**
 * Moves a demo order along its life to the state the plan gives it, through the order
 * service's own operations (fulfilment, cancel, return, exchange). Each step runs only from the
 * state before it, so a rerun finds nothing to do and an order someone has since moved
 * elsewhere is left alone.
 */
import { ConflictError } from '../../core/index.js';
import type { Order, OrderService, OrderStatus } from '../../orders/index.js';
import { DEMO_ACTOR } from '../seed.js';
import type { DemoOrder } from './demo-orders.js';
import type { VariantFinder } from './demo-variants.js';

const DELIVERED: readonly OrderStatus[] = ['pending', 'processed', 'shipped', 'delivered'];

/** The states an order passes through on its way to each state, in order. */
const PATHS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['pending'],
  cancelled: ['pending', 'cancelled'],
  processed: ['pending', 'processed'],
  shipped: ['pending', 'processed', 'shipped'],
  delivered: DELIVERED,
  return_requested: [...DELIVERED, 'return_requested'],
  returned: [...DELIVERED, 'return_requested', 'returned'],
  exchange_requested: [...DELIVERED, 'exchange_requested'],
  exchanged: [...DELIVERED, 'exchange_requested', 'exchanged'],
};

function unexpected(order: Order, message: string): ConflictError {
  return new ConflictError('demo_order_unexpected', `demo order ${order.number}: ${message}`, {
    orderId: order.id,
    status: order.status,
  });
}

function openRequest(order: Order, kind: 'return' | 'exchange'): string {
  const request = order.requests.find(
    (candidate) => candidate.kind === kind && candidate.status === 'requested',
  );
  if (request === undefined) throw unexpected(order, `no open ${kind}`);
  return request.id;
}

/** Whether `order` can still reach `target` by moving forward. */
export function onPathTo(order: Pick<Order, 'status'>, target: OrderStatus): boolean {
  return PATHS[target].includes(order.status);
}

export async function advanceDemoOrder(
  orders: Pick<
    OrderService,
    | 'get'
    | 'markProcessed'
    | 'markShipped'
    | 'markDelivered'
    | 'cancel'
    | 'requestReturn'
    | 'receiveReturn'
    | 'requestExchange'
    | 'processExchange'
  >,
  findVariant: VariantFinder,
  initial: Order,
  plan: DemoOrder,
): Promise<{ order: Order; steps: number }> {
  const path = PATHS[plan.status];
  let order = initial;
  let steps = 0;
  const options = (step: OrderStatus) => ({ actor: DEMO_ACTOR, operationId: `${plan.key}:${step}` });
  const firstLine = async () => {
    const variant = await findVariant(plan.lines[0]);
    const line = order.lines.find(
      (candidate) => candidate.variantId === variant.id && candidate.replaces === null,
    );
    if (line === undefined) throw unexpected(order, `no line for ${plan.lines[0].handle}`);
    return line;
  };

  for (let index = path.indexOf(order.status); index >= 0 && index < path.length - 1; index += 1) {
    const next = path[index + 1] as OrderStatus;
    const change = options(next);
    switch (next) {
      case 'cancelled':
        order = (await orders.cancel.confirm(order.id, { reason: plan.reason ?? 'cancelled' }, change)).order;
        break;
      case 'processed':
        order = await orders.markProcessed(order.id, change);
        break;
      case 'shipped':
        if (plan.shipment === undefined) throw unexpected(order, 'the plan ships it without a shipment');
        order = await orders.markShipped(order.id, plan.shipment, change);
        break;
      case 'delivered':
        order = await orders.markDelivered(order.id, change);
        break;
      case 'return_requested': {
        const line = await firstLine();
        const lines = [{ lineId: line.id, quantity: line.quantities.ordered }];
        const input = { lines, refundTo: 'original' as const, ...(plan.reason && { reason: plan.reason }) };
        order = (await orders.requestReturn.confirm(order.id, input, change)).order;
        break;
      }
      case 'returned':
        order = (await orders.receiveReturn(order.id, openRequest(order, 'return'), change)).order;
        break;
      case 'exchange_requested': {
        const line = await firstLine();
        const variant = await findVariant(plan.replacement ?? plan.lines[0]);
        const lines = [{ lineId: line.id, quantity: line.quantities.ordered, variantId: variant.id }];
        const input = { lines, ...(plan.reason && { reason: plan.reason }) };
        order = (await orders.requestExchange.confirm(order.id, input, change)).order;
        break;
      }
      case 'exchanged':
        order = (await orders.processExchange(order.id, openRequest(order, 'exchange'), change)).order;
        break;
      default:
        throw unexpected(order, `no step leads to ${next}`);
    }
    steps += 1;
  }
  return { order, steps };
}
