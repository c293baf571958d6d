/**
 * The products a question is about: the shown ones the message points at (or the one under
 * discussion), else a product the message names outright by its title.
 */
import { resolveProducts } from '../resolve-products.js';
import type { RulesTurn } from '../types.js';

export function targetProductIds(turn: RulesTurn): string[] {
  const resolved = resolveProducts(turn).map((p) => p.productId);
  if (resolved.length > 0) return resolved;
  return turn.understanding.entities.flatMap((e) =>
    e.type === 'catalog' && e.kind === 'product' && e.productIds?.length === 1 ? [...e.productIds] : [],
  );
}

export function hasReference(turn: RulesTurn): boolean {
  return turn.understanding.entities.some((e) => e.type === 'reference');
}

/** Whether the message names catalog words other than a product's title. */
export function hasCatalogTerms(turn: RulesTurn): boolean {
  return turn.understanding.entities.some((e) => e.type === 'catalog' && e.kind !== 'product');
}
