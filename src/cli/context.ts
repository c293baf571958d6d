import { loadConfig } from '../core/index.js';
import { type AppServices, type CreateServicesOptions, createServices } from '../server/index.js';
import { demoConfig, demoServiceOptions } from './demo-options.js';

/** Opens the configured store and services for one command, and always closes them. */
export async function withServices<T>(
  work: (services: AppServices) => Promise<T>,
  options: CreateServicesOptions & { db?: string; demo?: boolean } = {},
): Promise<T> {
  const { db, demo, ...serviceOptions } = options;
  const loaded = loadConfig();
  const config = demo ? demoConfig(loaded) : loaded;
  const services = await createServices(
    db ? { ...config, db } : config,
    demo ? { ...demoServiceOptions, ...serviceOptions } : serviceOptions,
  );
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}
