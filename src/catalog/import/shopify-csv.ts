/**
 * Reads a Shopify product CSV (current or legacy export) as a stream of products. Shopify writes
 * the rows of one handle next to each other, so a product is complete as soon as the handle
 * changes: memory holds one product's rows, whatever the size of the file.
 */
import type { Readable } from 'node:stream';
import { readCsvRecords } from './csv-records.js';
import { mapShopifyColumns, type ShopifyColumns } from './shopify-columns.js';
import { buildShopifyProduct, type ShopifyProductOptions, type ShopifyRow } from './shopify-product.js';
import type { FeedItem } from './types.js';

export interface ShopifyCsvOptions extends ShopifyProductOptions {
  /** Called after each data row with the count so far. */
  readonly onRow?: (rows: number) => void;
}

function finish(
  handle: string,
  rows: ShopifyRow[],
  columns: ShopifyColumns,
  options: ShopifyCsvOptions,
): FeedItem {
  const built = buildShopifyProduct(handle, rows, columns, options);
  if (!built.ok) {
    return {
      kind: 'skipped',
      issue: { line: built.line, handle, code: built.code, reason: built.reason },
      rows: rows.length,
    };
  }
  return {
    kind: 'product',
    product: { input: built.input, stock: built.stock, line: rows[0]!.line, rows: rows.length },
  };
}

export async function* parseShopifyCsv(
  stream: Readable,
  options: ShopifyCsvOptions,
): AsyncGenerator<FeedItem> {
  let columns: ShopifyColumns | undefined;
  let handle = '';
  let rows: ShopifyRow[] = [];
  let count = 0;
  // Reported after the product being read, so issues come out in line order.
  let pending: FeedItem[] = [];
  for await (const record of readCsvRecords(stream)) {
    if (columns === undefined) {
      columns = mapShopifyColumns(record.cells);
      continue;
    }
    options.onRow?.(++count);
    const rowHandle = (record.cells[columns.handle] ?? '').trim();
    if (rowHandle === '') {
      const issue = { line: record.line, code: 'missing_handle', reason: 'the row has no Handle' };
      pending.push({ kind: 'skipped', issue, rows: 1 });
      continue;
    }
    if (rowHandle !== handle && rows.length > 0) {
      yield finish(handle, rows, columns, options);
      yield* pending;
      rows = [];
      pending = [];
    }
    handle = rowHandle;
    rows.push(record);
  }
  if (columns !== undefined && rows.length > 0) yield finish(handle, rows, columns, options);
  yield* pending;
}
