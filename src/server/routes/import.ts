import { z } from 'zod';
import { importFeed } from '../../catalog/import/index.js';
import { ValidationError } from '../../core/index.js';
import type { AdminGuard, App } from '../app.js';
import { booleanParam, errorResponses } from '../schemas.js';
import type { AppServices } from '../services.js';

/** Feed bodies arrive raw (curl --data-binary @feed.csv), streamed into the importer. */
const FEED_TYPES = [
  'text/csv',
  'text/tab-separated-values',
  'text/plain',
  'application/xml',
  'text/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/octet-stream',
];

const issue = z.object({
  line: z.number(),
  handle: z.string().optional(),
  reason: z.string(),
  code: z.string(),
});

export function registerImportRoutes(app: App, services: AppServices, requireAdmin: AdminGuard): void {
  app.addContentTypeParser(FEED_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/v1/import',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['catalog', 'admin'],
        summary: 'Import a feed sent as the raw request body (Shopify CSV, or Merchant Center TSV/XML)',
        description:
          'Bad rows are reported with their line and the rest imports; `strict=true` imports nothing when any row is bad (422).',
        security: [{ admin: [] }],
        querystring: z.object({
          format: z.enum(['shopify', 'gmc']),
          currency: z
            .string()
            .regex(/^[A-Za-z]{3}$/)
            .optional(),
          locale: z.string().min(2).max(20).optional(),
          strict: booleanParam.optional(),
        }),
        response: {
          200: z.object({
            created: z.number(),
            updated: z.number(),
            unchanged: z.number(),
            skipped: z.number(),
            rows: z.number(),
            products: z.number(),
            variants: z.number(),
            errorCount: z.number(),
            errors: z.array(issue),
            warnings: z.array(issue),
            rejected: z.boolean(),
            durationMs: z.number(),
          }),
          ...errorResponses,
          422: errorResponses[400],
        },
      },
    },
    async (request, reply) => {
      const body = request.body as NodeJS.ReadableStream | undefined;
      if (body === undefined || body === null || typeof (body as { pipe?: unknown }).pipe !== 'function') {
        throw new ValidationError(
          `send the feed as the raw body with Content-Type one of: ${FEED_TYPES.join(', ')}`,
          undefined,
          'unsupported_body',
        );
      }
      const { format, currency, locale, strict } = request.query;
      const summary = await importFeed({
        catalog: services.catalog,
        inventory: services.inventory,
        format,
        input: body as import('node:stream').Readable,
        currency: (currency ?? services.config.currency).toUpperCase(),
        locale: locale ?? 'en',
        strict: strict ?? false,
        actor: 'admin-api',
      });
      await services.settled();
      if (summary.rejected) {
        reply.code(422);
        return reply.send({
          error: {
            code: 'feed_rejected',
            message: `strict import: ${summary.errorCount} bad rows, nothing was imported`,
            details: { errors: summary.errors, errorCount: summary.errorCount },
          },
        });
      }
      return summary;
    },
  );
}
