import type { Readable } from 'node:stream';
import { parseGmcFeed } from './gmc-feed.js';
import { parseShopifyCsv } from './shopify-csv.js';
import type { FeedFormat, FeedItem } from './types.js';

export interface ReadFeedOptions {
  readonly currency: string;
  readonly locale: string;
  readonly onRow?: (rows: number) => void;
}

/** The products of a feed in either format, in file order (Merchant Center groups at the end). */
export function readFeed(
  format: FeedFormat,
  stream: Readable,
  options: ReadFeedOptions,
): AsyncGenerator<FeedItem> {
  return format === 'shopify' ? parseShopifyCsv(stream, options) : parseGmcFeed(stream, options);
}
