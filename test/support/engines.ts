/**
 * The store contract harness: `describeEachEngine` runs one suite against SQLite and, when
 * AISLE_TEST_PG_URL is set, against PostgreSQL, each opened store in a schema of its own.
 */
import { randomBytes } from 'node:crypto';
import { describe } from 'vitest';
import { type Engine, type OpenStoreOptions, openStore, type Store } from '../../src/store/index.js';

export interface EngineHarness {
  readonly engine: Engine;
  /** A fresh, migrated, empty database. Closed and dropped by `closeAll`. */
  open(options?: OpenStoreOptions): Promise<Store>;
  closeAll(): Promise<void>;
}

const pgUrl = process.env.AISLE_TEST_PG_URL;
let warned = false;

function sqliteHarness(): EngineHarness {
  const open: Store[] = [];
  return {
    engine: 'sqlite',
    async open(options) {
      const store = await openStore('sqlite::memory:', options);
      open.push(store);
      return store;
    },
    async closeAll() {
      await Promise.all(open.splice(0).map((store) => store.close()));
    },
  };
}

function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

/**
 * Each store gets a schema of its own in the one test database: creating a schema is instant,
 * where CREATE DATABASE costs a checkpoint per test.
 */
function postgresHarness(adminUrl: string): EngineHarness {
  const open: { store: Store; schema: string }[] = [];
  return {
    engine: 'postgres',
    async open(options) {
      const schema = `aisle_t_${process.env.AISLE_TEST_RUN_ID ?? 'adhoc'}_${randomBytes(5).toString('hex')}`;
      const store = await openStore(withSchema(adminUrl, schema), options);
      open.push({ store, schema });
      return store;
    },
    async closeAll() {
      // The schemas themselves are dropped after the run (test/support/global-setup.ts).
      await Promise.all(open.splice(0).map(({ store }) => store.close()));
    },
  };
}

/** The engines this run covers; PostgreSQL only when AISLE_TEST_PG_URL is set. */
export function engineHarnesses(): EngineHarness[] {
  if (pgUrl) return [sqliteHarness(), postgresHarness(pgUrl)];
  if (!warned) {
    warned = true;
    console.warn(
      '\n*** AISLE_TEST_PG_URL is not set: the PostgreSQL half of the store contract suite is SKIPPED ***\n',
    );
  }
  return [sqliteHarness()];
}

/**
 * Declares `suite` once per engine. Inside, call `harness.open()` for a fresh database; close
 * them in `afterAll(() => harness.closeAll())`.
 */
export function describeEachEngine(title: string, suite: (harness: EngineHarness) => void): void {
  for (const harness of engineHarnesses()) {
    describe(`${title} [${harness.engine}]`, () => suite(harness));
  }
  if (!pgUrl) describe.skip(`${title} [postgres] (AISLE_TEST_PG_URL not set)`, () => {});
}
