/**
 * Order routes. A shopper reads and changes their own order by giving the email it was placed
 * with; the merchant does the same with the admin key, and also moves orders through fulfilment
 * and settles returns and exchanges. Every change can be previewed (`?preview=true`): the plan
 * says what would be charged and refunded to which method and what happens to stock, and nothing
 * changes until the same request is sent without the flag.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../core/index.js';
import {
  type ChangeOptions,
  type ChangeResult,
  ORDER_STATUSES,
  type Order,
  OrderConflictError,
  type OrderOperation,
  type OrderService,
  type OrderStatus,
} from '../../orders/index.js';
import { containsCardNumber } from '../../payments/index.js';
import type { AdminGuard, App } from '../app.js';
import { booleanParam, errorResponses, moneySchema, postalAddressSchema } from '../schemas.js';

const iso = (epochMs: number) => new Date(epochMs).toISOString();
const isoOrNull = (epochMs: number | null) => (epochMs === null ? null : iso(epochMs));

const text = (max: number) => z.string().trim().min(1).max(max);

const paymentToken = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((value) => !containsCardNumber(value), 'looks like a card number; send a payment-method token');

/** How a price increase is paid. Store credit is the order's customer's own. */
const payWithSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('card'), token: paymentToken }),
  z.object({ type: z.literal('gift_card'), code: text(100) }),
  z.object({ type: z.literal('store_credit') }),
]);

const refundToSchema = z.enum(['original', 'gift_card', 'store_credit']);
const quantity = z.number().int().min(1).max(10_000);
const lineId = text(100);
const variantId = text(100);

/** Checked against the merchant's policy reasons by the service (400 reason_not_allowed). */
const reasonSchema = text(100);
const emailSchema = z.string().trim().min(1).max(320);

const accessFields = { email: emailSchema.optional().describe('the email the order was placed with') };

// Nullable: a cancel may come with no body at all (Fastify hands the validator null), the email in the query.
const cancelBody = z.object({ ...accessFields, reason: reasonSchema.optional() }).nullable();

const modifyBody = z.object({
  ...accessFields,
  reason: reasonSchema.optional(),
  swaps: z
    .array(
      z.object({ lineId, variantId, quantity: quantity.optional().describe('default: every open unit') }),
    )
    .max(100)
    .optional(),
  shippingAddress: postalAddressSchema.optional(),
  paymentToken: paymentToken.optional().describe('a new card token to pay with instead of the current card'),
  payWith: payWithSchema.optional(),
  refundTo: refundToSchema.optional(),
});

const returnBody = z.object({
  ...accessFields,
  reason: reasonSchema.optional(),
  lines: z.array(z.object({ lineId, quantity })).min(1).max(100),
  refundTo: refundToSchema.optional(),
});

const exchangeBody = z.object({
  ...accessFields,
  reason: reasonSchema.optional(),
  lines: z.array(z.object({ lineId, quantity, variantId })).min(1).max(100),
  payWith: payWithSchema.optional(),
  refundTo: refundToSchema.optional(),
});

const fulfilmentBody = z.discriminatedUnion('status', [
  z.object({ status: z.literal('processed') }),
  z.object({ status: z.literal('shipped'), carrier: text(100), trackingNumber: text(200) }),
  z.object({
    status: z.literal('delivered'),
    carrier: text(100).optional(),
    trackingNumber: text(200).optional(),
  }),
]);

const orderParams = z.object({ id: text(100).describe('order id or order number') });
const accessQuery = z.object({ email: emailSchema.optional() });
const changeQuery = accessQuery.extend({ preview: booleanParam.optional() });
// Loose: the admin guard reads Authorization from the same headers.
const changeHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'an idempotency key is 1 to 200 visible ASCII characters')
    .optional(),
});

const addressView = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  region: z.string().optional(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().optional(),
});

const quantitiesView = z.object({
  ordered: z.number(),
  cancelled: z.number(),
  fulfilled: z.number(),
  delivered: z.number(),
  returned: z.number(),
  exchanged: z.number(),
  requested: z.number().describe('units in an open return or exchange'),
});

const lineView = z.object({
  id: z.string(),
  variantId: z.string(),
  productId: z.string(),
  sku: z.string().nullable(),
  title: z.string(),
  optionValues: z.array(z.string()),
  quantities: quantitiesView,
  unitPrice: moneySchema,
  discounts: z.array(z.object({ promotionId: z.string(), amount: moneySchema })),
  total: moneySchema.describe('what the ordered units cost after discounts, tax excluded'),
  tax: moneySchema,
  replaces: z.string().nullable().describe('the line this one replaced in a swap or exchange'),
});

const transactionView = z.object({
  id: z.string(),
  type: z.enum(['payment', 'refund', 'void', 'capture']),
  method: z.enum(['card', 'wallet', 'gift_card', 'store_credit']),
  label: z.string(),
  amount: moneySchema,
  refunded: moneySchema.describe('payments: refunded or released so far'),
  status: z.enum(['authorized', 'captured', 'voided', 'pending', 'succeeded', 'failed']),
  tenderId: z.string().nullable().describe('the payment a refund, void or capture acts on'),
  createdAt: z.string(),
  provider: z.string().optional().describe('admin only'),
  reference: z.string().nullable().optional().describe('admin only: the provider or ledger reference'),
});

const requestView = z.object({
  id: z.string(),
  kind: z.enum(['return', 'exchange']),
  status: z.enum(['requested', 'completed']),
  reason: z.string().nullable(),
  lines: z.array(z.object({ lineId: z.string(), quantity: z.number(), variantId: z.string().optional() })),
  refund: moneySchema,
  charge: moneySchema,
  refundTo: refundToSchema,
  createdAt: z.string(),
});

const orderView = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(ORDER_STATUSES),
  email: z.string(),
  customerId: z.string().nullable(),
  channel: z.string(),
  currency: z.string(),
  placedAt: z.string(),
  updatedAt: z.string(),
  lines: z.array(lineView),
  totals: z.object({
    subtotal: moneySchema,
    discount: moneySchema,
    shipping: moneySchema,
    tax: moneySchema,
    total: moneySchema,
  }),
  taxIncluded: z.boolean(),
  shipping: z.object({ optionId: z.string(), label: z.string(), fee: moneySchema, discount: moneySchema }),
  promotions: z.array(z.object({ promotionId: z.string(), amount: moneySchema })),
  shippingAddress: addressView.nullable(),
  billingAddress: addressView.nullable(),
  payments: z.array(transactionView).describe('tenders first, then refunds, voids and captures'),
  requests: z.array(requestView).describe('returns and exchanges'),
  timeline: z.array(
    z.object({
      sequence: z.number(),
      type: z.string(),
      actor: z.string(),
      reason: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
      at: z.string(),
    }),
  ),
  tracking: z.object({
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    processedAt: z.string().nullable(),
    shippedAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  }),
});

const planView = z.object({
  action: z.enum(['cancel', 'modify', 'return', 'exchange', 'receive_return', 'process_exchange']),
  operationId: z.string(),
  requestId: z.string().nullable().describe('the return or exchange this change opens or settles'),
  charges: z.array(
    z.object({ method: transactionView.shape.method, label: z.string(), amount: moneySchema }),
  ),
  refunds: z.array(
    z.object({
      destination: refundToSchema,
      method: transactionView.shape.method,
      label: z.string(),
      amount: moneySchema,
      kind: z.enum(['refund', 'void', 'release']),
    }),
  ),
  chargeTotal: moneySchema,
  refundTotal: moneySchema,
  stock: z.array(
    z.object({
      type: z.enum(['restock', 'release', 'hold', 'commit']),
      variantId: z.string().optional(),
      quantity: z.number().optional(),
      reservationId: z.string().optional(),
    }),
  ),
});

const changeView = z.object({
  preview: z.boolean().describe('true: nothing was changed; `order` is the order as it would be'),
  plan: planView,
  order: orderView,
  issuedGiftCards: z
    .array(z.object({ code: z.string(), amount: moneySchema }))
    .describe('gift cards issued as refunds: their codes are shown here once and never again'),
});

type OrderView = z.infer<typeof orderView>;
type ChangeView = z.infer<typeof changeView>;
type Access = { order: Order; actor: 'customer' | 'admin' };

function toOrderView(order: Order, actor: Access['actor']): OrderView {
  const money = ({ amount, currency }: { amount: number; currency: string }) => ({ amount, currency });
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    email: order.email,
    customerId: order.customerId,
    channel: order.channel,
    currency: order.currency,
    placedAt: iso(order.placedAt),
    updatedAt: iso(order.updatedAt),
    lines: order.lines.map((line) => ({
      id: line.id,
      variantId: line.variantId,
      productId: line.productId,
      sku: line.sku,
      title: line.title,
      optionValues: [...line.optionValues],
      quantities: { ...line.quantities },
      unitPrice: money(line.unitPrice),
      discounts: line.discounts.map((d) => ({ promotionId: d.promotionId, amount: money(d.amount) })),
      total: money(line.total),
      tax: money(line.tax),
      replaces: line.replaces,
    })),
    totals: {
      subtotal: money(order.totals.subtotal),
      discount: money(order.totals.discount),
      shipping: money(order.totals.shipping),
      tax: money(order.totals.tax),
      total: money(order.totals.total),
    },
    taxIncluded: order.taxIncluded,
    shipping: {
      optionId: order.shipping.optionId,
      label: order.shipping.label,
      fee: money(order.shipping.fee),
      discount: money(order.shipping.discount),
    },
    promotions: order.promotions.map((p) => ({ promotionId: p.promotionId, amount: money(p.amount) })),
    shippingAddress: order.shippingAddress === null ? null : { ...order.shippingAddress },
    billingAddress: order.billingAddress === null ? null : { ...order.billingAddress },
    payments: order.transactions.map((t) => ({
      id: t.id,
      type: t.type,
      method: t.method,
      label: t.label,
      amount: money(t.amount),
      refunded: money(t.refunded),
      status: t.status,
      tenderId: t.tenderId,
      createdAt: iso(t.createdAt),
      ...(actor === 'admin' && { provider: t.provider, reference: t.reference }),
    })),
    requests: order.requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      reason: r.reason,
      lines: r.lines.map((l) => ({ ...l })),
      refund: money(r.refund),
      charge: money(r.charge),
      refundTo: r.refundDestination,
      createdAt: iso(r.createdAt),
    })),
    timeline: order.timeline.map((event) => ({
      sequence: event.sequence,
      type: event.type,
      actor: event.actor,
      reason: event.reason,
      data: { ...event.data },
      at: iso(event.createdAt),
    })),
    tracking: {
      carrier: order.fulfilment.carrier,
      trackingNumber: order.fulfilment.trackingNumber,
      processedAt: isoOrNull(order.fulfilment.processedAt),
      shippedAt: isoOrNull(order.fulfilment.shippedAt),
      deliveredAt: isoOrNull(order.fulfilment.deliveredAt),
    },
  };
}

function toChangeView(result: ChangeResult, preview: boolean, actor: Access['actor']): ChangeView {
  const { plan } = result;
  return {
    preview,
    plan: {
      action: plan.action,
      operationId: plan.operationId,
      requestId: plan.requestId,
      charges: plan.charges.map(({ method, label, amount }) => ({ method, label, amount })),
      refunds: plan.refunds.map(({ destination, method, label, amount, kind }) => ({
        destination,
        method,
        label,
        amount,
        kind,
      })),
      chargeTotal: plan.chargeTotal,
      refundTotal: plan.refundTotal,
      stock: plan.stock.map((move) => ({ ...move })),
    },
    order: toOrderView(result.order, actor),
    issuedGiftCards: result.issuedGiftCards.map((card) => ({ code: card.code, amount: card.amount })),
  };
}

/** Orders carry personal data and, after some refunds, gift card codes: no cache may keep them. */
async function noStore(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  reply.header('cache-control', 'no-store');
  return payload;
}

/**
 * The Idempotency-Key becomes the operation id, prefixed with the action: payment keys are made
 * of the order, the operation and the tender, so a key a client reused for another kind of change
 * must not look like a retry of the first and silently move no money.
 */
function changeOptions(actor: Access['actor'], action: string, key: string | undefined): ChangeOptions {
  return { actor, ...(key !== undefined && { operationId: `${action}:${key}` }) };
}

const FULFILMENT_STEPS: readonly OrderStatus[] = ['pending', 'processed', 'shipped', 'delivered'];

export function registerOrderRoutes(app: App, orders: OrderService, requireAdmin: AdminGuard): void {
  const tags = ['orders'];
  const adminTags = ['orders', 'admin'];
  const adminDoc = { security: [{ admin: [] }] };
  const admin = { onRequest: requireAdmin, onSend: noStore };
  const shopper = { onSend: noStore };

  async function find(idOrNumber: string): Promise<Order> {
    const order = await orders.find(idOrNumber);
    if (order === null) throw new NotFoundError('order', idOrNumber, 'order_not_found');
    return order;
  }

  /**
   * The shopper's email or the admin key. A wrong email answers exactly as a missing order does,
   * so the route cannot be used to learn which order numbers exist.
   */
  async function access(
    request: FastifyRequest,
    idOrNumber: string,
    email: string | undefined,
  ): Promise<Access> {
    if (email === undefined) {
      if (request.headers.authorization === undefined) {
        throw new UnauthorizedError('give the email the order was placed with, or the admin key');
      }
      await requireAdmin(request);
      return { order: await find(idOrNumber), actor: 'admin' };
    }
    const order = await orders.find(idOrNumber);
    if (order === null || order.email.toLowerCase() !== email.toLowerCase()) {
      throw new NotFoundError('order', idOrNumber, 'order_not_found');
    }
    return { order, actor: 'customer' };
  }

  /** Registers a previewable change: the same body previews with `?preview=true` and confirms without. */
  function changeRoute<Body extends { email?: string | undefined }, Input>(
    action: string,
    path: string,
    summary: string,
    body: z.ZodType<Body | null>,
    operation: OrderOperation<Input>,
    toInput: (body: Body) => Input,
  ): void {
    app.post(
      path,
      {
        ...shopper,
        schema: {
          tags,
          summary,
          description:
            'Give `email` (body or query) or the admin key. `?preview=true` returns the plan and the order as it would be, changing nothing. An `Idempotency-Key` header makes a retried confirm safe: it never charges or refunds twice (a retry after the change went through answers 409; read the order to see it).',
          params: orderParams,
          querystring: changeQuery,
          headers: changeHeaders,
          body,
          response: { 200: changeView, ...errorResponses },
        },
      },
      async (request) => {
        const { params, query, headers } = request;
        const requestBody = (request.body ?? {}) as Body;
        const { order, actor } = await access(request, params.id, requestBody.email ?? query.email);
        const options = changeOptions(actor, action, headers['idempotency-key']);
        const input = toInput(requestBody);
        if (query.preview === true) {
          const plan = await operation.preview(order.id, input, options);
          return toChangeView({ plan, order: plan.order, issuedGiftCards: [] }, true, actor);
        }
        return toChangeView(await operation.confirm(order.id, input, options), false, actor);
      },
    );
  }

  app.get(
    '/v1/orders/:id',
    {
      ...shopper,
      schema: {
        tags,
        summary: 'An order as sold: lines, totals, payments and refunds, returns, timeline and tracking',
        description:
          'By id or order number. A shopper gives `?email=` (the order’s email, any case); the merchant sends the admin key. A wrong email answers 404, like a missing order.',
        params: orderParams,
        querystring: accessQuery,
        response: { 200: orderView, ...errorResponses },
      },
    },
    async (request) => {
      const { order, actor } = await access(request, request.params.id, request.query.email);
      return toOrderView(order, actor);
    },
  );

  changeRoute(
    'cancel',
    '/v1/orders/:id/cancel',
    'Cancel an order that has not shipped: every payment goes back, stock is restored',
    cancelBody,
    orders.cancel,
    (body) => ({ ...(body.reason !== undefined && { reason: body.reason }) }),
  );

  changeRoute(
    'modify',
    '/v1/orders/:id/modify',
    'Before shipping: swap sizes or colours, change the shipping address, or pay with another card',
    modifyBody,
    orders.modify,
    (body) => ({
      ...(body.reason !== undefined && { reason: body.reason }),
      ...(body.swaps !== undefined && {
        swaps: body.swaps.map((swap) => ({
          lineId: swap.lineId,
          variantId: swap.variantId,
          ...(swap.quantity !== undefined && { quantity: swap.quantity }),
        })),
      }),
      ...(body.shippingAddress !== undefined && { shippingAddress: withoutUndefined(body.shippingAddress) }),
      ...(body.paymentToken !== undefined && { paymentToken: body.paymentToken }),
      ...(body.payWith !== undefined && { payWith: body.payWith }),
      ...(body.refundTo !== undefined && { refundTo: body.refundTo }),
    }),
  );

  changeRoute(
    'return',
    '/v1/orders/:id/return',
    'Ask to return delivered units; the refund is issued when the merchant receives them',
    returnBody,
    orders.requestReturn,
    (body) => ({
      lines: body.lines,
      ...(body.reason !== undefined && { reason: body.reason }),
      ...(body.refundTo !== undefined && { refundTo: body.refundTo }),
    }),
  );

  changeRoute(
    'exchange',
    '/v1/orders/:id/exchange',
    'Exchange delivered units for another variant of the same product; a price increase is paid now',
    exchangeBody,
    orders.requestExchange,
    (body) => ({
      lines: body.lines,
      ...(body.reason !== undefined && { reason: body.reason }),
      ...(body.payWith !== undefined && { payWith: body.payWith }),
      ...(body.refundTo !== undefined && { refundTo: body.refundTo }),
    }),
  );

  app.post(
    '/v1/orders/:id/fulfilment',
    {
      ...admin,
      schema: {
        tags: adminTags,
        summary: 'Mark an order processed, shipped (with carrier and tracking number) or delivered',
        description:
          'Steps skipped on the way are taken in order (pending → shipped marks it processed first); shipping captures the card authorizations. Going back answers 409 fulfilment_out_of_order.',
        ...adminDoc,
        params: orderParams,
        headers: changeHeaders,
        body: fulfilmentBody,
        response: { 200: orderView, ...errorResponses },
      },
    },
    async (request) => {
      const order = await find(request.params.id);
      const { body } = request;
      const options = changeOptions('admin', 'fulfilment', request.headers['idempotency-key']);
      const from = FULFILMENT_STEPS.indexOf(order.status);
      const to = FULFILMENT_STEPS.indexOf(body.status);
      if (from < 0 || from >= to) {
        throw new OrderConflictError(
          'fulfilment_out_of_order',
          `an order that is ${order.status} cannot become ${body.status}`,
          { status: order.status, requested: body.status },
        );
      }
      const steps = FULFILMENT_STEPS.slice(from + 1, to + 1);
      const shipment =
        body.status === 'processed' || body.carrier === undefined || body.trackingNumber === undefined
          ? null
          : { carrier: body.carrier, trackingNumber: body.trackingNumber };
      if (steps.includes('shipped') && shipment === null) {
        // Checked before any step runs, so a refused request leaves the order as it was.
        throw new ValidationError('shipping an order needs carrier and trackingNumber', {
          status: order.status,
        });
      }
      let current = order;
      for (const step of steps) {
        if (step === 'processed') current = await orders.markProcessed(order.id, options);
        if (step === 'shipped' && shipment !== null)
          current = await orders.markShipped(order.id, shipment, options);
        if (step === 'delivered') current = await orders.markDelivered(order.id, options);
      }
      return toOrderView(current, 'admin');
    },
  );

  app.post(
    '/v1/orders/:id/returns/:returnId/receive',
    {
      ...admin,
      schema: {
        tags: adminTags,
        summary: 'Receive returned units: they go back to stock and the planned refund is issued',
        ...adminDoc,
        params: orderParams.extend({ returnId: text(100) }),
        headers: changeHeaders,
        response: { 200: changeView, ...errorResponses },
      },
    },
    async (request) => {
      const order = await find(request.params.id);
      const result = await orders.receiveReturn(
        order.id,
        request.params.returnId,
        changeOptions('admin', 'receive', request.headers['idempotency-key']),
      );
      return toChangeView(result, false, 'admin');
    },
  );

  app.post(
    '/v1/orders/:id/exchanges/:exchangeId/process',
    {
      ...admin,
      schema: {
        tags: adminTags,
        summary:
          'Process an exchange: the replacement ships, the returned units are restocked, a price drop is refunded',
        ...adminDoc,
        params: orderParams.extend({ exchangeId: text(100) }),
        headers: changeHeaders,
        response: { 200: changeView, ...errorResponses },
      },
    },
    async (request) => {
      const order = await find(request.params.id);
      const result = await orders.processExchange(
        order.id,
        request.params.exchangeId,
        changeOptions('admin', 'process', request.headers['idempotency-key']),
      );
      return toChangeView(result, false, 'admin');
    },
  );

  app.get(
    '/v1/orders',
    {
      ...admin,
      schema: {
        tags: adminTags,
        summary: 'A customer’s orders, newest first, a page at a time',
        ...adminDoc,
        querystring: z.object({
          customerId: text(100),
          limit: z.coerce.number().int().min(1).max(100).optional(),
          cursor: z.string().max(500).optional(),
        }),
        response: {
          200: z.object({ items: z.array(orderView), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { customerId, limit, cursor } = request.query;
      const page = await orders.listByCustomer(customerId, {
        ...(limit !== undefined && { limit }),
        ...(cursor !== undefined && { cursor }),
      });
      return { items: page.items.map((order) => toOrderView(order, 'admin')), nextCursor: page.nextCursor };
    },
  );
}

/** zod leaves absent optional keys out, but exactOptionalPropertyTypes wants that proven. */
function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
