import { z } from 'zod';
import type { App } from '../app.js';
import type { AppServices } from '../services.js';

export function registerHealthRoutes(app: App, services: AppServices): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), engine: z.string(), products: z.number() }) },
      },
    },
    async () => {
      const { products } = await services.catalog.count();
      return { status: 'ok' as const, engine: services.store.engine, products };
    },
  );
}
