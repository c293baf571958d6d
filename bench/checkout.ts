/**
 * Checkouts per second with concurrent shoppers, on SQLite (a file database) and on PostgreSQL
 * (AISLE_BENCH_PG_URL or AISLE_TEST_PG_URL, in a schema of its own that is dropped afterwards).
 * Each shopper opens a cart, adds two items, sets the address and option, starts checkout and
 * completes it with pm_card_visa: quote, stock hold, sandbox authorization, stock commit, order,
 * promotion usage and capture. Measured against two baselines run the same way on the same
 * database: the quote alone (what every cart read costs) and the stock hold alone (reserve then
 * commit). Rounds alternate, so a busy machine slows every measure alike. Afterwards it checks
 * that every completed checkout made exactly one order with one captured charge.
 *
 *   npx tsx bench/checkout.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, systemClock } from '../src/core/index.js';
import { sampleRuleSetDocument } from '../src/rules/index.js';
import { type AppServices, createServices } from '../src/server/index.js';
import { openStore, type Store } from '../src/store/index.js';

const SHOPPERS = 8;
const ROUNDS = 3;
const SECONDS = 2;
const PRODUCTS = 100;
const STOCK_EACH = 1_000_000;

const address = {
  name: 'Bench Shopper',
  line1: '1 Bench Road',
  city: 'Taipei',
  postalCode: '100',
  country: 'TW',
};

interface Result {
  engine: string;
  checkouts: number;
  quotes: number;
  holds: number;
  orders: number;
  charges: number;
}

type Measure = 'checkout' | 'quote' | 'hold';

async function seed(services: AppServices): Promise<string[]> {
  const results = await services.catalog.upsertProducts(
    Array.from({ length: PRODUCTS }, (_, index) => ({
      handle: `bench-item-${index}`,
      title: { en: `Bench item ${index}` },
      categoryPath: ['Bench'],
      variants: [
        { sku: `BENCH-${index}`, optionValues: [], price: { amount: 50_000 + index * 100, currency: 'TWD' } },
      ],
    })),
  );
  const variantIds = results.flatMap((result) => result.product.variants.map((variant) => variant.id));
  const location = await services.inventory.defaultLocation();
  for (const variantId of variantIds) {
    await services.inventory.adjust({
      variantId,
      locationId: location.id,
      kind: 'receive',
      quantity: STOCK_EACH,
      actor: 'bench',
    });
  }
  const sample = sampleRuleSetDocument({
    socks: { categories: ['Socks'] },
    clearance: { tags: ['clearance'] },
  });
  await services.promotions.replacePolicies(sample.policies);
  await services.promotions.create({
    id: 'spend-and-save',
    name: 'Spend NT$1000, save NT$100',
    status: 'active',
    actions: [{ type: 'tiered', tiers: [{ minSubtotal: 100_000, amount: 10_000 }] }],
  });
  await services.settled();
  return variantIds;
}

function pick(variantIds: readonly string[], count: number): string[] {
  return Array.from(
    { length: count },
    () => variantIds[Math.floor(Math.random() * variantIds.length)] as string,
  );
}

async function shopperCheckout(services: AppServices, variantIds: readonly string[]): Promise<void> {
  const { cartId } = await services.cart.createCart({ email: 'bench@example.com' });
  for (const variantId of pick(variantIds, 2))
    await services.cart.addLine(cartId, { variantId, quantity: 1 });
  await services.cart.setShipping(cartId, { address, optionId: 'home-delivery' });
  await services.cart.startCheckout(cartId);
  const outcome = await services.cart.completeCheckout(cartId, {
    tenders: [{ type: 'card', token: 'pm_card_visa' }],
    idempotencyKey: `bench-${cartId}`,
  });
  if (outcome.status !== 'completed') throw new Error(`checkout ended ${outcome.status}`);
}

/** Runs `work` in `SHOPPERS` loops for `SECONDS`; returns completions per second. */
async function rate(work: () => Promise<void>): Promise<number> {
  const until = performance.now() + SECONDS * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SHOPPERS }, async () => {
      while (performance.now() < until) {
        await work();
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

async function measure(engine: string, store: Store): Promise<Result> {
  const config = { ...loadConfig({}), rateLimitPerMinute: 1_000_000 };
  const services = await createServices(config, { store, clock: systemClock });
  try {
    const variantIds = await seed(services);
    // A priced cart to quote again and again, as a shopper's page reloads do.
    const { cartId } = await services.cart.createCart({ email: 'bench@example.com' });
    for (const variantId of pick(variantIds, 2))
      await services.cart.addLine(cartId, { variantId, quantity: 1 });
    await services.cart.setShipping(cartId, { address, optionId: 'home-delivery' });
    const work: Record<Measure, () => Promise<void>> = {
      checkout: () => shopperCheckout(services, variantIds),
      quote: async () => {
        await services.cart.getCart(cartId);
      },
      hold: async () => {
        const reservation = await services.inventory.reserve({
          referenceType: 'bench',
          referenceId: randomBytes(6).toString('hex'),
          lines: pick(variantIds, 2).map((variantId) => ({ variantId, quantity: 1 })),
          ttlSeconds: 900,
        });
        await services.inventory.commit(reservation.id);
      },
    };
    await work.checkout();
    const rates: Record<Measure, number[]> = { checkout: [], quote: [], hold: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of ['checkout', 'quote', 'hold'] as const) rates[name].push(await rate(work[name]));
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const orders = await store.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const captured = await store.db
      .selectFrom('payments')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('status', '=', 'captured')
      .executeTakeFirstOrThrow();
    return {
      engine,
      checkouts: median(rates.checkout),
      quotes: median(rates.quote),
      holds: median(rates.hold),
      orders: Number(orders.count),
      charges: Number(captured.count),
    };
  } finally {
    await services.close();
  }
}

async function sqliteResult(): Promise<Result> {
  const directory = mkdtempSync(join(tmpdir(), 'aisle-bench-checkout-'));
  try {
    return await measure('SQLite (file)', await openStore(`sqlite:${join(directory, 'bench.db')}`));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function postgresResult(baseUrl: string): Promise<Result> {
  const schema = `bench_checkout_${randomBytes(5).toString('hex')}`;
  const url = new URL(baseUrl);
  url.searchParams.set('schema', schema);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    return await measure('PostgreSQL', await openStore(url.toString(), { poolSize: SHOPPERS + 2 }));
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

const fixed = (value: number) => value.toFixed(1);
const results = [await sqliteResult()];
const pgUrl = process.env.AISLE_BENCH_PG_URL ?? process.env.AISLE_TEST_PG_URL;
if (pgUrl) results.push(await postgresResult(pgUrl));
else console.log('PostgreSQL skipped: set AISLE_BENCH_PG_URL or AISLE_TEST_PG_URL to include it.\n');

console.log(`${SHOPPERS} concurrent shoppers, median of ${ROUNDS} rounds of ${SECONDS} s each.\n`);
console.log(
  '| engine | checkouts /s | quotes /s | holds (reserve+commit) /s | checkout ÷ quote | checkout ÷ hold | orders | captured charges |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.engine} | ${fixed(r.checkouts)} | ${fixed(r.quotes)} | ${fixed(r.holds)} | ${(r.checkouts / r.quotes).toFixed(3)} | ${(r.checkouts / r.holds).toFixed(3)} | ${r.orders} | ${r.charges} |`,
  );
}
const broken = results.filter((r) => r.orders !== r.charges);
if (broken.length > 0) {
  console.error(`orders and captured charges differ on ${broken.map((r) => r.engine).join(', ')}`);
  process.exit(1);
}
