import { randomBytes } from 'node:crypto';
import type { Config } from '../core/index.js';
import { DEMO_STORE, demoSynonyms } from '../demo/index.js';
import type { CreateServicesOptions } from '../server/index.js';

/**
 * What `--demo` changes besides seeding: the demo's search synonyms, its name for the assistant's
 * persona unless AISLE_STORE_NAME is set, and — so the staff console can be tried at once — an
 * admin key made up for this run when AISLE_ADMIN_KEY is unset (printed by `serve`, never stored).
 */
export function demoConfig(config: Config, env: NodeJS.ProcessEnv = process.env): Config {
  const storeName = env.AISLE_STORE_NAME === undefined ? DEMO_STORE.name.en : config.assistant.storeName;
  return {
    ...config,
    adminKey: config.adminKey ?? randomBytes(12).toString('base64url'),
    assistant: { ...config.assistant, storeName },
  };
}

export const demoServiceOptions: CreateServicesOptions = { synonyms: demoSynonyms };
