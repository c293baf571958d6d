/**
 * The HTTP face: Fastify with zod schemas (validated in, serialized out), OpenAPI generated from
 * the same schemas at /openapi.json with a docs page at /docs, rate limits, admin auth, and one
 * error shape.
 */
import { fastifyCookie } from '@fastify/cookie';
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
import { createStaffAuth, type StaffAuth } from './admin-auth.js';
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
import { registerSessionRoutes } from './routes/sessions.js';
import { registerStaffRoutes } from './routes/staff.js';
import { registerWebRoutes } from './routes/web.js';
import type { AppServices } from './services.js';

// Feeds are streamed past this limit; it bounds JSON bodies only.
const JSON_BODY_LIMIT = 1024 * 1024;

export type App = ReturnType<typeof withZod>;
export type AdminGuard = StaffAuth['guard'];

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
        securitySchemes: {
          admin: { type: 'http', scheme: 'bearer', description: 'AISLE_ADMIN_KEY' },
          staffCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'aisle_staff',
            description: 'from POST /v1/staff/login; changes also need the header X-Aisle-Staff: 1',
          },
          session: {
            type: 'http',
            scheme: 'bearer',
            description: 'the session token from POST /v1/sessions',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  // Parses cookies for the staff sign-in; the sign-in cookie is signed by admin-auth itself.
  await app.register(fastifyCookie);
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const typed = withZod(app);
  const staffAuth = createStaffAuth({ adminKey: config.adminKey, clock: services.clock });
  const requireAdmin = staffAuth.guard;
  registerHealthRoutes(typed, services);
  registerWebRoutes(typed);
  registerDemoRoutes(typed, services);
  registerCatalogRoutes(typed, services, requireAdmin);
  registerInventoryRoutes(typed, services, requireAdmin);
  registerImportRoutes(typed, services, requireAdmin);
  registerPromotionRoutes(typed, services, requireAdmin);
  registerCustomerRoutes(typed, services, requireAdmin);
  registerCartRoutes(typed, services, requireAdmin);
  registerOrderRoutes(typed, services.orders, requireAdmin);
  registerPaymentRoutes(typed, services, requireAdmin);
  registerSessionRoutes(typed, { assistant: services.assistant, widgetKey: config.widgetKey });
  registerStaffRoutes(typed, { assistant: services.assistant, auth: staffAuth, cart: services.cart });
  return app;
}
