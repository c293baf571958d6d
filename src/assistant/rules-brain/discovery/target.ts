/**
 * The products a question is about: the shown ones the message points at (or the one under
 * discussion), else a product the message names outright by its title.
 */
import type { Entity } from '../../nlu/index.js';
import { describes, resolveProducts } from '../resolve-products.js';
import type { RulesTurn } from '../types.js';

type CatalogEntity = Extract<Entity, { type: 'catalog' }>;

/**
 * A message that names a kind of product ("any deals on tents?") without pointing at one is about
 * that kind, not the product under discussion: it gets no target, and the caller searches.
 */
export function targetProductIds(turn: RulesTurn): string[] {
  const { entities } = turn.understanding;
  const named = entities.flatMap((e) =>
    e.type === 'catalog' && e.kind === 'product' && e.productIds?.length === 1 ? [...e.productIds] : [],
  );
  const kinds = entities.filter(
    (e): e is CatalogEntity => e.type === 'catalog' && (e.kind === 'productType' || e.kind === 'category'),
  );
  const resolved = resolveProducts(turn);
  // "Does the skillet go in the oven?" about the skillet on screen is still about that skillet.
  const kindOnly =
    !hasReference(turn) &&
    named.length === 0 &&
    kinds.length > 0 &&
    !resolved.some((product) => kinds.every((kind) => describes(kind, product)));
  if (kindOnly) return [];
  return resolved.length > 0 ? resolved.map((p) => p.productId) : named;
}

export function hasReference(turn: RulesTurn): boolean {
  return turn.understanding.entities.some((e) => e.type === 'reference');
}

/** Whether the message names catalog words: something a search can look for. */
export function hasCatalogTerms(turn: RulesTurn): boolean {
  return turn.understanding.entities.some((e) => e.type === 'catalog');
}
