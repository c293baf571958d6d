import { z } from 'zod';
import { type Clock, NotFoundError } from '../../core/index.js';
import { type PromotionService, type StoredPromotion, summarizePolicies } from '../../promotions/index.js';
import type { PricingContext } from '../../rules/index.js';
import type { AdminGuard, App } from '../app.js';
import { errorResponses } from '../schemas.js';

/** What these routes need of the services; AppServices satisfies it once it holds `promotions`. */
export interface PromotionRouteServices {
  readonly promotions: PromotionService;
  readonly clock: Clock;
}

// Documents are checked by the engine, which reports every issue with its JSON path; the edge
// only insists on an object so the engine's 400 carries the detail.
const documentSchema = z.record(z.string(), z.unknown());

const promotionView = z.object({
  id: z.string(),
  version: z.number(),
  latestVersion: z.number(),
  status: z.enum(['active', 'draft', 'archived']),
  name: z.string(),
  document: documentSchema,
  versionCreatedAt: z.string(),
  createdAt: z.string(),
  usage: z.object({ uses: z.number(), spent: z.number() }),
});

const idParams = z.object({ id: z.string().min(1).max(200) });
const versionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

const cartLineSchema = z.object({
  id: z.string().min(1).max(100),
  productId: z.string().min(1).max(100),
  variantId: z.string().min(1).max(100),
  quantity: z.number().int().positive(),
  unitPrice: z.number().int().nonnegative(),
  categoryPath: z.array(z.string()).optional(),
  brand: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  optionValues: z.array(z.string()).optional(),
  weightGrams: z.number().int().nonnegative().nullable().optional(),
  cost: z.number().int().nonnegative().nullable().optional(),
  floorPrice: z.number().int().nonnegative().nullable().optional(),
});

const dryRunBody = z.object({
  cart: z.object({
    currency: z.string().length(3).optional(),
    now: z.union([z.iso.datetime({ offset: true }), z.number().int()]).optional(),
    customer: z
      .object({
        id: z.string().min(1),
        segment: z.string().optional(),
        tier: z.string().optional(),
        tags: z.array(z.string()).optional(),
        firstOrder: z.boolean().optional(),
        country: z.string().optional(),
        orderCount: z.number().int().nonnegative().optional(),
      })
      .optional(),
    lines: z.array(cartLineSchema).max(500),
    channel: z.string().optional(),
    coupons: z.array(z.string()).max(20).optional(),
    experiments: z.record(z.string(), z.string()).optional(),
    destination: z.object({ country: z.string().length(2), postalCode: z.string().optional() }).optional(),
    shippingOptionId: z.string().optional(),
  }),
  /** A whole rule set document, or promotion documents laid over the current ones. */
  draft: z.union([z.array(documentSchema), documentSchema]).optional(),
  mode: z.enum(['stack', 'best_single']).optional(),
});

const policyView = z.object({ version: z.number(), document: documentSchema, createdAt: z.string() });
const localized = z.record(z.string(), z.string());
const refundMethods = z.array(z.string());
const policySummaryView = z.object({
  version: z.number().nullable(),
  currency: z.string(),
  returns: z
    .object({
      defaultDays: z.number(),
      refundMethods,
      exceptions: z.array(
        z.object({
          days: z.number(),
          finalSale: z.boolean(),
          refundMethods,
          appliesTo: z.object({
            categories: z.array(z.string()).optional(),
            tags: z.array(z.string()).optional(),
            tiers: z.array(z.string()).optional(),
          }),
        }),
      ),
    })
    .nullable(),
  shipping: z
    .object({
      timeZone: z.string(),
      options: z.array(
        z.object({
          id: z.string(),
          name: localized,
          countries: z.array(z.string()),
          fee: z.number(),
          weightBands: z.array(z.object({ maxGrams: z.number(), fee: z.number() })),
          maxWeightGrams: z.number().nullable(),
          freeOver: z.number().nullable(),
          businessDays: z.object({ min: z.number(), max: z.number() }),
          cutoffHour: z.number().nullable(),
        }),
      ),
    })
    .nullable(),
  tax: z.object({
    mode: z.enum(['inclusive', 'exclusive', 'mixed', 'none']),
    rates: z.array(
      z.object({ name: localized, country: z.string(), rate: z.number(), inclusive: z.boolean() }),
    ),
  }),
});

function toPromotionView(promotion: StoredPromotion): z.infer<typeof promotionView> {
  return {
    ...promotion,
    document: promotion.document as Record<string, unknown>,
    versionCreatedAt: new Date(promotion.versionCreatedAt).toISOString(),
    createdAt: new Date(promotion.createdAt).toISOString(),
  };
}

/** A body's `version` is the version the writer last read: the write is refused if another came since. */
function splitVersion(body: Record<string, unknown>) {
  const { version, ...document } = body;
  return { document, expectedVersion: typeof version === 'number' ? version : undefined };
}

export function registerPromotionRoutes(
  app: App,
  services: PromotionRouteServices,
  requireAdmin: AdminGuard,
): void {
  const { promotions, clock } = services;
  const admin = { onRequest: requireAdmin };
  const adminDoc = { security: [{ admin: [] }] };
  const tags = ['promotions', 'admin'];

  app.get(
    '/v1/promotions',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Promotions at their latest version, newest change first',
        ...adminDoc,
        querystring: z.object({ status: z.enum(['active', 'draft', 'archived']).optional() }),
        response: { 200: z.object({ items: z.array(promotionView) }), ...errorResponses },
      },
    },
    async (request) => {
      const { status } = request.query;
      const items = await promotions.list(status === undefined ? {} : { status });
      return { items: items.map(toPromotionView) };
    },
  );

  app.post(
    '/v1/promotions',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Create a promotion (version 1); 400 invalid_rules lists every issue, 409 code_taken',
        ...adminDoc,
        body: documentSchema,
        response: { 201: promotionView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { document } = splitVersion(request.body);
      const created = await promotions.create(document as Parameters<PromotionService['create']>[0]);
      reply.code(201);
      return toPromotionView(created);
    },
  );

  app.post(
    '/v1/promotions/dry-run',
    {
      ...admin,
      schema: {
        tags,
        summary:
          'Price a sample cart under draft rules (or the current ones), with every reason; stores nothing',
        ...adminDoc,
        body: dryRunBody,
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (request) => {
      const { cart, draft, mode } = request.body;
      const { ruleSet } = await promotions.current();
      const { now, currency, ...rest } = cart;
      const context = {
        ...rest,
        currency: currency ?? ruleSet.currency,
        now: now === undefined ? clock.now() : typeof now === 'number' ? now : Date.parse(now),
      } as PricingContext;
      const result = await promotions.dryRun({
        cart: context,
        ...(draft !== undefined && { draft: draft as never }),
        ...(mode !== undefined && { options: { mode } }),
      });
      return result as unknown as Record<string, unknown>;
    },
  );

  app.get(
    '/v1/promotions/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'A promotion at its latest version, or at ?version=',
        ...adminDoc,
        params: idParams,
        querystring: versionQuery,
        response: { 200: promotionView, ...errorResponses },
      },
    },
    async (request) => toPromotionView(await promotions.get(request.params.id, request.query.version)),
  );

  app.put(
    '/v1/promotions/:id',
    {
      ...admin,
      schema: {
        tags,
        summary:
          'Write a new version; with `version` in the body, only if that is still the latest (409 version_conflict)',
        ...adminDoc,
        params: idParams,
        body: documentSchema,
        response: { 200: promotionView, ...errorResponses },
      },
    },
    async (request) => {
      const { document, expectedVersion } = splitVersion(request.body);
      const updated = await promotions.update(
        request.params.id,
        document as Parameters<PromotionService['update']>[1],
        expectedVersion === undefined ? {} : { expectedVersion },
      );
      return toPromotionView(updated);
    },
  );

  app.delete(
    '/v1/promotions/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Archive a promotion (a new version); its codes are free again',
        ...adminDoc,
        params: idParams,
        response: { 200: promotionView, ...errorResponses },
      },
    },
    async (request) => toPromotionView(await promotions.archive(request.params.id)),
  );

  app.get(
    '/v1/policies',
    {
      schema: {
        tags: ['policies'],
        summary: 'The store’s policies for shoppers: return windows, shipping options and fees, tax mode',
        response: { 200: policySummaryView, ...errorResponses },
      },
    },
    async () => {
      const [{ ruleSet }, stored] = await Promise.all([promotions.current(), promotions.getPolicies()]);
      return summarizePolicies(stored, ruleSet.currency) as unknown as z.infer<typeof policySummaryView>;
    },
  );

  app.get(
    '/v1/policies/document',
    {
      ...admin,
      schema: {
        tags: ['policies', 'admin'],
        summary: 'The full policy document, latest or at ?version=',
        ...adminDoc,
        querystring: versionQuery,
        response: { 200: policyView, ...errorResponses },
      },
    },
    async (request) => {
      const stored = await promotions.getPolicies(request.query.version);
      if (stored === null) throw new NotFoundError('policy document', 'latest');
      return {
        ...stored,
        document: stored.document as Record<string, unknown>,
        createdAt: new Date(stored.createdAt).toISOString(),
      };
    },
  );

  app.put(
    '/v1/policies',
    {
      ...admin,
      schema: {
        tags: ['policies', 'admin'],
        summary: 'Replace the policies (a new version); 400 invalid_rules lists every issue',
        ...adminDoc,
        body: documentSchema,
        response: { 200: policyView, ...errorResponses },
      },
    },
    async (request) => {
      const { document, expectedVersion } = splitVersion(request.body);
      const stored = await promotions.replacePolicies(
        document,
        expectedVersion === undefined ? {} : { expectedVersion },
      );
      return {
        ...stored,
        document: stored.document as Record<string, unknown>,
        createdAt: new Date(stored.createdAt).toISOString(),
      };
    },
  );
}
