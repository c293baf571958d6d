import type { Config } from '../core/index.js';
import { DEMO_STORE, demoSynonyms } from '../demo/index.js';
import type { CreateServicesOptions } from '../server/index.js';

/**
 * What `--demo` changes besides seeding: the demo's search synonyms, and its name for the
 * assistant's persona unless the merchant set AISLE_STORE_NAME.
 */
export function demoConfig(config: Config, env: NodeJS.ProcessEnv = process.env): Config {
  if (env.AISLE_STORE_NAME !== undefined) return config;
  return { ...config, assistant: { ...config.assistant, storeName: DEMO_STORE.name.en } };
}

export const demoServiceOptions: CreateServicesOptions = { synonyms: demoSynonyms };
