/**
 * The shopper's need, built up over turns. A new message adds its constraints to the ones before,
 * and a constraint on the same field replaces the old one ("in blue" after "in black"); naming a
 * different kind of product starts a new need.
 */
import type { CatalogTerm, Entity, PriceConstraint, Understanding } from '../../nlu/index.js';
import type { ShopperNeed } from '../types.js';

type CatalogEntity = Extract<Entity, { type: 'catalog' }>;

/** What a search is about; the other kinds only narrow it. */
const HEAD_KINDS: ReadonlySet<CatalogTerm['kind']> = new Set(['productType', 'category', 'product']);

/** Two terms constrain the same field, so the newer replaces the older. */
function sameField(a: CatalogTerm, b: CatalogTerm): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'option' || a.kind === 'attribute') return a.name === b.name;
  // Tags add up ("waterproof" and "lightweight"); a product has one brand, type and category.
  return a.kind !== 'tag';
}

function termOf(entity: CatalogEntity): CatalogTerm {
  const { kind, value } = entity;
  return {
    kind,
    value,
    ...(entity.name === undefined ? {} : { name: entity.name }),
    ...(entity.productIds === undefined ? {} : { productIds: entity.productIds }),
  };
}

function sameTerm(a: CatalogTerm, b: CatalogTerm): boolean {
  return a.kind === b.kind && a.name === b.name && a.value.toLowerCase() === b.value.toLowerCase();
}

export const emptyNeed: ShopperNeed = {
  query: '',
  terms: [],
  price: null,
  size: null,
  asked: [],
  questions: 0,
};

/**
 * Adds one message's terms, each replacing the need's older terms of the same field; terms of one
 * field in the same message are alternatives ("black or navy") and stay together.
 */
export function withTerms(need: ShopperNeed, terms: readonly CatalogTerm[]): ShopperNeed {
  const kept = need.terms.filter((old) => !terms.some((term) => sameField(old, term) || sameTerm(old, term)));
  const added = terms.filter((term, index) => terms.findIndex((other) => sameTerm(other, term)) === index);
  return { ...need, terms: [...kept, ...added] };
}

function messageTerms(understanding: Understanding): CatalogTerm[] {
  return understanding.entities.flatMap((e) => (e.type === 'catalog' ? [termOf(e)] : []));
}

/** Whether the message names a different kind of product than the need is about. */
function startsOver(need: ShopperNeed, terms: readonly CatalogTerm[]): boolean {
  const heads = terms.filter((t) => HEAD_KINDS.has(t.kind));
  if (heads.length === 0) return false;
  const current = need.terms.filter((t) => HEAD_KINDS.has(t.kind));
  return !heads.every((head) => current.some((old) => sameTerm(old, head)));
}

/**
 * The need after this message. `relativePrice` turns "cheaper" into a limit from the products the
 * shopper is looking at; the caller works it out because only it knows their prices.
 */
export function mergeNeed(
  previous: ShopperNeed | null,
  understanding: Understanding,
  relativePrice: (direction: 'cheaper' | 'pricier') => PriceConstraint | null,
): ShopperNeed {
  const terms = messageTerms(understanding);
  const fresh = previous === null || startsOver(previous, terms);
  let need = withTerms(fresh ? emptyNeed : previous, terms);
  for (const entity of understanding.entities) {
    if (entity.type === 'size') need = { ...need, size: entity.value };
    if (entity.type !== 'price') continue;
    const price = entity.price.kind === 'relative' ? relativePrice(entity.price.direction) : entity.price;
    if (price !== null) need = { ...need, price };
  }
  need = { ...need, said: { ...need.said, ...saidOf(understanding) } };
  const named = terms.filter((t) => t.kind === 'product').map((t) => t.value);
  if (named.length > 0) need = { ...need, query: named.join(' ') };
  return need;
}

/** Whether the need says anything a search can use. */
export function isEmptyNeed(need: ShopperNeed): boolean {
  return need.terms.length === 0 && need.price === null && need.size === null && need.query === '';
}

/** A term's key in `ShopperNeed.said`. */
export function termKey(term: CatalogTerm): string {
  return `${term.kind}:${term.name ?? ''}:${term.value.toLowerCase()}`;
}

/** How the shopper wrote each term of the message, so replies can use their words. */
function saidOf(understanding: Understanding): Record<string, string> {
  const said: Record<string, string> = {};
  for (const entity of understanding.entities) {
    if (entity.type === 'catalog') said[termKey(termOf(entity))] = entity.text;
  }
  return said;
}
