/**
 * The shapes a feed import passes around: parsed products with the stock they carry, the issues
 * found on the way (always with the line of the file they come from), and the summary.
 */
import type { Executor, Tx } from '../../store/index.js';
import type { Product, ProductInput } from '../types.js';

export type FeedFormat = 'shopify' | 'gmc';

/** A row or product the import could not take, or a note about one it did take. */
export interface ImportIssue {
  /** 1-based line of the file where the offending row starts. */
  readonly line: number;
  readonly handle?: string;
  readonly reason: string;
  /** Stable machine-readable code, e.g. `missing_price`, `duplicate_sku`, `sku_taken`. */
  readonly code: string;
}

/** Stock a feed states for one variant: an absolute count on hand, or nothing to change. */
export interface VariantStock {
  /** Absolute quantity on hand; `null` when the feed does not say (leave stock as it is). */
  readonly quantity: number | null;
}

/** One product as read from a feed, ready to upsert. */
export interface FeedProduct {
  readonly input: ProductInput;
  /** Stock per variant, in the order of `input.variants`. */
  readonly stock: readonly VariantStock[];
  /** First line of the product's first row (for issues raised later, e.g. by the database). */
  readonly line: number;
  /** Data rows the product came from. */
  readonly rows: number;
}

export type FeedItem =
  | { readonly kind: 'product'; readonly product: FeedProduct }
  | { readonly kind: 'skipped'; readonly issue: ImportIssue; readonly rows: number };

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface UpsertResult {
  readonly product: Product;
  readonly outcome: UpsertOutcome;
}

/** What the import needs from the catalog service (its face satisfies this). */
export interface ImportCatalog {
  upsertProducts(
    inputs: readonly ProductInput[],
    options?: { afterAll?: (trx: Tx, results: readonly UpsertResult[]) => Promise<void> },
  ): Promise<readonly UpsertResult[]>;
  /** Lets strict mode find, before writing, a SKU another product already holds. */
  findVariantBySku(sku: string): Promise<{ readonly product: Pick<Product, 'handle'> } | null>;
}

/** What the import needs from the inventory service (its face satisfies this). */
export interface ImportInventory {
  defaultLocation(): Promise<{ readonly id: string }>;
  adjustMany(
    inputs: readonly {
      variantId: string;
      locationId: string;
      kind: 'count';
      quantity: number;
      reason: string;
      actor: string;
    }[],
    executor?: Executor,
  ): Promise<unknown>;
  /** Levels of the variants, read inside the import's transaction. */
  levels(
    variantIds: readonly string[],
    executor?: Executor,
  ): Promise<readonly { readonly variantId: string; readonly locationId: string; readonly onHand: number }[]>;
  /** Tells the search index which variants' stock the import changed, once committed. */
  announceChange(variantIds: readonly string[]): void;
}

export interface ImportProgress {
  /** Data rows read so far. */
  readonly rows: number;
  /** Bytes of the file read so far. */
  readonly bytes: number;
  /** Size of the file when known (a path or a buffer; not a plain stream). */
  readonly totalBytes?: number;
}

export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Products not imported because of a bad row or a database refusal. */
  readonly skipped: number;
  /** At most `maxIssues` of them; `errorCount` has the full count. */
  readonly errors: ImportIssue[];
  readonly errorCount: number;
  /** Notes that did not stop a product, such as a handle that appears twice in the file. */
  readonly warnings: ImportIssue[];
  /** True when strict mode found a bad row and therefore wrote nothing. */
  readonly rejected: boolean;
  /** Data rows read. */
  readonly rows: number;
  /** Products and variants written (created, updated or unchanged). */
  readonly products: number;
  readonly variants: number;
  readonly durationMs: number;
}
