import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CartService, CartView, PostalAddress } from '../../cart/index.js';
import { UnauthorizedError } from '../../core/index.js';
import type { AdminGuard, App } from '../app.js';
import { errorResponses, errorSchema, postalAddressSchema } from '../schemas.js';

/** What the cart routes need; `AppServices` provides it once it builds a cart service. */
export interface CartRouteServices {
  readonly cart: CartService;
  /** Signing in checks that the customer exists (throws NotFoundError otherwise). */
  readonly customers: { get(id: string): Promise<unknown> };
}

const cartParams = z.object({ id: z.string().min(1).max(100) });
const lineParams = cartParams.extend({ lineId: z.string().min(1).max(100) });
const couponParams = cartParams.extend({ code: z.string().min(1).max(40) });
const tokenHeaders = z.object({ 'x-cart-token': z.string().min(1).max(200).optional() });
const completeHeaders = tokenHeaders.extend({ 'idempotency-key': z.string().min(1).max(200).optional() });

const tenderSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('card'), token: z.string().min(1).max(200) }),
  z.object({ type: z.literal('gift_card'), code: z.string().min(1).max(100) }),
  z.object({ type: z.literal('store_credit'), customerId: z.string().min(1).max(100) }),
]);

// The cart and its quote are plain data built by the service; the schema documents their top level.
const cartViewSchema = z.object({
  cart: z.record(z.string(), z.unknown()),
  quote: z.record(z.string(), z.unknown()),
});
const checkoutSchema = z.record(z.string(), z.unknown());
const cartResponses = { 200: cartViewSchema, ...errorResponses };

type TokenRequest = FastifyRequest<{
  Params: { id: string };
  Headers: { 'x-cart-token'?: string | undefined };
}>;

function toPostalAddress(input: z.infer<typeof postalAddressSchema>): PostalAddress {
  const { line2, region, phone, ...required } = input;
  return {
    ...required,
    ...(line2 !== undefined && { line2 }),
    ...(region !== undefined && { region }),
    ...(phone !== undefined && { phone }),
  };
}

function asJson(view: CartView): z.infer<typeof cartViewSchema> {
  return view as unknown as z.infer<typeof cartViewSchema>;
}

export function registerCartRoutes(app: App, services: CartRouteServices, requireAdmin: AdminGuard): void {
  const { cart } = services;
  const tags = ['carts'];
  /** Only the holder of the cart's token may read or change it. */
  const holder = async (request: FastifyRequest) => {
    const { params, headers } = request as TokenRequest;
    const token = headers['x-cart-token'];
    if (token === undefined || token === '')
      throw new UnauthorizedError('cart routes need the X-Cart-Token header');
    await cart.authenticate(params.id, token);
  };
  const guarded = { preHandler: holder };

  app.post(
    '/v1/carts',
    {
      schema: {
        tags,
        summary: 'Start a cart; keep the token, every other cart route needs it in X-Cart-Token',
        body: z.object({ email: z.string().email().max(200).optional() }).optional(),
        response: {
          201: z.object({ cartId: z.string(), token: z.string() }).passthrough(),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const email = request.body?.email;
      const created = await cart.createCart(email === undefined ? {} : { email });
      reply.code(201);
      return { cartId: created.cartId, token: created.token, ...asJson(created.view) };
    },
  );

  app.get(
    '/v1/carts/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The cart and its quote',
        params: cartParams,
        headers: tokenHeaders,
        response: cartResponses,
      },
    },
    async (request) => asJson(await cart.getCart(request.params.id)),
  );

  app.patch(
    '/v1/carts/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Email and notes',
        params: cartParams,
        headers: tokenHeaders,
        body: z.object({
          email: z.string().email().max(200).nullable().optional(),
          notes: z.string().max(1000).nullable().optional(),
        }),
        response: cartResponses,
      },
    },
    async (request) => {
      const { email, notes } = request.body;
      return asJson(
        await cart.setDetails(request.params.id, {
          ...(email !== undefined && { email }),
          ...(notes !== undefined && { notes }),
        }),
      );
    },
  );

  app.put(
    '/v1/carts/:id/customer',
    {
      onRequest: requireAdmin,
      ...guarded,
      schema: {
        tags: [...tags, 'admin'],
        summary: 'Sign a customer into the cart (the store’s own backend, which knows who is logged in)',
        description:
          'Needs both the admin key and the cart token. A customer’s earlier open cart is merged into this one; the quote then uses their tier and order history.',
        security: [{ admin: [] }],
        params: cartParams,
        headers: tokenHeaders,
        body: z.object({ customerId: z.string().min(1).max(100) }),
        response: cartResponses,
      },
    },
    async (request) => {
      await services.customers.get(request.body.customerId);
      return asJson(await cart.attachCustomer(request.params.id, request.body.customerId));
    },
  );

  app.post(
    '/v1/carts/:id/lines',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Add an item; a line of the same variant grows instead',
        params: cartParams,
        headers: tokenHeaders,
        body: z.object({
          variantId: z.string().min(1).max(100),
          quantity: z.number().int().min(1).max(1000).default(1),
        }),
        response: cartResponses,
      },
    },
    async (request) => asJson(await cart.addLine(request.params.id, request.body)),
  );

  app.patch(
    '/v1/carts/:id/lines/:lineId',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Set a line’s quantity (0 removes it)',
        params: lineParams,
        headers: tokenHeaders,
        body: z.object({ quantity: z.number().int().min(0).max(1000) }),
        response: cartResponses,
      },
    },
    async (request) =>
      asJson(await cart.updateLine(request.params.id, request.params.lineId, request.body.quantity)),
  );

  app.delete(
    '/v1/carts/:id/lines/:lineId',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Remove a line',
        params: lineParams,
        headers: tokenHeaders,
        response: cartResponses,
      },
    },
    async (request) => asJson(await cart.removeLine(request.params.id, request.params.lineId)),
  );

  app.post(
    '/v1/carts/:id/coupons',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Enter a code; the quote says whether it applied and why not',
        params: cartParams,
        headers: tokenHeaders,
        body: z.object({ code: z.string().min(1).max(40) }),
        response: cartResponses,
      },
    },
    async (request) => asJson(await cart.applyCoupon(request.params.id, request.body.code)),
  );

  app.delete(
    '/v1/carts/:id/coupons/:code',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Remove a code',
        params: couponParams,
        headers: tokenHeaders,
        response: cartResponses,
      },
    },
    async (request) => asJson(await cart.removeCoupon(request.params.id, request.params.code)),
  );

  app.put(
    '/v1/carts/:id/shipping',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Shipping address and option',
        params: cartParams,
        headers: tokenHeaders,
        body: z.object({
          address: postalAddressSchema.nullable().optional(),
          optionId: z.string().min(1).max(200).nullable().optional(),
        }),
        response: cartResponses,
      },
    },
    async (request) => {
      const { address, optionId } = request.body;
      return asJson(
        await cart.setShipping(request.params.id, {
          ...(address !== undefined && { address: address === null ? null : toPostalAddress(address) }),
          ...(optionId !== undefined && { optionId }),
        }),
      );
    },
  );

  app.get(
    '/v1/carts/:id/shipping-options',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Shipping options for the cart’s address and parcel, with fees and delivery dates',
        params: cartParams,
        headers: tokenHeaders,
        response: { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }), ...errorResponses },
      },
    },
    async (request) => {
      const { quote } = await cart.getCart(request.params.id);
      return { items: quote.shipping.options as unknown as Record<string, unknown>[] };
    },
  );

  app.post(
    '/v1/carts/:id/checkout',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Hold the stock and freeze the quote (409 insufficient_stock names the short lines)',
        params: cartParams,
        headers: tokenHeaders,
        response: { 201: checkoutSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return (await cart.startCheckout(request.params.id)) as unknown as Record<string, unknown>;
    },
  );

  app.post(
    '/v1/carts/:id/checkout/complete',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Pay and place the order; retry with the same Idempotency-Key is safe',
        description:
          '201 the order; 200 requires_action with the 3-D Secure challenge (complete it, then retry with the same key); 402 payment_declined (the stock stays held: retry with another card and a new key); 409 price_changed (confirm by sending the new total as expectedTotal) or hold_expired.',
        params: cartParams,
        headers: completeHeaders,
        body: z.object({
          tenders: z.array(tenderSchema).min(1).max(5).optional(),
          paymentToken: z.string().min(1).max(200).optional(),
          expectedTotal: z.number().int().nonnegative().optional(),
        }),
        response: {
          200: z.object({
            status: z.literal('requires_action'),
            checkoutId: z.string(),
            challenge: z.record(z.string(), z.unknown()),
          }),
          201: z.object({
            status: z.literal('completed'),
            order: z.object({ id: z.string(), number: z.string() }),
            total: z.object({ amount: z.number(), currency: z.string() }),
          }),
          402: errorSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (key === undefined) {
        return reply
          .code(400)
          .send({ error: { code: 'idempotency_key_required', message: 'send an Idempotency-Key header' } });
      }
      const { tenders, paymentToken, expectedTotal } = request.body;
      const all = [
        ...(tenders ?? []),
        ...(paymentToken === undefined ? [] : [{ type: 'card' as const, token: paymentToken }]),
      ];
      if (all.length === 0) {
        return reply
          .code(400)
          .send({ error: { code: 'no_tenders', message: 'send tenders or a paymentToken' } });
      }
      const outcome = await cart.completeCheckout(request.params.id, {
        tenders: all,
        idempotencyKey: key,
        ...(expectedTotal !== undefined && { expectedTotal }),
      });
      if (outcome.status === 'completed') return reply.code(201).send(outcome);
      return reply.code(200).send({ ...outcome, challenge: { ...outcome.challenge } });
    },
  );
}
