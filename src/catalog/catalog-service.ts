/**
 * The catalog: products and their variants, kept in the store. Upserts are keyed by the
 * merchant's handle and run as one transaction per call; listeners hear about changes only once
 * they are committed, so a search index never shows a product that was rolled back.
 */
import {
  type Clock,
  ConflictError,
  type Logger,
  NotFoundError,
  newId,
  silentLogger,
  ValidationError,
} from '../core/index.js';
import type { Executor, Store, Tx } from '../store/index.js';
import { isProductStatus, normalizeProductInput } from './normalize-product-input.js';
import { planProductUpsert, type UpsertOutcome, type UpsertPlan } from './plan-product-upsert.js';
import type { ProductContent } from './product-content.js';
import { type ProductRow, productFromRows, productRow, type VariantRow, variantRow } from './product-rows.js';
import type { Product, ProductInput, ProductStatus, Variant } from './types.js';

export type { UpsertOutcome };

export interface UpsertResult {
  product: Product;
  outcome: UpsertOutcome;
}

/**
 * Work that runs in the upsert's transaction, so it commits or rolls back with the products
 * (imports set stock here). A retried transaction runs the hooks again.
 */
export interface UpsertHooks {
  /** After each product is written. */
  afterEach?: (trx: Tx, result: UpsertResult, input: ProductInput) => Promise<void>;
  /** Once, after every product is written; results are in input order. */
  afterAll?: (trx: Tx, results: readonly UpsertResult[]) => Promise<void>;
}

export interface CatalogChange {
  type: 'product-upserted' | 'product-removed';
  productId: string;
}

export interface CatalogService {
  /** Upserts by handle, all inputs in ONE transaction; variants matched by SKU, else by option values;
   *  variants missing from the input are removed. Change events fire only after commit. */
  upsertProducts(inputs: readonly ProductInput[], options?: UpsertHooks): Promise<UpsertResult[]>;
  /** Throws NotFoundError('product', id) when there is no such product. */
  getProduct(id: string): Promise<Product>;
  findProductByHandle(handle: string): Promise<Product | null>;
  /** In the order given; ids without a product are skipped. */
  getProducts(ids: readonly string[]): Promise<Product[]>;
  findVariants(variantIds: readonly string[]): Promise<Map<string, { product: Product; variant: Variant }>>;
  findVariantBySku(sku: string): Promise<{ product: Product; variant: Variant } | null>;
  /** Keyset pages in id order; `limit` 1..200, default 50. */
  listProducts(options?: {
    limit?: number;
    cursor?: string | null;
    status?: ProductStatus;
  }): Promise<{ items: Product[]; nextCursor: string | null }>;
  /** Every product, streamed in pages (for building the search index and vocabularies). */
  allProducts(pageSize?: number): AsyncIterable<Product>;
  setStatus(productId: string, status: ProductStatus): Promise<Product>;
  /** Hard delete of the product and its variants. */
  removeProduct(productId: string): Promise<void>;
  /** Returns the unsubscribe function. */
  onChange(listener: (change: CatalogChange) => void): () => void;
  count(): Promise<{ products: number; variants: number }>;
}

export interface CatalogServiceDependencies {
  readonly store: Store;
  readonly clock: Clock;
  /** Where failing change listeners are reported. */
  readonly logger?: Logger;
}

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;
const DEFAULT_STREAM_PAGE = 500;
/** Keeps IN lists and multi-row inserts well under both engines' bound-parameter limits. */
const CHUNK = 500;
const VARIANT_INSERT_CHUNK = 200;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (id === '' || encodeCursor(id) !== cursor) {
    throw new ValidationError('the page cursor is not one this catalog issued', { cursor }, 'invalid_cursor');
  }
  return id;
}

function checkStatus(status: unknown): ProductStatus {
  if (!isProductStatus(status)) {
    throw new ValidationError(`"${String(status)}" is not a product status`, { status }, 'invalid_status');
  }
  return status;
}

/**
 * A concurrent writer got there first: it inserted the same handle or SKU (a unique violation),
 * or PostgreSQL broke a deadlock between two batches. A fresh transaction sees its commit.
 */
const RETRYABLE_CODES = new Set(['23505', '40P01', 'SQLITE_CONSTRAINT_UNIQUE']);

function lostToConcurrentWriter(error: unknown): boolean {
  return RETRYABLE_CODES.has(String((error as { code?: unknown } | null)?.code));
}

function withoutSku(product: Product, sku: string): Product {
  return {
    ...product,
    variants: product.variants.map((variant) => (variant.sku === sku ? { ...variant, sku: null } : variant)),
  };
}

export function createCatalogService({
  store,
  clock,
  logger = silentLogger,
}: CatalogServiceDependencies): CatalogService {
  const listeners = new Set<(change: CatalogChange) => void>();

  function emit(changes: readonly CatalogChange[]): void {
    for (const change of changes) {
      for (const listener of listeners) {
        try {
          listener(change);
        } catch (error) {
          logger.warn({ err: error, change }, 'a catalog change listener failed');
        }
      }
    }
  }

  async function variantRowsFor(
    executor: Executor,
    productIds: readonly string[],
  ): Promise<Map<string, VariantRow[]>> {
    const byProduct = new Map<string, VariantRow[]>(productIds.map((id) => [id, []]));
    for (const ids of chunks(productIds, CHUNK)) {
      const rows = await executor
        .selectFrom('variants')
        .selectAll()
        .where('product_id', 'in', ids)
        .orderBy('product_id')
        .orderBy('position')
        .execute();
      for (const row of rows) byProduct.get(row.product_id)?.push(row);
    }
    return byProduct;
  }

  /** Products for rows, with all their variants loaded in one query per chunk. */
  async function withVariants(executor: Executor, rows: readonly ProductRow[]): Promise<Product[]> {
    if (rows.length === 0) return [];
    const variants = await variantRowsFor(
      executor,
      rows.map((row) => row.id),
    );
    return rows.map((row) => productFromRows(row, variants.get(row.id) ?? []));
  }

  async function productsById(executor: Executor, ids: readonly string[]): Promise<Map<string, Product>> {
    const unique = [...new Set(ids)];
    const rows: ProductRow[] = [];
    for (const chunk of chunks(unique, CHUNK)) {
      rows.push(...(await executor.selectFrom('products').selectAll().where('id', 'in', chunk).execute()));
    }
    const products = await withVariants(executor, rows);
    return new Map(products.map((product) => [product.id, product]));
  }

  /** The chat hot path: both reads go out at once, so on PostgreSQL it costs one round trip. */
  async function findById(executor: Executor, id: string): Promise<Product | null> {
    const [row, variants] = await Promise.all([
      executor.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst(),
      executor.selectFrom('variants').selectAll().where('product_id', '=', id).orderBy('position').execute(),
    ]);
    return row === undefined ? null : productFromRows(row, variants);
  }

  /** Stored products by handle; on PostgreSQL their rows stay locked until commit. */
  async function productsForUpdate(trx: Tx, handles: readonly string[]): Promise<Map<string, Product>> {
    const rows: ProductRow[] = [];
    for (const chunk of chunks([...new Set(handles)], CHUNK)) {
      const found = await trx
        .selectFrom('products')
        .selectAll()
        .where('handle', 'in', chunk)
        .$if(store.engine === 'postgres', (query) => query.forUpdate())
        .execute();
      rows.push(...found);
    }
    const products = await withVariants(trx, rows);
    return new Map(products.map((product) => [product.handle, product]));
  }

  async function skuOwners(
    trx: Tx,
    skus: readonly string[],
  ): Promise<Map<string, { productId: string; handle: string }>> {
    const owners = new Map<string, { productId: string; handle: string }>();
    for (const chunk of chunks([...new Set(skus)], CHUNK)) {
      const rows = await trx
        .selectFrom('variants')
        .innerJoin('products', 'products.id', 'variants.product_id')
        .select(['variants.sku', 'variants.product_id', 'products.handle'])
        .where('variants.sku', 'in', chunk)
        .execute();
      for (const row of rows) {
        if (row.sku !== null) owners.set(row.sku, { productId: row.product_id, handle: row.handle });
      }
    }
    return owners;
  }

  async function applyPlan(trx: Tx, plan: UpsertPlan, now: number): Promise<void> {
    for (const ids of chunks(plan.deleteVariantIds, CHUNK)) {
      await trx.deleteFrom('variants').where('id', 'in', ids).execute();
    }
    const { id, created_at: _createdAt, ...changes } = productRow(plan.product);
    if (plan.productWrite === 'insert')
      await trx.insertInto('products').values(productRow(plan.product)).execute();
    if (plan.productWrite === 'update')
      await trx.updateTable('products').set(changes).where('id', '=', id).execute();
    for (const variant of plan.updateVariants) {
      const {
        id: variantId,
        created_at: _variantCreatedAt,
        ...row
      } = variantRow(variant, {
        createdAt: now,
        updatedAt: now,
      });
      await trx.updateTable('variants').set(row).where('id', '=', variantId).execute();
    }
    for (const batch of chunks(plan.insertVariants, VARIANT_INSERT_CHUNK)) {
      await trx
        .insertInto('variants')
        .values(batch.map((variant) => variantRow(variant, { createdAt: now, updatedAt: now })))
        .execute();
    }
  }

  async function upsertInTransaction(
    contents: readonly ProductContent[],
    inputs: readonly ProductInput[],
    { afterEach, afterAll }: UpsertHooks,
  ): Promise<UpsertResult[]> {
    return store.transaction(async (trx) => {
      const now = clock.now();
      const stored = await productsForUpdate(
        trx,
        contents.map((content) => content.handle),
      );
      const owners = await skuOwners(
        trx,
        contents.flatMap((content) =>
          content.variants.flatMap((variant) => (variant.sku === null ? [] : [variant.sku])),
        ),
      );
      // What each handle of the batch will hold once written; the last input of a handle wins.
      const skusAfterBatch = new Map(
        contents.map((content) => [content.handle, new Set(content.variants.map((variant) => variant.sku))]),
      );
      const results: UpsertResult[] = [];
      for (const [index, content] of contents.entries()) {
        for (const { sku } of content.variants) {
          const owner = sku === null ? undefined : owners.get(sku);
          if (sku === null || owner === undefined || owner.productId === stored.get(content.handle)?.id)
            continue;
          if (skusAfterBatch.get(owner.handle)?.has(sku) ?? true) {
            throw new ConflictError(
              'sku_taken',
              `SKU "${sku}" already belongs to product "${owner.handle}"`,
              {
                sku,
                handle: owner.handle,
                productHandle: content.handle,
              },
            );
          }
          // The owner comes later in this batch without the SKU: it gives it up now, so a feed that
          // moves a SKU between products imports the same whatever the order of its rows.
          await trx.updateTable('variants').set({ sku: null }).where('sku', '=', sku).execute();
          const ownerProduct = stored.get(owner.handle);
          if (ownerProduct !== undefined) stored.set(owner.handle, withoutSku(ownerProduct, sku));
          owners.delete(sku);
        }
        const existing = stored.get(content.handle);
        const plan = planProductUpsert(existing, content, {
          now,
          newProductId: () => newId('prod', now),
          newVariantId: () => newId('var', now),
        });
        await applyPlan(trx, plan, now);
        stored.set(content.handle, plan.product);
        for (const variant of existing?.variants ?? []) if (variant.sku !== null) owners.delete(variant.sku);
        for (const variant of plan.product.variants) {
          if (variant.sku !== null)
            owners.set(variant.sku, { productId: plan.product.id, handle: content.handle });
        }
        const result: UpsertResult = { product: plan.product, outcome: plan.outcome };
        const input = inputs[index];
        if (afterEach !== undefined && input !== undefined) await afterEach(trx, result, input);
        results.push(result);
      }
      if (afterAll !== undefined) await afterAll(trx, results);
      return results;
    });
  }

  async function readPage(
    after: string | null,
    limit: number,
    status: ProductStatus | undefined,
  ): Promise<{ items: Product[]; nextCursor: string | null }> {
    const rows = await store.db
      .selectFrom('products')
      .selectAll()
      .$if(after !== null, (query) => query.where('id', '>', after ?? ''))
      .$if(status !== undefined, (query) => query.where('status', '=', status ?? 'active'))
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: await withVariants(store.db, page),
      nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last.id) : null,
    };
  }

  return {
    async upsertProducts(inputs, options = {}) {
      // Every input is checked before the transaction opens: a bad row costs no database work.
      const contents = inputs.map((input) => normalizeProductInput(input));
      if (contents.length === 0) return [];
      let results: UpsertResult[];
      try {
        results = await upsertInTransaction(contents, inputs, options);
      } catch (error) {
        if (!lostToConcurrentWriter(error)) throw error;
        results = await upsertInTransaction(contents, inputs, options);
      }
      const changed = new Set(
        results.filter((result) => result.outcome !== 'unchanged').map((result) => result.product.id),
      );
      emit([...changed].map((productId) => ({ type: 'product-upserted', productId })));
      return results;
    },

    async getProduct(id) {
      const product = await findById(store.db, id);
      if (product === null) throw new NotFoundError('product', id);
      return product;
    },

    async findProductByHandle(handle) {
      const row = await store.db
        .selectFrom('products')
        .selectAll()
        .where('handle', '=', handle.normalize('NFC').trim())
        .executeTakeFirst();
      if (row === undefined) return null;
      const [product] = await withVariants(store.db, [row]);
      return product ?? null;
    },

    async getProducts(ids) {
      const found = await productsById(store.db, ids);
      return ids.flatMap((id) => {
        const product = found.get(id);
        return product === undefined ? [] : [product];
      });
    },

    async findVariants(variantIds) {
      const owners = new Map<string, string>();
      for (const chunk of chunks([...new Set(variantIds)], CHUNK)) {
        const rows = await store.db
          .selectFrom('variants')
          .select(['id', 'product_id'])
          .where('id', 'in', chunk)
          .execute();
        for (const row of rows) owners.set(row.id, row.product_id);
      }
      const products = await productsById(store.db, [...owners.values()]);
      const found = new Map<string, { product: Product; variant: Variant }>();
      for (const [variantId, productId] of owners) {
        const product = products.get(productId);
        const variant = product?.variants.find((candidate) => candidate.id === variantId);
        if (product !== undefined && variant !== undefined) found.set(variantId, { product, variant });
      }
      return found;
    },

    async findVariantBySku(sku) {
      const row = await store.db
        .selectFrom('variants')
        .select(['id', 'product_id'])
        .where('sku', '=', sku.normalize('NFC').trim())
        .executeTakeFirst();
      if (row === undefined) return null;
      const product = await findById(store.db, row.product_id);
      const variant = product?.variants.find((candidate) => candidate.id === row.id);
      return product === null || variant === undefined ? null : { product, variant };
    },

    async listProducts(options = {}) {
      const limit = options.limit ?? DEFAULT_PAGE;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
        throw new ValidationError(
          `limit must be a whole number from 1 to ${MAX_PAGE}`,
          { limit },
          'invalid_limit',
        );
      }
      const status = options.status === undefined ? undefined : checkStatus(options.status);
      const after = options.cursor == null ? null : decodeCursor(options.cursor);
      return readPage(after, limit, status);
    },

    async *allProducts(pageSize = DEFAULT_STREAM_PAGE) {
      const size = Math.max(1, Math.floor(pageSize));
      let after: string | null = null;
      for (;;) {
        const page = await readPage(after, size, undefined);
        yield* page.items;
        const last = page.items.at(-1);
        if (page.nextCursor === null || last === undefined) return;
        after = last.id;
      }
    },

    async setStatus(productId, status) {
      const wanted = checkStatus(status);
      const now = clock.now();
      const updated = await store.db
        .updateTable('products')
        .set({ status: wanted, updated_at: now })
        .where('id', '=', productId)
        .where('status', '!=', wanted)
        .executeTakeFirst();
      const product = await findById(store.db, productId);
      if (product === null) throw new NotFoundError('product', productId);
      if (Number(updated.numUpdatedRows) > 0) emit([{ type: 'product-upserted', productId }]);
      return product;
    },

    async removeProduct(productId) {
      const removed = await store.transaction(async (trx) => {
        await trx.deleteFrom('variants').where('product_id', '=', productId).execute();
        const result = await trx.deleteFrom('products').where('id', '=', productId).executeTakeFirst();
        return Number(result.numDeletedRows);
      });
      if (removed === 0) throw new NotFoundError('product', productId);
      emit([{ type: 'product-removed', productId }]);
    },

    onChange(listener) {
      // A wrapper makes each subscription its own, so subscribing one function twice unsubscribes cleanly.
      const subscription = (change: CatalogChange) => listener(change);
      listeners.add(subscription);
      return () => {
        listeners.delete(subscription);
      };
    },

    async count() {
      const [products, variants] = await Promise.all([
        store.db
          .selectFrom('products')
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
        store.db
          .selectFrom('variants')
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
      ]);
      return { products: Number(products.total), variants: Number(variants.total) };
    },
  };
}
