/**
 * Opens the one schema on either engine: SQLite through better-sqlite3 (embedded default) or
 * PostgreSQL through pg. Migrations run on open unless told not to.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { ValidationError } from '../core/index.js';
import { migrateToLatest } from './migrate.js';
import type { Schema } from './schema/index.js';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<Schema>;
export type Tx = Transaction<Schema>;
/** Either the database or an open transaction: functions that take one work inside the other. */
export type Executor = Db | Tx;

export interface Store {
  readonly db: Db;
  readonly engine: Engine;
  readonly url: string;
  /** Runs `work` in one transaction; rolls back when it throws. */
  transaction<T>(work: (trx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** Run migrations to the latest version (default true). */
  migrate?: boolean;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

// int8 (counts, money, epoch milliseconds) arrives from pg as text; all our values fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export function engineOf(url: string): Engine {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new ValidationError(
    `AISLE_DB must start with sqlite: or postgres://, got "${url}"`,
    { url },
    'invalid_database_url',
  );
}

const STATEMENT_CACHE_SIZE = 1000;

/**
 * better-sqlite3 compiles a statement on every `prepare`, and Kysely prepares each query anew:
 * compiling costs more than running most of the short queries a turn or a quote makes. Compiled
 * statements are kept by their SQL (least recently used out first); one still being iterated by a
 * stream is busy, so the query that wants it gets a fresh one.
 */
function withStatementCache(database: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      const cached = statements.get(text);
      if (cached !== undefined && !cached.busy) {
        statements.delete(text);
        statements.set(text, cached);
        return cached;
      }
      const statement = database.prepare(text);
      statements.set(text, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}

function sqliteDialect(url: string): SqliteDialect {
  const path = url.slice('sqlite:'.length);
  const memory = path === '' || path === ':memory:';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(memory ? ':memory:' : path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: withStatementCache(database) });
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A PostgreSQL URL may name a schema (`?schema=shop1`): every connection then works in it, so
 * several stores can share one database.
 */
function postgresDialect(
  url: string,
  poolSize: number,
): { dialect: PostgresDialect; schema: string | undefined } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new ValidationError(
      `schema "${schema}" in AISLE_DB must be a lower-case SQL identifier`,
      { schema },
      'invalid_database_url',
    );
  }
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: poolSize,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  return { dialect: new PostgresDialect({ pool }), schema };
}

export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const engine = engineOf(url);
  const { dialect, schema } =
    engine === 'sqlite'
      ? { dialect: sqliteDialect(url), schema: undefined }
      : postgresDialect(url, options.poolSize ?? 10);
  const db = new Kysely<Schema>({ dialect });
  if (options.migrate ?? true) {
    try {
      if (schema !== undefined) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db);
      await migrateToLatest(db, schema);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return {
    db,
    engine,
    url,
    transaction: (work) =>
      engine === 'postgres'
        ? db.transaction().setIsolationLevel('read committed').execute(work)
        : db.transaction().execute(work),
    close: () => db.destroy(),
  };
}
