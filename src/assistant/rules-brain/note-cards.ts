/**
 * What the shopper has on screen after a turn. A list of products replaces the shown list (so
 * "the second one" means its second); a single product becomes the one under discussion, kept in
 * place when it is already in the list.
 */
import type { Card } from '../tools/index.js';
import { shownFromCard } from './resolve-products.js';
import type { DialogueState } from './types.js';

export function noteCards(dialogue: DialogueState, cards: readonly Card[]): DialogueState {
  const items = cards.flatMap((card) => (card.type === 'products' ? card.items : []));
  if (items.length === 0) return dialogue;
  const [only] = items;
  if (items.length === 1 && only !== undefined) {
    const known = dialogue.shown.some((p) => p.productId === only.productId);
    const fresh = shownFromCard(only);
    return {
      ...dialogue,
      shown: known
        ? dialogue.shown.map((p) =>
            p.productId === only.productId ? { ...fresh, variantId: p.variantId } : p,
          )
        : [fresh],
      focus: only.productId,
    };
  }
  const previous = new Map(dialogue.shown.map((p) => [p.productId, p]));
  return {
    ...dialogue,
    shown: items.map((item) => ({
      ...shownFromCard(item),
      variantId: previous.get(item.productId)?.variantId ?? null,
    })),
    focus: null,
  };
}
