/**
 * Imports a merchant feed into the catalog and inventory: rows become products, products are
 * upserted in batches, and each batch's stock is set in the transaction that writes its products.
 * Bad rows are reported with their line and the rest imports; strict mode reads the whole file
 * first and writes nothing when any row is bad. Re-importing a file updates what changed and reports the rest as
 * unchanged.
 */
import { AisleError, type Clock, systemClock } from '../../core/index.js';
import { applyFeedStock, type StockTarget } from './apply-stock.js';
import { FeedFormatError } from './errors.js';
import { FeedChecks } from './feed-checks.js';
import { countBytes, type FeedInput, type FeedSource, openFeedSource } from './feed-source.js';
import { readFeed } from './read-feed.js';
import type {
  FeedFormat,
  FeedItem,
  FeedProduct,
  ImportCatalog,
  ImportInventory,
  ImportIssue,
  ImportProgress,
  ImportSummary,
  UpsertResult,
} from './types.js';

export interface ImportFeedOptions {
  readonly catalog: ImportCatalog;
  readonly inventory: ImportInventory;
  readonly format: FeedFormat;
  /** A file path, an uploaded body, or a stream (read once, or spooled to disk in strict mode). */
  readonly input: FeedInput;
  /** ISO 4217 code for prices that carry none (all Shopify prices). */
  readonly currency: string;
  /** Language of titles and descriptions (default `en`). */
  readonly locale?: string;
  /** Import nothing when any row is bad (default false). */
  readonly strict?: boolean;
  /** Products per transaction (default 200). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Who imports, recorded in the stock ledger: `cli`, `admin-api`, a user id. */
  readonly actor: string;
  readonly clock?: Clock;
  /** Issues kept in the summary (default 1000); `errorCount` counts them all. */
  readonly maxIssues?: number;
}

const PROGRESS_EVERY_ROWS = 250;

class Tally {
  created = 0;
  updated = 0;
  unchanged = 0;
  skipped = 0;
  rows = 0;
  products = 0;
  variants = 0;
  errorCount = 0;
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];

  constructor(private readonly maxIssues: number) {}

  error(issue: ImportIssue): void {
    this.errorCount += 1;
    if (this.errors.length < this.maxIssues) this.errors.push(issue);
  }

  warn(issue: ImportIssue): void {
    if (this.warnings.length < this.maxIssues) this.warnings.push(issue);
  }

  written(result: UpsertResult): void {
    this[result.outcome] += 1;
    this.products += 1;
    this.variants += result.product.variants.length;
  }

  summary(startedAt: number, clock: Clock, rejected: boolean): ImportSummary {
    const written = !rejected;
    return {
      created: written ? this.created : 0,
      updated: written ? this.updated : 0,
      unchanged: written ? this.unchanged : 0,
      skipped: this.skipped,
      errors: this.errors,
      errorCount: this.errorCount,
      warnings: this.warnings,
      rejected,
      rows: this.rows,
      products: written ? this.products : 0,
      variants: written ? this.variants : 0,
      durationMs: clock.now() - startedAt,
    };
  }
}

/** Feed items after the whole-file checks, with a malformed file turned into an issue once rows were read. */
async function* checkedItems(
  source: FeedSource,
  options: ImportFeedOptions,
  onRow: (rows: number) => void,
  onBytes: (bytes: number) => void,
): AsyncGenerator<{ item: FeedItem; warning?: ImportIssue }> {
  const checks = new FeedChecks();
  const raw = source.open();
  const stream = raw.pipe(countBytes(onBytes));
  raw.on('error', (error) => stream.destroy(error));
  try {
    for await (const item of readFeed(options.format, stream, {
      currency: options.currency,
      locale: options.locale ?? 'en',
      onRow,
    })) {
      yield item.kind === 'product' ? checks.check(item.product) : { item };
    }
  } catch (error) {
    // A file that is not this format at all (its header is wrong) is the caller's mistake; one
    // that breaks further down is reported like a bad row, after the products read before it.
    if (!(error instanceof FeedFormatError) || error.line === undefined || error.line <= 1) throw error;
    const issue = { line: error.line, code: error.code, reason: error.message };
    yield { item: { kind: 'skipped', issue, rows: 0 } };
  } finally {
    // A reader that stops early (strict mode at its first bad row) must not leave the file open.
    raw.destroy();
  }
}

/** The first variant SKU of `product` that another product in the catalog already holds. */
async function skuTakenIssue(catalog: ImportCatalog, product: FeedProduct): Promise<ImportIssue | undefined> {
  for (const variant of product.input.variants) {
    if (!variant.sku) continue;
    const holder = await catalog.findVariantBySku(variant.sku);
    if (holder !== null && holder.product.handle !== product.input.handle) {
      const reason = `SKU ${variant.sku} belongs to product "${holder.product.handle}" in the catalog`;
      return { line: product.line, handle: product.input.handle, code: 'sku_taken', reason };
    }
  }
  return undefined;
}

/**
 * Reads the whole feed without writing: the first bad row, if any. Besides the file's own
 * problems it looks up each SKU, because a SKU held by another product is the refusal a batch
 * would otherwise meet halfway through the import.
 */
async function firstBadRow(source: FeedSource, options: ImportFeedOptions): Promise<ImportIssue | undefined> {
  for await (const { item } of checkedItems(
    source,
    options,
    () => {},
    () => {},
  )) {
    if (item.kind === 'skipped') return item.issue;
    const taken = await skuTakenIssue(options.catalog, item.product);
    if (taken !== undefined) return taken;
  }
  return undefined;
}

export async function importFeed(options: ImportFeedOptions): Promise<ImportSummary> {
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now();
  const strict = options.strict ?? false;
  const batchSize = Math.max(1, options.batchSize ?? 200);
  const tally = new Tally(options.maxIssues ?? 1000);
  const source = await openFeedSource(options.input, { rereadable: strict });
  try {
    if (strict) {
      const issue = await firstBadRow(source, options);
      if (issue !== undefined) {
        tally.error(issue);
        return tally.summary(startedAt, clock, true);
      }
    }
    let bytes = 0;
    const progress = () =>
      options.onProgress?.({
        rows: tally.rows,
        bytes,
        ...(source.totalBytes === undefined ? {} : { totalBytes: source.totalBytes }),
      });
    let target: StockTarget | undefined;
    const stockTarget = async (): Promise<StockTarget> => {
      target ??= {
        inventory: options.inventory,
        locationId: (await options.inventory.defaultLocation()).id,
        actor: options.actor,
      };
      return target;
    };

    const upsert = async (products: readonly FeedProduct[]): Promise<void> => {
      const stock = await stockTarget();
      let changedStock: readonly string[] = [];
      const results = await options.catalog.upsertProducts(
        products.map((product) => product.input),
        {
          afterAll: async (trx, written) => {
            const pairs = written.map((result, index) => ({ result, product: products[index]! }));
            changedStock = await applyFeedStock(trx, pairs, stock);
          },
        },
      );
      for (const result of results) tally.written(result);
      if (changedStock.length > 0) options.inventory.announceChange(changedStock);
    };

    const writeBatch = async (batch: readonly FeedProduct[]): Promise<void> => {
      try {
        await upsert(batch);
        return;
      } catch (error) {
        if (!AisleError.isInstance(error)) throw error;
        if (batch.length === 1) {
          tally.skipped += 1;
          tally.error({
            line: batch[0]!.line,
            handle: batch[0]!.input.handle,
            code: error.code,
            reason: error.message,
          });
          return;
        }
      }
      // The batch rolled back as a whole: one by one, to find the product the database refused.
      for (const product of batch) await writeBatch([product]);
    };

    let batch: FeedProduct[] = [];
    const onRow = (rows: number) => {
      tally.rows = rows;
      if (rows % PROGRESS_EVERY_ROWS === 0) progress();
    };
    for await (const { item, warning } of checkedItems(source, options, onRow, (total) => {
      bytes = total;
    })) {
      if (warning !== undefined) tally.warn(warning);
      if (item.kind === 'skipped') {
        tally.skipped += 1;
        tally.error(item.issue);
      } else {
        batch.push(item.product);
        if (batch.length >= batchSize) {
          await writeBatch(batch);
          batch = [];
        }
      }
    }
    if (batch.length > 0) await writeBatch(batch);
    progress();
    return tally.summary(startedAt, clock, false);
  } finally {
    await source.dispose();
  }
}
