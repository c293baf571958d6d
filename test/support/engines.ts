/**
 * The store contract harness: `describeEachEngine` runs one suite against SQLite and, when
 * AISLE_TEST_PG_URL is set, against PostgreSQL, each opened store in a schema of its own.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { type Engine, openStore, type OpenStoreOptions, type Store } from '../../src/store/index.js';

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
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    engine: 'postgres',
    async open(options) {
      const schema = `aisle_t_${randomBytes(6).toString('hex')}`;
      const store = await openStore(withSchema(adminUrl, schema), options);
      open.push({ store, schema });
      return store;
    },
    async closeAll() {
      const closing = open.splice(0);
      await Promise.all(closing.map(({ store }) => store.close()));
      if (closing.length === 0) return;
      await admin(async (client) => {
        for (const { schema } of closing) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      });
    },
  };
}

/** The engines this run covers; PostgreSQL only when AISLE_TEST_PG_URL is set. */
export function engineHarnesses(): EngineHarness[] {
  if (pgUrl) return [sqliteHarness(), postgresHarness(pgUrl)];
  if (!warned) {
    warned = true;
    console.warn('\n*** AISLE_TEST_PG_URL is not set: the PostgreSQL half of the store contract suite is SKIPPED ***\n');
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
