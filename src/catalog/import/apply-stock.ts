import type { Tx } from '../../store/index.js';
import type { FeedProduct, ImportInventory, UpsertResult } from './types.js';

export interface StockTarget {
  readonly inventory: ImportInventory;
  readonly locationId: string;
  readonly actor: string;
}

/**
 * Sets the on-hand count the feed states for each variant, inside the transaction that wrote the
 * product, so a product and its stock are written together or not at all. The catalog keeps
 * variants in input order (position = index), which pairs them with the feed's stock.
 */
export async function applyFeedStock(
  trx: Tx,
  result: UpsertResult,
  product: FeedProduct,
  target: StockTarget,
): Promise<void> {
  const variants = [...result.product.variants].sort((a, b) => a.position - b.position);
  for (const [index, stock] of product.stock.entries()) {
    const variant = variants[index];
    if (stock.quantity === null || variant === undefined) continue;
    await target.inventory.adjust(
      {
        variantId: variant.id,
        locationId: target.locationId,
        kind: 'count',
        quantity: stock.quantity,
        reason: 'feed import',
        actor: target.actor,
      },
      trx,
    );
  }
}
