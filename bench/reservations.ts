/**
 * Reservations per second with 32 concurrent clients, on SQLite (a file database) and on
 * PostgreSQL (AISLE_BENCH_PG_URL or AISLE_TEST_PG_URL), each against the physical limit: the
 * bare conditional UPDATE a reservation is built around, run the same way on the same database.
 * Then a contended round where every client fights over a few scarce variants, to count
 * oversold units (must be 0).
 *
 *   npx tsx bench/reservations.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { newId, systemClock } from '../src/core/index.js';
import { createInventoryService, InsufficientStockError } from '../src/inventory/index.js';
import { openStore, type Store } from '../src/store/index.js';

const CLIENTS = 32;
// Raw and reserve run in alternating one-second rounds, so a busy machine slows both alike.
const ROUNDS = 4;
const SECONDS = 1;
const VARIANTS = 500;
const SCARCE_VARIANTS = 5;
const SCARCE_UNITS = 40;

interface Result {
  engine: string;
  raw: number;
  reserve: number;
  oversold: number;
  refused: number;
}

async function createVariants(store: Store, count: number): Promise<string[]> {
  const productId = newId('prod');
  await store.db
    .insertInto('products')
    .values({
      id: productId,
      handle: productId,
      status: 'active',
      title: '{"en":"Bench"}',
      description: '{}',
      brand: null,
      category_path: '[]',
      product_type: null,
      tags: '[]',
      attributes: '{}',
      options: '[]',
      images: '[]',
      created_at: 0,
      updated_at: 0,
    })
    .execute();
  const ids = Array.from({ length: count }, () => newId('var'));
  for (let start = 0; start < ids.length; start += 100) {
    await store.db
      .insertInto('variants')
      .values(
        ids.slice(start, start + 100).map((id, position) => ({
          id,
          product_id: productId,
          sku: null,
          barcode: null,
          position,
          option_values: '[]',
          price: 100,
          compare_at_price: null,
          cost: null,
          currency: 'USD',
          weight_grams: null,
          image_url: null,
          created_at: 0,
          updated_at: 0,
        })),
      )
      .execute();
  }
  return ids;
}

/**
 * Seeds levels in bulk, with the ledger rows a receipt would write, so the set-up of a thousand
 * levels takes a moment rather than a thousand adjustments.
 */
async function seedStock(
  store: Store,
  variantIds: string[],
  locationIds: string[],
  units: number,
): Promise<void> {
  const pairs = variantIds.flatMap((variantId) =>
    locationIds.map((locationId) => ({ variantId, locationId })),
  );
  for (let start = 0; start < pairs.length; start += 200) {
    const batch = pairs.slice(start, start + 200);
    await store.transaction(async (trx) => {
      await trx
        .insertInto('stock_levels')
        .values(
          batch.map(({ variantId, locationId }) => ({
            variant_id: variantId,
            location_id: locationId,
            on_hand: units,
            reserved: 0,
            safety_stock: 0,
            updated_at: Date.now(),
          })),
        )
        .execute();
      await trx
        .insertInto('inventory_ledger')
        .values(
          batch.map(({ variantId, locationId }) => ({
            variant_id: variantId,
            location_id: locationId,
            kind: 'receive' as const,
            quantity: units,
            on_hand_after: units,
            reason: null,
            actor: 'bench',
            reference_type: null,
            reference_id: null,
            created_at: Date.now(),
          })),
        )
        .execute();
    });
  }
}

/** Runs `operation` from `CLIENTS` loops for `SECONDS`; returns successful operations per second. */
async function rate(operation: () => Promise<boolean>): Promise<number> {
  const deadline = performance.now() + SECONDS * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        if (await operation()) done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

function randomOf<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)] as T;
}

async function measure(engine: string, store: Store): Promise<Result> {
  const inventory = createInventoryService({ store, clock: systemClock });
  const north = await inventory.upsertLocation({
    code: 'north',
    name: { en: 'North' },
    kind: 'warehouse',
    priority: 1,
  });
  const south = await inventory.upsertLocation({
    code: 'south',
    name: { en: 'South' },
    kind: 'store',
    priority: 2,
  });
  const locationIds = [north.id, south.id];
  const rawVariants = await createVariants(store, VARIANTS);
  const reserveVariants = await createVariants(store, VARIANTS);
  const scarce = await createVariants(store, SCARCE_VARIANTS);
  await seedStock(store, [...rawVariants, ...reserveVariants], locationIds, 1_000_000);
  for (const variantId of scarce) {
    await inventory.adjust({
      variantId,
      locationId: north.id,
      kind: 'receive',
      quantity: SCARCE_UNITS,
      actor: 'bench',
    });
  }

  // The statement at the heart of a reservation, alone: one conditional UPDATE per call.
  const rawStatement = async () => {
    const result = await sql`update stock_levels set reserved = reserved + 1, updated_at = ${Date.now()}
      where variant_id = ${randomOf(rawVariants)} and location_id = ${north.id}
      and on_hand - reserved - safety_stock >= 1`.execute(store.db);
    return result.numAffectedRows === 1n;
  };
  const reservation = async () => {
    await inventory.reserve({
      referenceType: 'cart',
      referenceId: 'bench',
      lines: [{ variantId: randomOf(reserveVariants), quantity: 1 }],
      ttlSeconds: 600,
    });
    return true;
  };
  let raw = 0;
  let reserve = 0;
  for (let round = 0; round < ROUNDS; round++) {
    raw += (await rate(rawStatement)) / ROUNDS;
    reserve += (await rate(reservation)) / ROUNDS;
  }

  // Contended: every client reserves scarce units until none are left.
  let held = 0;
  let refused = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let attempt = 0; attempt < (SCARCE_VARIANTS * SCARCE_UNITS * 2) / CLIENTS + 4; attempt++) {
        try {
          await inventory.reserve({
            referenceType: 'cart',
            referenceId: 'contended',
            lines: [{ variantId: randomOf(scarce), quantity: 1 }],
            ttlSeconds: 600,
          });
          held += 1;
        } catch (error) {
          if (!(error instanceof InsufficientStockError)) throw error;
          refused += 1;
        }
      }
    }),
  );
  const levels = await inventory.levels(scarce);
  const overReserved = levels.reduce((sum, level) => sum + Math.max(0, level.reserved - level.onHand), 0);
  const oversold = Math.max(0, held - SCARCE_VARIANTS * SCARCE_UNITS) + overReserved;
  return { engine, raw, reserve, oversold, refused };
}

async function sqlite(): Promise<Result> {
  const directory = mkdtempSync(join(tmpdir(), 'aisle-bench-'));
  const store = await openStore(`sqlite:${join(directory, 'bench.db')}`);
  try {
    return await measure('SQLite (file, WAL)', store);
  } finally {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  // Without FORCE: a forced drop would kill pool connections still closing, which pg reports as
  // an unhandled error. Closing can lag a moment, so try a few times.
  for (let attempt = 1; attempt <= 10; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  console.warn(`could not drop the bench database ${name}; drop it by hand`);
}

async function postgres(adminUrl: string): Promise<Result> {
  const name = `aisle_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openStore(url.toString(), { poolSize: CLIENTS });
  try {
    return await measure(`PostgreSQL (pool ${CLIENTS})`, store);
  } finally {
    await store.close();
    await dropDatabase(admin, name);
    await admin.end();
  }
}

function row(result: Result): string {
  const ratio = `${Math.round((result.reserve / result.raw) * 100)}%`;
  return `| ${result.engine} | ${Math.round(result.raw)} | ${Math.round(result.reserve)} | ${ratio} | ${result.oversold} |`;
}

const results = [await sqlite()];
const pgUrl = process.env.AISLE_BENCH_PG_URL ?? process.env.AISLE_TEST_PG_URL;
if (pgUrl) results.push(await postgres(pgUrl));
else console.log('PostgreSQL skipped: set AISLE_BENCH_PG_URL or AISLE_TEST_PG_URL to include it.\n');

console.log(
  `Reservations, ${CLIENTS} concurrent clients, ${ROUNDS} alternating rounds of ${SECONDS} s each, one unit of a random variant from ${VARIANTS}\n`,
);
console.log('| engine | raw conditional UPDATE /s | reserve() /s | reserve ÷ raw | oversold units |');
console.log('|---|---:|---:|---:|---:|');
for (const result of results) console.log(row(result));
console.log(
  '\nreserve() on SQLite: reservations that arrive together share one transaction (one UPDATE … FROM VALUES for their holds, one multi-row INSERT each for reservations and lines). On PostgreSQL: a one-hold reservation is one data-modifying statement in autocommit.',
);
if (results.some((result) => result.oversold > 0)) process.exitCode = 1;
