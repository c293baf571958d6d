/**
 * The shopper's orders: status, and changes (cancel, modify, return, exchange) that always go
 * through the order service's preview and the shopper's explicit yes. Orders are visible only to
 * the verified shopper they belong to; anyone else's order reads exactly like a missing one.
 */
import { z } from 'zod';
import type { ChargeSource, Order, OrderChangePlan, OrderOperation } from '../../orders/index.js';
import { factsFromOrder } from '../facts/index.js';
import { ToolError } from './errors.js';
import { defineTool, moneyText, requireVerified, type ToolKit } from './tool-kit.js';
import { confirmField, runTwoStep } from './two-step.js';
import type { ToolContext, ToolResult } from './types.js';

const idSchema = z.string().trim().min(1).max(100);
const orderReference = z.string().trim().min(1).max(100).describe('Order number or id');
const reasonSchema = z.string().trim().min(1).max(200).optional();
const refundToSchema = z.enum(['original', 'gift_card', 'store_credit']).optional();
const payWithSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('store_credit') }),
    z.strictObject({ type: z.literal('saved_method'), paymentMethodId: idSchema }),
  ])
  .optional()
  .describe('How to pay a price increase');
const addressSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1).max(100),
  region: z.string().trim().max(100).optional(),
  postalCode: z.string().trim().min(1).max(20),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((c) => c.toUpperCase()),
  phone: z.string().trim().max(30).optional(),
});

const CONFIRM_NOTE =
  'First call returns a preview with a confirmationId. Only after the shopper explicitly agrees, call again with the same arguments and confirm set to that id.';

export function orderTools(kit: ToolKit) {
  const { orders, customers } = kit.services;

  /** The order when it is the verified shopper's; the same not-found otherwise. */
  async function ownOrder(tool: string, context: ToolContext, reference: string): Promise<Order> {
    const customerId = requireVerified(tool, context);
    const order = await orders.find(reference);
    if (order !== null && (await belongsTo(order, customerId))) return order;
    throw new ToolError(tool, 'order_not_found', `no order ${reference} was found for this shopper`);
  }

  async function belongsTo(order: Order, customerId: string): Promise<boolean> {
    if (order.customerId !== null) return order.customerId === customerId;
    const email = (await customers.get(customerId)).email;
    return email !== null && email.toLowerCase() === order.email.toLowerCase();
  }

  async function chargeSource(
    tool: string,
    context: ToolContext,
    payWith: z.output<typeof payWithSchema>,
  ): Promise<ChargeSource | undefined> {
    if (payWith === undefined) return undefined;
    if (payWith.type === 'store_credit') return { type: 'store_credit' };
    const customer = await customers.get(requireVerified(tool, context));
    const method = customer.paymentMethods.find((m) => m.id === payWith.paymentMethodId);
    if (method === undefined) throw new ToolError(tool, 'no_saved_method', 'no such saved payment method');
    return { type: 'card', token: method.token };
  }

  function orderSummary(order: Order, context: ToolContext) {
    return {
      orderId: order.id,
      number: order.number,
      status: order.status,
      total: moneyText(order.totals.total, context),
      lines: order.lines.map((l) => ({
        lineId: l.id,
        title: l.title,
        options: l.optionValues,
        quantity: l.quantities.ordered - l.quantities.cancelled,
        ...(l.quantities.returned > 0 ? { returned: l.quantities.returned } : {}),
      })),
      ...(order.fulfilment.trackingNumber === null
        ? {}
        : { carrier: order.fulfilment.carrier, trackingNumber: order.fulfilment.trackingNumber }),
    };
  }

  /** Exactly what the shopper agrees to: every charge and refund, its method and amount. */
  function planAmounts(plan: OrderChangePlan) {
    const request = openedRequest(plan);
    return {
      request:
        request === undefined
          ? null
          : [request.kind, request.refund, request.charge, request.refundDestination],
      charges: plan.charges.map((c) => [c.method, c.label, c.amount]),
      refunds: plan.refunds.map((r) => [r.destination, r.kind, r.label, r.amount]),
      chargeTotal: plan.chargeTotal,
      refundTotal: plan.refundTotal,
    };
  }

  function describePlan(plan: OrderChangePlan, context: ToolContext) {
    const request = openedRequest(plan);
    return {
      action: plan.action,
      orderNumber: plan.order.number,
      // A return refunds when the parcel arrives; the amount is decided now and shown now.
      ...(request === undefined || request.refund.amount === 0
        ? {}
        : { refundOnReceipt: moneyText(request.refund, context), refundTo: request.refundDestination }),
      ...(plan.chargeTotal.amount === 0
        ? {}
        : {
            charge: moneyText(plan.chargeTotal, context),
            charges: plan.charges.map((c) => ({ method: c.label, amount: moneyText(c.amount, context) })),
          }),
      ...(plan.refundTotal.amount === 0
        ? {}
        : {
            refund: moneyText(plan.refundTotal, context),
            refunds: plan.refunds.map((r) => ({
              to: r.label,
              amount: moneyText(r.amount, context),
              ...(r.kind === 'refund'
                ? {}
                : { how: r.kind === 'void' ? 'authorization dropped' : 'less captured' }),
            })),
          }),
      statusAfter: plan.order.status,
      totalAfter: moneyText(plan.order.totals.total, context),
    };
  }

  /** A consequential order change: preview through the engine, run after the shopper's yes. */
  function orderChange<Input extends { order: string; confirm?: string | undefined }, EngineInput>(
    name: string,
    description: string,
    input: z.ZodType<Input>,
    operation: OrderOperation<EngineInput>,
    toEngine: (input: Input, context: ToolContext) => Promise<EngineInput>,
  ) {
    return defineTool({
      name,
      description: `${description} ${CONFIRM_NOTE}`,
      input,
      consequential: true,
      async run(parsed: Input, context: ToolContext): Promise<ToolResult> {
        const order = await ownOrder(name, context, parsed.order);
        const engineInput = await toEngine(parsed, context);
        return runTwoStep(kit, name, context, parsed, {
          preview: () => operation.preview(order.id, engineInput, { actor: 'assistant' }),
          amounts: planAmounts,
          present: (plan, confirmationId) => {
            const described = describePlan(plan, context);
            return {
              output: { needsConfirmation: true, confirmationId, ...described },
              facts: [factsFromOrder(plan.order)],
              cards: [
                {
                  type: 'confirmation',
                  tool: name,
                  confirmationId,
                  summary: summaryLine(described),
                },
              ],
            };
          },
          async execute(_plan, operationKey) {
            const result = await operation.confirm(order.id, engineInput, {
              actor: 'assistant',
              operationId: operationKey,
            });
            return {
              output: {
                done: true,
                ...describePlan(result.plan, context),
                status: result.order.status,
                ...(result.issuedGiftCards.length === 0
                  ? {}
                  : {
                      giftCardsIssued: result.issuedGiftCards.length,
                      giftCardCodes: 'shown on the order card',
                    }),
              },
              facts: [factsFromOrder(result.order)],
              cards: [
                {
                  type: 'order',
                  orderId: result.order.id,
                  number: result.order.number,
                  status: result.order.status,
                },
              ],
            };
          },
        });
      },
    });
  }

  const orderStatus = defineTool({
    name: 'order_status',
    description:
      "Status, items, total and tracking of one of the verified shopper's orders, or their recent orders when no order is named.",
    input: z.strictObject({ order: orderReference.optional() }),
    consequential: false,
    async run(input, context) {
      if (input.order !== undefined) {
        const order = await ownOrder('order_status', context, input.order);
        return {
          output: orderSummary(order, context),
          facts: [factsFromOrder(order)],
          cards: [{ type: 'order', orderId: order.id, number: order.number, status: order.status }],
        };
      }
      const customerId = requireVerified('order_status', context);
      const { items } = await orders.listByCustomer(customerId, { limit: 5 });
      return {
        output: {
          orders: items.map((o) => ({
            number: o.number,
            status: o.status,
            total: moneyText(o.totals.total, context),
          })),
        },
        facts: items.map(factsFromOrder),
      };
    },
  });

  const cancelOrder = orderChange(
    'cancel_order',
    'Cancel an order that has not shipped; every payment goes back.',
    z.strictObject({ order: orderReference, reason: reasonSchema, confirm: confirmField }),
    orders.cancel,
    async (input) => (input.reason === undefined ? {} : { reason: input.reason }),
  );

  const modifyOrder = orderChange(
    'modify_order',
    'Change an order before it ships: a new shipping address, or swap units for another variant of the same product.',
    z
      .strictObject({
        order: orderReference,
        shippingAddress: addressSchema.optional(),
        swaps: z
          .array(
            z.strictObject({
              lineId: idSchema,
              variantId: idSchema,
              quantity: z.number().int().min(1).max(99).optional(),
            }),
          )
          .max(20)
          .optional(),
        payWith: payWithSchema,
        refundTo: refundToSchema,
        reason: reasonSchema,
        confirm: confirmField,
      })
      .refine((i) => i.shippingAddress !== undefined || (i.swaps !== undefined && i.swaps.length > 0), {
        message: 'give a shippingAddress or swaps',
      }),
    orders.modify,
    async (input, context) => {
      const payWith = await chargeSource('modify_order', context, input.payWith);
      return {
        ...(input.shippingAddress === undefined
          ? {}
          : { shippingAddress: definedOnly(input.shippingAddress) }),
        ...(input.swaps === undefined ? {} : { swaps: input.swaps.map(definedOnly) }),
        ...(payWith === undefined ? {} : { payWith }),
        ...(input.refundTo === undefined ? {} : { refundTo: input.refundTo }),
        ...(input.reason === undefined ? {} : { reason: input.reason }),
      };
    },
  );

  const returnItems = orderChange(
    'return_items',
    'Request a return of delivered units; the refund is issued when the parcel arrives.',
    z.strictObject({
      order: orderReference,
      lines: z
        .array(z.strictObject({ lineId: idSchema, quantity: z.number().int().min(1).max(99) }))
        .min(1)
        .max(20),
      refundTo: refundToSchema,
      reason: reasonSchema,
      confirm: confirmField,
    }),
    orders.requestReturn,
    async (input) => ({
      lines: input.lines,
      ...(input.refundTo === undefined ? {} : { refundTo: input.refundTo }),
      ...(input.reason === undefined ? {} : { reason: input.reason }),
    }),
  );

  const exchangeItems = orderChange(
    'exchange_items',
    'Exchange delivered units for another variant (size, colour) of the same product.',
    z.strictObject({
      order: orderReference,
      lines: z
        .array(
          z.strictObject({
            lineId: idSchema,
            quantity: z.number().int().min(1).max(99),
            variantId: idSchema,
          }),
        )
        .min(1)
        .max(20),
      payWith: payWithSchema,
      refundTo: refundToSchema,
      reason: reasonSchema,
      confirm: confirmField,
    }),
    orders.requestExchange,
    async (input, context) => {
      const payWith = await chargeSource('exchange_items', context, input.payWith);
      return {
        lines: input.lines,
        ...(payWith === undefined ? {} : { payWith }),
        ...(input.refundTo === undefined ? {} : { refundTo: input.refundTo }),
        ...(input.reason === undefined ? {} : { reason: input.reason }),
      };
    },
  );

  return [orderStatus, cancelOrder, modifyOrder, returnItems, exchangeItems];
}

function openedRequest(plan: OrderChangePlan) {
  return plan.requestId === null ? undefined : plan.order.requests.find((r) => r.id === plan.requestId);
}

/** Optional fields the model left out stay absent, as the order engine's types expect. */
function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

function summaryLine(described: {
  action: string;
  orderNumber: string;
  charge?: string;
  refund?: string;
}): string {
  const money = [
    described.charge === undefined ? null : `charge ${described.charge}`,
    described.refund === undefined ? null : `refund ${described.refund}`,
  ].filter((part) => part !== null);
  return `${described.action} order ${described.orderNumber}${money.length === 0 ? '' : `: ${money.join(', ')}`}`;
}
