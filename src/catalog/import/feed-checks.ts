/**
 * Checks that need the whole file rather than one product: a SKU used by two products, a handle
 * that comes back after other products, and the catalog's own validation run before any
 * database work, so a bad product is reported with its line instead of failing a batch.
 */
import { inspectProductInput } from '../normalize-product-input.js';
import type { FeedItem, FeedProduct, ImportIssue } from './types.js';

export class FeedChecks {
  // Kept for the whole file, so kept small: a SKU maps to the line of the group holding it (a
  // small integer, stored inline), and that line to its handle; a 100k-SKU feed costs ~5 MB.
  private readonly skuLines = new Map<string, number>();
  private readonly handlesByLine = new Map<number, string>();
  private readonly handleLines = new Map<string, number>();

  /** The item to import: the product as read, or a skip explaining why it cannot be. */
  check(product: FeedProduct): { item: FeedItem; warning?: ImportIssue } {
    const { input, line } = product;
    const handle = input.handle;
    const skip = (code: string, reason: string): { item: FeedItem } => ({
      item: { kind: 'skipped', issue: { line, handle, code, reason }, rows: product.rows },
    });
    const { issues } = inspectProductInput(input);
    const first = issues[0];
    if (first !== undefined) return skip('invalid_product', `${first.path}: ${first.message}`);
    for (const variant of input.variants) {
      const ownerLine = variant.sku ? this.skuLines.get(variant.sku) : undefined;
      const owner = ownerLine === undefined ? undefined : this.handlesByLine.get(ownerLine);
      if (owner !== undefined && owner !== handle) {
        return skip('duplicate_sku', `SKU ${variant.sku} is already used by "${owner}" (line ${ownerLine})`);
      }
    }
    this.handlesByLine.set(line, handle);
    for (const variant of input.variants) if (variant.sku) this.skuLines.set(variant.sku, line);
    const earlier = this.handleLines.get(handle);
    this.handleLines.set(handle, line);
    const item: FeedItem = { kind: 'product', product };
    if (earlier === undefined) return { item };
    const reason = `"${handle}" appeared before at line ${earlier}; this later group replaces it`;
    return { item, warning: { line, handle, code: 'handle_repeated', reason } };
  }
}
