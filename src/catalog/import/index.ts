/**
 * Merchant feed imports: Shopify product CSV (current and legacy exports) and Google Merchant
 * Center feeds (TSV, RSS 2.0 or Atom XML), streamed into the catalog with their stock.
 */
export { FeedFormatError } from './errors.js';
export type { FeedInput } from './feed-source.js';
export { parseGmcFeed } from './gmc-feed.js';
export { htmlToText } from './html-to-text.js';
export { type ImportFeedOptions, importFeed } from './import-feed.js';
export { readFeed } from './read-feed.js';
export { parseShopifyCsv } from './shopify-csv.js';
export type {
  FeedFormat,
  FeedItem,
  FeedProduct,
  ImportCatalog,
  ImportInventory,
  ImportIssue,
  ImportProgress,
  ImportSummary,
  VariantStock,
} from './types.js';
