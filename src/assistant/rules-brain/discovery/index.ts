/** Finding and choosing products: browse, refine, compare, attributes, stock, price and promotions. */
import type { Intent } from '../../nlu/index.js';
import { resolveProducts } from '../resolve-products.js';
import type { IntentHandler, RulesReply, RulesTurn } from '../types.js';
import { askAttribute, describeProduct } from './ask-attribute.js';
import { compare } from './compare.js';
import { browse } from './find-products.js';
import { pricePromotion } from './price-promotion.js';
import { stock, stockOf } from './stock.js';

export { answerQuestion } from './find-products.js';

/**
 * A refinement that points at a shown product is about that product: "the blue one" shows it,
 * "the second one in 42" checks that size. Anything else narrows the need.
 */
async function refine(turn: RulesTurn): Promise<RulesReply> {
  const { entities } = turn.understanding;
  const references = entities.flatMap((e) => (e.type === 'reference' ? [e.reference] : []));
  const narrows = entities.some((e) => e.type === 'catalog' || e.type === 'price' || e.type === 'size');
  // "Other colours?" while looking at one product is about that product: nothing to search by.
  const focus = turn.dialogue.focus;
  if (references.length === 0 && !narrows && focus !== null) return describeProduct(turn, focus);
  if (references.length === 0) return browse(turn);
  const [product, ...more] = resolveProducts(turn);
  if (product === undefined || more.length > 0) return browse(turn);
  const pointed = references.some((r) => r.kind !== 'described');
  const picksVariant = entities.some(
    (e) => e.type === 'size' || (e.type === 'catalog' && e.kind === 'option'),
  );
  return pointed && picksVariant
    ? stockOf(turn, product.productId)
    : describeProduct(turn, product.productId);
}

/** "The first one looks good — in 27?": a search that points at a shown product is about that product. */
async function browseOrPoint(turn: RulesTurn): Promise<RulesReply> {
  const pointing = turn.understanding.entities.some((e) => e.type === 'reference');
  return pointing && resolveProducts(turn).length > 0 ? refine(turn) : browse(turn);
}

export const discoveryHandlers: Partial<Record<Intent, IntentHandler>> = {
  browse: browseOrPoint,
  refine,
  compare,
  ask_attribute: askAttribute,
  stock,
  price_promotion: pricePromotion,
};
