/**
 * Rules-brain understanding: accuracy on the labelled English and Chinese utterances (both
 * splits, per language and catalog) and the time it takes, per utterance and to build the
 * catalog vocabulary at 1,000 and 100,000 variants.
 *
 *   npx tsx bench/nlu.ts
 */
import { cpus, loadavg } from 'node:os';
import {
  demoCatalogProducts,
  demoCatalogSynonyms,
  evaluationCatalogs,
  readUtterances,
} from '../src/assistant/nlu/eval/evaluation-catalogs.js';
import { buildVocabulary, evaluateNlu, formatNluReport, understand } from '../src/assistant/nlu/index.js';
import type { Product } from '../src/catalog/types.js';

const LATENCY_ROUNDS = 20;

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

function milliseconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The demo catalog copied under new ids, brands and model names until it holds `variants`. */
function scaledCatalog(base: readonly Product[], variants: number): Product[] {
  const products: Product[] = [];
  let count = 0;
  for (let copy = 0; count < variants; copy += 1) {
    for (const product of base) {
      if (count >= variants) break;
      const id = `${product.id}_${copy}`;
      products.push({
        ...product,
        id,
        handle: `${product.handle}-${copy}`,
        brand: copy === 0 ? product.brand : `${product.brand ?? 'House'} ${copy}`,
        title: Object.fromEntries(
          Object.entries(product.title).map(([locale, title]) => [locale, `M${copy} ${title}`]),
        ),
        variants: product.variants.map((variant) => ({
          ...variant,
          id: `${variant.id}_${copy}`,
          productId: id,
        })),
      });
      count += product.variants.length;
    }
  }
  return products;
}

/** CPU time of this process since `since`: on a busy machine it stays near the work done. */
function cpuMilliseconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function variantCount(products: readonly Product[]): number {
  return products.reduce((sum, product) => sum + product.variants.length, 0);
}

async function main(): Promise<void> {
  const utterances = readUtterances();
  const catalogs = await evaluationCatalogs();
  const lines: string[] = [
    `## Understanding (rules brain) — ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    '',
  ];
  for (const split of ['dev', 'test'] as const) {
    const set = utterances.filter((utterance) => utterance.split === split);
    lines.push(formatNluReport(`${split} split (${set.length} utterances)`, evaluateNlu(set, catalogs)));
  }

  const timings: number[] = [];
  const byUtterance = utterances.map((): number[] => []);
  for (let round = 0; round < LATENCY_ROUNDS; round += 1) {
    utterances.forEach((utterance, index) => {
      const catalog = catalogs[utterance.catalog]!;
      const start = process.hrtime.bigint();
      understand(utterance.text, { vocabulary: catalog.vocabulary, currency: catalog.currency });
      if (round === 0) return;
      const elapsed = milliseconds(start);
      timings.push(elapsed);
      byUtterance[index]!.push(elapsed);
    });
  }
  timings.sort((a, b) => a - b);
  // Each utterance's median over the rounds: what the text costs, without the scheduler's pauses.
  const medians = byUtterance
    .map((samples) =>
      percentile(
        [...samples].sort((a, b) => a - b),
        0.5,
      ),
    )
    .sort((a, b) => a - b);
  lines.push(
    '### Latency per utterance',
    '',
    '| measure | samples | p50 | p99 | max |',
    '|---|---:|---:|---:|---:|',
    `| every call | ${timings.length} | ${percentile(timings, 0.5).toFixed(3)} ms | ${percentile(timings, 0.99).toFixed(3)} ms | ${(timings.at(-1) ?? 0).toFixed(3)} ms |`,
    `| median per utterance | ${medians.length} | ${percentile(medians, 0.5).toFixed(3)} ms | ${percentile(medians, 0.99).toFixed(3)} ms | ${(medians.at(-1) ?? 0).toFixed(3)} ms |`,
    `| load average (1 min) | ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores | | | |`,
    '',
  );

  const base = demoCatalogProducts();
  const synonyms = demoCatalogSynonyms();
  lines.push(
    '### Vocabulary',
    '',
    '| catalog | products | variants | full build (wall / cpu) | phrases | one product upserted, mean of 1,000 (wall / cpu) | heap growth |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const target of [1_000, 100_000]) {
    const products = scaledCatalog(base, target);
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = process.hrtime.bigint();
    const buildCpu = process.cpuUsage();
    const vocabulary = buildVocabulary(products, { synonyms });
    const build = milliseconds(start);
    const buildCpuMs = cpuMilliseconds(buildCpu);
    const heap = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576;
    const upsertStart = process.hrtime.bigint();
    const upsertCpu = process.cpuUsage();
    for (let index = 0; index < 1_000; index += 1) {
      const product = products[index % products.length]!;
      vocabulary.upsert({ ...product, tags: [...product.tags, `batch-${index % 7}`] });
    }
    const upsert = milliseconds(upsertStart) / 1_000;
    const upsertCpuMs = cpuMilliseconds(upsertCpu) / 1_000;
    lines.push(
      `| demo ×${Math.ceil(target / variantCount(base))} | ${products.length} | ${variantCount(products)} | ${build.toFixed(0)} / ${buildCpuMs.toFixed(0)} ms | ${vocabulary.phraseCount} | ${(upsert * 1000).toFixed(0)} / ${(upsertCpuMs * 1000).toFixed(0)} µs | ${heap.toFixed(1)} MB |`,
    );
  }
  lines.push('');
  console.log(lines.join('\n'));
}

await main();
