import type { Command } from 'commander';
import { createLogger, loadConfig, ValidationError } from '../../core/index.js';
import { buildServer, createServices } from '../../server/index.js';
import { demoConfig, demoServiceOptions } from '../demo-options.js';
import { seedDemoStore } from '../seed-demo-store.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (and the demo store with --demo)')
    .option('--port <port>', 'port to listen on (default: AISLE_PORT or 3000)')
    .option('--host <host>', 'address to listen on (default: AISLE_HOST or 127.0.0.1)')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .option('--demo', 'seed the demo store when the catalog is empty, and use its vocabulary')
    .action(async (options: { port?: string; host?: string; db?: string; demo?: boolean }) => {
      const loaded = loadConfig();
      const config = options.demo ? demoConfig(loaded) : loaded;
      const port = options.port === undefined ? config.port : Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new ValidationError(`--port must be a number from 0 to 65535, got "${options.port}"`);
      }
      const logger = createLogger(config.logLevel);
      const services = await createServices(
        {
          ...config,
          port,
          ...(options.host && { host: options.host }),
          ...(options.db && { db: options.db }),
        },
        { logger, ...(options.demo && demoServiceOptions) },
      );
      if (options.demo && (await services.catalog.count()).products === 0) {
        console.log('first run: seeding the demo store ...');
        await seedDemoStore(services);
      }
      const app = await buildServer({ services, logger });
      const shutdown = async () => {
        await app.close();
        await services.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      const address = await app.listen({ port, host: options.host ?? config.host });
      const url = address.replace('127.0.0.1', 'localhost');
      const demoKey =
        options.demo && loaded.adminKey === undefined
          ? `  Staff console: ${url}/admin (admin key for this run: ${config.adminKey}; set AISLE_ADMIN_KEY to choose one)\n`
          : '';
      console.log(
        `\nAisle is serving on ${url}\n  API docs: ${url}/docs\n  OpenAPI:  ${url}/openapi.json\n${demoKey}`,
      );
    });
}
