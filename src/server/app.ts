/**
 * The HTTP face: Fastify with zod schemas (validated in, serialized out), OpenAPI generated from
 * the same schemas at /openapi.json with a docs page at /docs, rate limits, admin auth, and one
 * error shape.
 */
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from '../core/index.js';
import { adminGuard } from './admin-auth.js';
import { installErrorHandler } from './error-handler.js';
import { registerCartRoutes } from './routes/carts.js';
import { registerCatalogRoutes } from './routes/catalog.js';
import { registerCustomerRoutes } from './routes/customers.js';
import { registerDemoRoutes } from './routes/demo.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerImportRoutes } from './routes/import.js';
import { registerInventoryRoutes } from './routes/inventory.js';
import { registerOrderRoutes } from './routes/orders.js';
import { registerPaymentRoutes } from './routes/payments.js';
import { registerPromotionRoutes } from './routes/promotions.js';
import type { AppServices } from './services.js';

// Feeds are streamed past this limit; it bounds JSON bodies only.
const JSON_BODY_LIMIT = 1024 * 1024;

export type App = ReturnType<typeof withZod>;
export type AdminGuard = ReturnType<typeof adminGuard>;

function withZod(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export interface BuildServerOptions {
  services: AppServices;
  logger?: Logger | false;
}

export async function buildServer({
  services,
  logger = false,
}: BuildServerOptions): Promise<FastifyInstance> {
  const { config } = services;
  const app: FastifyInstance =
    logger === false
      ? Fastify({ bodyLimit: JSON_BODY_LIMIT, trustProxy: true })
      : Fastify({
          loggerInstance: logger as FastifyBaseLogger,
          bodyLimit: JSON_BODY_LIMIT,
          trustProxy: true,
        });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => request.url.startsWith('/docs') || request.url === '/health',
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Aisle API',
        version: '0.1.0',
        description:
          'Catalog, search and inventory of an Aisle store. Errors: `{ error: { code, message, details? } }`.',
      },
      components: {
        securitySchemes: { admin: { type: 'http', scheme: 'bearer', description: 'AISLE_ADMIN_KEY' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const typed = withZod(app);
  const requireAdmin = adminGuard(config.adminKey);
  registerHealthRoutes(typed, services);
  registerDemoRoutes(typed, services);
  registerCatalogRoutes(typed, services, requireAdmin);
  registerInventoryRoutes(typed, services, requireAdmin);
  registerImportRoutes(typed, services, requireAdmin);
  registerPromotionRoutes(typed, services, requireAdmin);
  registerCustomerRoutes(typed, services, requireAdmin);
  registerCartRoutes(typed, services, requireAdmin);
  registerOrderRoutes(typed, services.orders, requireAdmin);
  registerPaymentRoutes(typed, services, requireAdmin);
  return app;
}
