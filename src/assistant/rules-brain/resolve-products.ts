/**
 * Which shown product a message points at: "the second one", "第二個", "the cheaper one",
 * "藍色那雙", "it". References are read against the products last shown, in the order shown;
 * with no reference the product under discussion (the focus) is meant.
 */
import type { CatalogTerm, Entity, Reference } from '../nlu/index.js';
import type { ProductCardItem } from '../tools/index.js';
import type { DialogueState, RulesTurn, ShownProduct } from './types.js';

type CatalogEntity = Extract<Entity, { type: 'catalog' }>;

function sameWord(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
}

/** Whether a catalog term describes the product: its brand, one of its option values, or words of its title. */
export function describes(term: CatalogTerm, product: ShownProduct): boolean {
  if (term.kind === 'product') return term.productIds?.includes(product.productId) ?? false;
  if (term.kind === 'brand' && product.brand != null) return sameWord(term.value, product.brand);
  if (term.kind === 'option') {
    const options = product.options ?? [];
    const named = options.filter((o) => term.name === undefined || sameWord(o.name, term.name));
    if (named.some((o) => o.values.some((v) => sameWord(v, term.value)))) return true;
  }
  return product.title.toLowerCase().includes(term.value.toLowerCase());
}

function byPrice(products: readonly ShownProduct[], direction: 1 | -1): ShownProduct | undefined {
  return [...products].sort((a, b) => direction * (a.price.amount - b.price.amount))[0];
}

function focusOf(dialogue: DialogueState): ShownProduct | undefined {
  return dialogue.shown.find((p) => p.productId === dialogue.focus);
}

/** "the cheaper one": of two, the cheaper; of more, the next cheaper than the one under discussion. */
function relative(dialogue: DialogueState, kind: 'cheaper' | 'pricier'): ShownProduct | undefined {
  const focus = focusOf(dialogue);
  const direction = kind === 'cheaper' ? 1 : -1;
  if (focus === undefined) return byPrice(dialogue.shown, direction);
  const beyond = dialogue.shown.filter((p) => direction * (focus.price.amount - p.price.amount) > 0);
  return byPrice(beyond, direction === 1 ? -1 : 1);
}

function pointedAt(
  reference: Reference,
  dialogue: DialogueState,
  terms: readonly CatalogEntity[],
): ShownProduct[] {
  const { shown } = dialogue;
  switch (reference.kind) {
    case 'ordinal': {
      const product = shown[reference.position - 1];
      return product === undefined ? [] : [product];
    }
    case 'last': {
      const product = shown.at(-1);
      return product === undefined ? [] : [product];
    }
    case 'this': {
      const product = focusOf(dialogue) ?? (shown.length === 1 ? shown[0] : undefined);
      return product === undefined ? [] : [product];
    }
    case 'cheapest':
    case 'priciest': {
      const product = byPrice(shown, reference.kind === 'cheapest' ? 1 : -1);
      return product === undefined ? [] : [product];
    }
    case 'cheaper':
    case 'pricier': {
      const product = relative(dialogue, reference.kind);
      return product === undefined ? [] : [product];
    }
    case 'described':
      return terms.length === 0 ? [] : shown.filter((p) => terms.every((t) => describes(t, p)));
  }
}

/**
 * The shown products the message refers to, in the order it names them; the focus when it names
 * none. Empty when nothing is shown, the reference points past the list, or the message names by
 * title a product that is not shown.
 */
export function resolveProducts(turn: RulesTurn): ShownProduct[] {
  const { dialogue } = turn;
  const entities = turn.understanding.entities;
  const terms = entities.filter((e): e is CatalogEntity => e.type === 'catalog');
  const references = entities.flatMap((e) => (e.type === 'reference' ? [e.reference] : []));
  const found: ShownProduct[] = [];
  const add = (product: ShownProduct) => {
    if (!found.some((p) => p.productId === product.productId)) found.push(product);
  };
  for (const reference of references)
    for (const product of pointedAt(reference, dialogue, terms)) add(product);
  const named = terms.filter((t) => t.kind === 'product');
  if (references.length === 0) {
    for (const term of named)
      for (const product of dialogue.shown) if (describes(term, product)) add(product);
  }
  // A product named by its title that is not on screen is not the one under discussion either.
  if (found.length > 0 || references.length > 0 || named.length > 0) return found;
  const focus = focusOf(dialogue) ?? (dialogue.shown.length === 1 ? dialogue.shown[0] : undefined);
  return focus === undefined ? [] : [focus];
}

/** A product card's item as the dialogue remembers it. */
export function shownFromCard(item: ProductCardItem): ShownProduct {
  return {
    productId: item.productId,
    title: item.title,
    price: item.price,
    variantId: null,
    brand: item.brand,
    options: item.options,
  };
}
