import type { Tx } from '../../store/index.js';
import type { FeedProduct, ImportInventory, UpsertResult } from './types.js';

export interface StockTarget {
  readonly inventory: ImportInventory;
  readonly locationId: string;
  readonly actor: string;
}

/** On hand at `locationId` for the variants that have a level there; a missing level holds 0. */
async function onHandAt(
  trx: Tx,
  inventory: ImportInventory,
  variantIds: readonly string[],
  locationId: string,
): Promise<Map<string, number>> {
  const onHand = new Map<string, number>();
  if (variantIds.length === 0) return onHand;
  for (const level of await inventory.levels(variantIds, trx)) {
    if (level.locationId === locationId) onHand.set(level.variantId, level.onHand);
  }
  return onHand;
}

/**
 * Sets the on-hand counts a batch of products states, inside the transaction that wrote them, so
 * a product and its stock are written together or not at all: one bulk write for the batch, and
 * none for a count that already holds (a re-import leaves the ledger alone). The catalog keeps
 * variants in input order (position = index), which pairs them with the feed's stock. Returns the
 * variants whose stock it changed, to announce once the transaction commits.
 */
export async function applyFeedStock(
  trx: Tx,
  written: readonly { readonly result: UpsertResult; readonly product: FeedProduct }[],
  target: StockTarget,
): Promise<string[]> {
  // A handle twice in one batch writes the same variants twice: its last group's count wins.
  const wanted = new Map<string, number>();
  const mayHaveStock: string[] = [];
  for (const { result, product } of written) {
    const variants = [...result.product.variants].sort((a, b) => a.position - b.position);
    for (const [index, stock] of product.stock.entries()) {
      const variant = variants[index];
      if (stock.quantity === null || variant === undefined) continue;
      wanted.set(variant.id, stock.quantity);
      // A product the batch created has only new variants, which hold nothing yet.
      if (result.outcome !== 'created') mayHaveStock.push(variant.id);
    }
  }
  const current = await onHandAt(trx, target.inventory, mayHaveStock, target.locationId);
  const changes = [...wanted].filter(([variantId, quantity]) => quantity !== (current.get(variantId) ?? 0));
  if (changes.length === 0) return [];
  await target.inventory.adjustMany(
    changes.map(([variantId, quantity]) => ({
      variantId,
      locationId: target.locationId,
      kind: 'count' as const,
      quantity,
      reason: 'feed import',
      actor: target.actor,
    })),
    trx,
  );
  return changes.map(([variantId]) => variantId);
}
