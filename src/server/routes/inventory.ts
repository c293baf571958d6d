import { z } from 'zod';
import type { Reservation } from '../../inventory/index.js';
import type { AdminGuard, App } from '../app.js';
import { errorResponses, listParam, localizedTextSchema } from '../schemas.js';
import type { AppServices } from '../services.js';

const locationView = z.object({
  id: z.string(),
  code: z.string(),
  name: localizedTextSchema,
  kind: z.enum(['store', 'warehouse']),
  priority: z.number(),
  channels: z.array(z.string()),
  pickup: z.boolean(),
  address: z.string().nullable(),
  active: z.boolean(),
});

const availabilityView = z.object({
  variantId: z.string(),
  available: z.number(),
  inStock: z.boolean(),
  lowStock: z.boolean(),
  locations: z.array(
    z.object({
      locationId: z.string(),
      locationCode: z.string(),
      available: z.number(),
      pickup: z.boolean(),
    }),
  ),
});

const levelView = z.object({
  variantId: z.string(),
  locationId: z.string(),
  onHand: z.number(),
  reserved: z.number(),
  safetyStock: z.number(),
  available: z.number(),
});

const reservationView = z.object({
  id: z.string(),
  referenceType: z.string(),
  referenceId: z.string(),
  status: z.enum(['active', 'committed', 'released', 'expired']),
  expiresAt: z.string(),
  extended: z.boolean(),
  lines: z.array(z.object({ variantId: z.string(), locationId: z.string(), quantity: z.number() })),
});

const idParams = z.object({ id: z.string().min(1).max(100) });

function toReservationView(reservation: Reservation): z.infer<typeof reservationView> {
  return {
    id: reservation.id,
    referenceType: reservation.referenceType,
    referenceId: reservation.referenceId,
    status: reservation.status,
    expiresAt: new Date(reservation.expiresAt).toISOString(),
    extended: reservation.extended,
    lines: reservation.lines.map((line) => ({ ...line })),
  };
}

export function registerInventoryRoutes(app: App, services: AppServices, requireAdmin: AdminGuard): void {
  const { inventory, config } = services;
  const admin = { onRequest: requireAdmin };
  const adminDoc = { security: [{ admin: [] }] };

  app.get(
    '/v1/locations',
    {
      schema: {
        tags: ['inventory'],
        summary: 'Stores and warehouses, by fulfilment priority',
        response: { 200: z.object({ items: z.array(locationView) }), ...errorResponses },
      },
    },
    async () => ({ items: await inventory.listLocations() }),
  );

  app.get(
    '/v1/inventory/availability',
    {
      schema: {
        tags: ['inventory'],
        summary: 'Available units per variant, in total and per location, with a low-stock flag',
        querystring: z.object({
          variantIds: listParam.pipe(z.array(z.string().max(100)).min(1).max(500)),
          channel: z.string().max(50).optional(),
          location: z.string().max(100).optional(),
        }),
        response: { 200: z.object({ items: z.array(availabilityView) }), ...errorResponses },
      },
    },
    async (request) => {
      const { variantIds, channel, location } = request.query;
      const result = await inventory.availability(variantIds, {
        ...(channel !== undefined && { channel }),
        ...(location !== undefined && { locationId: location }),
      });
      return { items: variantIds.flatMap((id) => (result.has(id) ? [result.get(id)!] : [])) };
    },
  );

  app.get(
    '/v1/inventory/levels',
    {
      ...admin,
      schema: {
        tags: ['inventory', 'admin'],
        summary: 'On hand, reserved and safety stock per variant and location',
        ...adminDoc,
        querystring: z.object({ variantIds: listParam.pipe(z.array(z.string().max(100)).min(1).max(500)) }),
        response: { 200: z.object({ items: z.array(levelView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await inventory.levels(request.query.variantIds) }),
  );

  app.post(
    '/v1/inventory/adjustments',
    {
      ...admin,
      schema: {
        tags: ['inventory', 'admin'],
        summary: 'Receive, count, damage, return to stock or correct; writes a ledger row',
        ...adminDoc,
        body: z.object({
          variantId: z.string().min(1).max(100),
          locationId: z.string().min(1).max(100),
          kind: z.enum(['receive', 'count', 'damage', 'return', 'correction']),
          quantity: z.number().int(),
          reason: z.string().max(500).optional(),
          actor: z.string().max(100).optional(),
        }),
        response: { 201: levelView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { actor, reason, ...rest } = request.body;
      const level = await inventory.adjust({
        ...rest,
        actor: actor ?? 'admin-api',
        ...(reason !== undefined && { reason }),
      });
      reply.code(201);
      return level;
    },
  );

  app.post(
    '/v1/inventory/reservations',
    {
      ...admin,
      schema: {
        tags: ['inventory', 'admin'],
        summary:
          'Hold stock for several lines at once: all or nothing (409 insufficient_stock names the short lines)',
        description:
          'Holds take stock away from every shopper, so only the store’s own systems (admin key) place them; carts place theirs through checkout.',
        ...adminDoc,
        body: z.object({
          referenceType: z.string().min(1).max(40),
          referenceId: z.string().min(1).max(200),
          ttlSeconds: z
            .number()
            .int()
            .min(1)
            .max(7 * 24 * 3600)
            .optional(),
          channel: z.string().max(50).optional(),
          lines: z
            .array(
              z.object({
                variantId: z.string().min(1).max(100),
                quantity: z.number().int().min(1).max(1_000_000),
                locationId: z.string().min(1).max(100).optional(),
              }),
            )
            .min(1)
            .max(500),
        }),
        response: { 201: reservationView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { ttlSeconds, channel, lines, ...reference } = request.body;
      const reservation = await inventory.reserve({
        ...reference,
        ttlSeconds: ttlSeconds ?? config.holdTtlSeconds,
        lines: lines.map((line) => ({
          variantId: line.variantId,
          quantity: line.quantity,
          ...(line.locationId !== undefined && { locationId: line.locationId }),
        })),
        ...(channel !== undefined && { channel }),
      });
      reply.code(201);
      return toReservationView(reservation);
    },
  );

  app.get(
    '/v1/inventory/reservations/:id',
    {
      ...admin,
      schema: {
        tags: ['inventory', 'admin'],
        ...adminDoc,
        params: idParams,
        response: { 200: reservationView, ...errorResponses },
      },
    },
    async (request) => toReservationView(await inventory.getReservation(request.params.id)),
  );

  app.post(
    '/v1/inventory/reservations/:id/commit',
    {
      ...admin,
      schema: {
        tags: ['inventory', 'admin'],
        summary: 'Turn a hold into a sale: decrements on hand',
        ...adminDoc,
        params: idParams,
        response: { 200: reservationView, ...errorResponses },
      },
    },
    async (request) => toReservationView(await inventory.commit(request.params.id)),
  );

  app.post(
    '/v1/inventory/reservations/:id/extend',
    {
      ...admin,
      schema: {
        tags: ['inventory', 'admin'],
        summary: 'Extend a hold once',
        ...adminDoc,
        params: idParams,
        body: z.object({
          seconds: z
            .number()
            .int()
            .min(1)
            .max(24 * 3600),
        }),
        response: { 200: reservationView, ...errorResponses },
      },
    },
    async (request) => toReservationView(await inventory.extend(request.params.id, request.body.seconds)),
  );

  app.delete(
    '/v1/inventory/reservations/:id',
    {
      ...admin,
      schema: {
        tags: ['inventory', 'admin'],
        summary: 'Release a hold',
        ...adminDoc,
        params: idParams,
        response: { 200: reservationView, ...errorResponses },
      },
    },
    async (request) => toReservationView(await inventory.release(request.params.id)),
  );
}
