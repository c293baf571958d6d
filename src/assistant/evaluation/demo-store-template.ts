/**
 * A fresh demo store for every trial, fast: the demo is seeded once into a SQLite file, and each
 * trial opens its own copy of that file (a copy and an open take a few hundred milliseconds; a
 * seed takes seconds). Every trial's clock starts at the seed's time plus the days it asks for.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LanguageModel } from 'ai';
import { type Config, loadConfig, ManualClock } from '../../core/index.js';
import { DEMO_STORE, demoSynonyms, seedDemo, seedDemoCommerce } from '../../demo/index.js';
import { type AppServices, createServices } from '../../server/services.js';

/** When the template's demo orders were placed and delivered: a fixed instant, so runs repeat. */
export const DEMO_SEEDED_AT = Date.UTC(2026, 10, 2, 2);
const DAY_MS = 86_400_000;

/** Signs the host-site customer tokens of signed-in scenarios; trial stores exist only for a trial. */
export const TRIAL_CUSTOMER_TOKEN_SECRET = 'evaluation-customer-token-secret';

export interface TrialStore {
  readonly services: AppServices;
  readonly clock: ManualClock;
  close(): Promise<void>;
}

export interface TrialStoreOptions {
  /** The assistant's language model; without one the rules brain answers every turn. */
  readonly languageModel?: LanguageModel;
}

export interface DemoStoreTemplate {
  /** A private copy of the seeded store, its clock `daysAfterSeed` days after the seed. */
  open(daysAfterSeed: number, options?: TrialStoreOptions): Promise<TrialStore>;
  dispose(): void;
}

/**
 * The configuration every trial runs under, never the shell's AISLE_* variables, so a result does
 * not depend on who ran it. With a model, every turn goes to it (the router keeps only "thanks"
 * for the rules brain, and only when certain): the model is what is under test.
 */
function trialConfig(db: string, withModel: boolean): Config {
  const config = loadConfig({
    AISLE_CUSTOMER_TOKEN_SECRET: TRIAL_CUSTOMER_TOKEN_SECRET,
    AISLE_STORE_NAME: DEMO_STORE.name.en,
    ...(withModel && { AISLE_ROUTER_CONFIDENCE: '1', AISLE_ROUTER_RULES_INTENTS: 'thanks' }),
  });
  return { ...config, db };
}

export async function createDemoStoreTemplate(): Promise<DemoStoreTemplate> {
  const directory = mkdtempSync(join(tmpdir(), 'aisle-eval-'));
  const templatePath = join(directory, 'demo.db');
  const seeding = await createServices(trialConfig(`sqlite:${templatePath}`, false), {
    clock: new ManualClock(DEMO_SEEDED_AT),
  });
  try {
    await seedDemo({ catalog: seeding.catalog, inventory: seeding.inventory });
    await seeding.refreshPolicies();
    await seedDemoCommerce(seeding);
    await seeding.settled();
  } finally {
    // Closing checkpoints SQLite's write-ahead log, so the one file holds the whole store.
    await seeding.close();
  }

  let copies = 0;
  return {
    async open(daysAfterSeed, options = {}) {
      copies += 1;
      const path = join(directory, `trial-${copies}.db`);
      copyFileSync(templatePath, path);
      const clock = new ManualClock(DEMO_SEEDED_AT + daysAfterSeed * DAY_MS);
      const { languageModel } = options;
      // The demo's synonyms, as `serve --demo` and `chat --demo` load them.
      const services = await createServices(trialConfig(`sqlite:${path}`, languageModel !== undefined), {
        clock,
        synonyms: demoSynonyms,
        ...(languageModel !== undefined && { languageModel }),
      });
      return {
        services,
        clock,
        async close() {
          await services.close();
          for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
        },
      };
    },
    dispose() {
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
