/**
 * Feed import throughput and memory: generates a Shopify product CSV, imports it into a fresh
 * SQLite file, and compares with only parsing the same file with csv-parse. Runs a tenth of the
 * size first, so whether memory stays flat as the file grows is visible in one table.
 *
 *   npx tsx bench/import.ts [rows]     (default 100000)
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { importFeed } from '../src/catalog/import/index.js';
import { createCatalogService } from '../src/catalog/index.js';
import { systemClock } from '../src/core/index.js';
import { createInventoryService } from '../src/inventory/index.js';
import { openStore } from '../src/store/index.js';

const HEADER =
  'Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,' +
  'Variant SKU,Variant Grams,Variant Inventory Tracker,Variant Inventory Qty,Variant Price,Variant Compare At Price,' +
  'Variant Barcode,Image Src,Image Position,Image Alt Text,Cost per item,Status';
const SIZES = ['250 g', '500 g'];
const GRINDS = ['Whole bean', 'Pour-over'];
const ORIGINS = ['Ethiopia', 'Kenya', 'Colombia', 'Taiwan', 'Guatemala', 'Yunnan'];

/** Four variant rows per product: size × grind, the first one carrying the product fields. */
async function writeShopifyCsv(path: string, rows: number): Promise<{ products: number }> {
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await write(HEADER);
  let product = 0;
  for (let row = 0; row < rows; product++) {
    const handle = `coffee-${product}`;
    const origin = ORIGINS[product % ORIGINS.length]!;
    for (let variant = 0; variant < 4 && row < rows; variant++, row++) {
      const size = SIZES[variant >> 1]!;
      const grind = GRINDS[variant & 1]!;
      const price = `${(350 + (product % 40) * 10 + (variant >> 1) * 300).toFixed(2)}`;
      const fields =
        variant === 0
          ? [
              handle,
              `${origin} lot ${product}`,
              `"<p>Washed ${origin} coffee &amp; notes of citrus.</p><p>Roasted weekly.</p>"`,
              'Formosa Bean',
              '"Food, Beverages & Tobacco > Beverages > Coffee"',
              'Coffee beans',
              `"coffee, ${origin.toLowerCase()}"`,
              'TRUE',
              'Size',
              size,
              'Grind',
              grind,
            ]
          : [handle, '', '', '', '', '', '', '', '', size, '', grind];
      fields.push(
        `${handle}-${variant}`,
        SIZES[variant >> 1] === '250 g' ? '250' : '500',
        'shopify',
        String((product * 7 + variant) % 50),
        price,
        '',
        '',
        variant === 0 ? `https://cdn.example/${handle}.jpg` : '',
        variant === 0 ? '1' : '',
        '',
        '150.00',
        variant === 0 ? 'active' : '',
      );
      await write(fields.join(','));
    }
  }
  out.end();
  await once(out, 'finish');
  return { products: product };
}

async function parseOnly(path: string): Promise<number> {
  let records = 0;
  for await (const _record of createReadStream(path).pipe(parse({ bom: true, relax_column_count: true })))
    records++;
  return records;
}

function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

interface Measurement {
  rows: number;
  products: number;
  variants: number;
  megabytes: number;
  parseSeconds: number;
  importSeconds: number;
  peakRssMb: number;
}

async function measure(directory: string, rows: number): Promise<Measurement> {
  const csv = join(directory, `shopify-${rows}.csv`);
  await writeShopifyCsv(csv, rows);
  const { size } = await stat(csv);

  let started = performance.now();
  const parsed = await parseOnly(csv);
  const parseSeconds = (performance.now() - started) / 1000;
  if (parsed !== rows + 1) throw new Error(`parsed ${parsed} records, expected ${rows + 1}`);

  const store = await openStore(`sqlite:${join(directory, `bench-${rows}.db`)}`);
  const catalog = createCatalogService({ store, clock: systemClock });
  const inventory = createInventoryService({ store, clock: systemClock });
  const rss = sampleRss();
  started = performance.now();
  const summary = await importFeed({
    catalog,
    inventory,
    format: 'shopify',
    input: csv,
    currency: 'TWD',
    actor: 'bench',
  });
  const importSeconds = (performance.now() - started) / 1000;
  const peak = rss.stop();
  await store.close();
  if (summary.errorCount > 0 || summary.rows !== rows) {
    throw new Error(
      `import went wrong: ${JSON.stringify({ ...summary, errors: summary.errors.slice(0, 3) })}`,
    );
  }
  return {
    rows,
    products: summary.products,
    variants: summary.variants,
    megabytes: size / 1e6,
    parseSeconds,
    importSeconds,
    peakRssMb: peak / 1e6,
  };
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 100_000);
  if (!Number.isSafeInteger(rows) || rows < 10) throw new Error('rows must be a whole number of at least 10');
  const directory = await mkdtemp(join(tmpdir(), 'aisle-bench-import-'));
  try {
    const results = [];
    for (const size of [Math.round(rows / 10), rows]) results.push(await measure(directory, size));
    console.log(`Shopify CSV import into SQLite (file), batch 200, Node ${process.version}\n`);
    console.log(
      '| rows | products | variants | file MB | parse only s | import s | rows/s | import/parse | peak RSS MB |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(
        `| ${r.rows} | ${r.products} | ${r.variants} | ${r.megabytes.toFixed(1)} | ${r.parseSeconds.toFixed(2)} | ` +
          `${r.importSeconds.toFixed(2)} | ${Math.round(r.rows / r.importSeconds)} | ` +
          `${(r.importSeconds / r.parseSeconds).toFixed(1)}× | ${Math.round(r.peakRssMb)} |`,
      );
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

await main();
