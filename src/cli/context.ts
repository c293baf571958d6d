import { loadConfig } from '../core/index.js';
import { type AppServices, type CreateServicesOptions, createServices } from '../server/index.js';

/** Opens the configured store and services for one command, and always closes them. */
export async function withServices<T>(
  work: (services: AppServices) => Promise<T>,
  options: CreateServicesOptions & { db?: string } = {},
): Promise<T> {
  const config = loadConfig();
  const services = await createServices(options.db ? { ...config, db: options.db } : config, options);
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}
