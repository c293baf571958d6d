/**
 * PostgreSQL test schemas are dropped once, after the whole run: dropping them while other test
 * files migrate races with Kysely's catalog introspection, which reads every schema. Each run
 * names its schemas with a run id of its own, so concurrent runs never drop each other's.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const runId = randomBytes(4).toString('hex');

export async function setup(): Promise<void> {
  // Test workers are forked from this process and inherit its environment.
  process.env.AISLE_TEST_RUN_ID = runId;
}

export async function teardown(): Promise<void> {
  const url = process.env.AISLE_TEST_PG_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      'SELECT nspname FROM pg_namespace WHERE nspname LIKE $1',
      [`aisle\\_t\\_${runId}\\_%`],
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}
