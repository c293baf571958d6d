/**
 * Reads a Merchant Center feed (TSV or XML, told apart by the first character) as products.
 * Items of one item_group_id may be far apart in the file, so groups are held in memory until the
 * end (about a kilobyte per item); items without a group are emitted as soon as they are read.
 */
import { Readable } from 'node:stream';
import { buildGmcProduct, type GmcProductOptions } from './gmc-product.js';
import { firstValue, type GmcRecord } from './gmc-record.js';
import { readGmcTsv } from './gmc-tsv.js';
import { readGmcXml } from './gmc-xml.js';
import type { FeedItem } from './types.js';

export interface GmcFeedOptions extends GmcProductOptions {
  readonly onRow?: (rows: number) => void;
}

/** Looks at the first bytes, puts them back, and says whether the feed is XML. */
async function sniffXml(stream: Readable): Promise<{ xml: boolean; stream: Readable }> {
  const iterator: AsyncIterator<Buffer | string> = stream[Symbol.asyncIterator]();
  const head: (Buffer | string)[] = [];
  let text = '';
  while (text.trim() === '') {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    text += typeof next.value === 'string' ? next.value.slice(0, 64) : next.value.toString('utf8', 0, 64);
  }
  async function* replay() {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return {
    xml: text
      .replace(/^\ufeff/, '')
      .trimStart()
      .startsWith('<'),
    stream: Readable.from(replay(), { objectMode: false }),
  };
}

function finish(handle: string, records: readonly GmcRecord[], options: GmcFeedOptions): FeedItem {
  const built = buildGmcProduct(handle, records, options);
  if (!built.ok) {
    return {
      kind: 'skipped',
      issue: { line: built.line, handle, code: built.code, reason: built.reason },
      rows: records.length,
    };
  }
  return {
    kind: 'product',
    product: { input: built.input, stock: built.stock, line: records[0]!.line, rows: records.length },
  };
}

export async function* parseGmcFeed(source: Readable, options: GmcFeedOptions): AsyncGenerator<FeedItem> {
  const { xml, stream } = await sniffXml(source);
  const groups = new Map<string, GmcRecord[]>();
  let count = 0;
  for await (const record of xml ? readGmcXml(stream) : readGmcTsv(stream)) {
    options.onRow?.(++count);
    const group = firstValue(record, 'item_group_id');
    const id = firstValue(record, 'id');
    if (group === '') {
      if (id === '') {
        yield {
          kind: 'skipped',
          issue: { line: record.line, code: 'missing_id', reason: 'the item has no id' },
          rows: 1,
        };
      } else {
        yield finish(id, [record], options);
      }
      continue;
    }
    const members = groups.get(group);
    if (members === undefined) groups.set(group, [record]);
    else members.push(record);
  }
  for (const [group, records] of groups) {
    groups.delete(group);
    yield finish(group, records, options);
  }
}
