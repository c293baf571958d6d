/**
 * Picks the intent from cue scores, then lets the entities and the conversation state speak: a
 * message that names catalog words but no verb is a search, an order number alone asks about
 * that order, and a bare "yes" answers the question the assistant just asked.
 */
import { INTENT_CUES } from './intent-cues.js';
import type { ConversationState, Entity, Intent, IntentScore } from './types.js';

const REPEAT_BONUS = 0.1;
const ENTITY_BOOST = 0.2;
const FALLBACK_SCORE = 0.3;
/** Catalog kinds that name what is wanted; the others (colour, tag, material...) only narrow it. */
const HEAD_KINDS = new Set(['productType', 'category', 'brand', 'product']);
const AFTER_SALE: readonly Intent[] = ['cancel_order', 'return_order', 'exchange_order', 'order_status'];
/** Two products joined like this are being weighed against each other. */
const ALTERNATIVES = /\bor\b|\bvs\.?|versus|還是|还是|跟|和|或/u;
/**
 * A cart action names the cart too ("add it to my cart"): the action wins over viewing it. An
 * exchange wins over a return only when its cue is at least as strong: "the wrong size, I want a
 * refund" is a return that gives its reason.
 */
const OVERRIDES: readonly (readonly [Intent, Intent])[] = [
  ['add_to_cart', 'view_cart'],
  ['remove_from_cart', 'view_cart'],
  ['update_quantity', 'view_cart'],
  ['remove_from_cart', 'add_to_cart'],
  ['update_quantity', 'add_to_cart'],
  ['exchange_order', 'refine'],
  ['policy', 'return_order'],
];

export interface IntentDecision {
  readonly intent: Intent;
  readonly confidence: number;
  readonly runnerUp: IntentScore | null;
}

function cueScores(folded: string): Map<Intent, number> {
  const scores = new Map<Intent, number>();
  for (const { intent, weight, pattern } of INTENT_CUES) {
    if (!pattern.test(folded)) continue;
    const known = scores.get(intent);
    scores.set(intent, known === undefined ? weight : Math.max(known, weight) + REPEAT_BONUS);
  }
  return scores;
}

function add(scores: Map<Intent, number>, intent: Intent, amount: number): void {
  scores.set(intent, (scores.get(intent) ?? 0) + amount);
}

function applyEntities(
  scores: Map<Intent, number>,
  folded: string,
  entities: readonly Entity[],
  state: ConversationState,
): void {
  const types = new Set(entities.map((entity) => entity.type));
  const catalog = entities.some((entity) => entity.type === 'catalog');
  const heads = new Set(
    entities.flatMap((entity) =>
      entity.type === 'catalog' && HEAD_KINDS.has(entity.kind) ? [entity.value] : [],
    ),
  );
  if (heads.size >= 2 && ALTERNATIVES.test(folded)) add(scores, 'compare', 0.7);
  const cued = scores.size > 0;
  const searchWords = catalog || types.has('price') || types.has('size');
  const namesWhat = entities.some((entity) => entity.type === 'catalog' && HEAD_KINDS.has(entity.kind));
  if (searchWords) {
    // Only narrowing words ("in black", "under 2000") continue a search rather than start one.
    const searchIntent: Intent = state.showingProducts === true || !namesWhat ? 'refine' : 'browse';
    add(scores, searchIntent, cued ? ENTITY_BOOST : 0.6);
  }
  if (types.has('order')) {
    const afterSale = AFTER_SALE.find((intent) => scores.has(intent));
    add(scores, afterSale ?? 'order_status', cued ? ENTITY_BOOST : 0.7);
  }
  if (types.has('coupon')) add(scores, 'price_promotion', cued ? ENTITY_BOOST : 0.7);
  if (types.has('name') || types.has('email') || types.has('postalCode')) {
    add(scores, 'identify', cued ? 0.3 : 0.75);
  }
  if (
    state.awaitingIdentity === true &&
    (types.has('name') || types.has('email') || types.has('postalCode'))
  ) {
    add(scores, 'identify', 0.4);
  }
  if (!cued && !searchWords && types.has('quantity')) add(scores, 'add_to_cart', 0.5);
  if (!cued && !searchWords && types.has('reference'))
    add(scores, state.showingProducts ? 'ask_attribute' : 'refine', 0.4);
  if (state.awaitingConfirmation === true) {
    if (scores.has('affirm')) add(scores, 'affirm', 0.3);
    if (scores.has('deny')) add(scores, 'deny', 0.3);
  }
}

/** Scores squashed so that one strong cue reads about 0.8 and a close second lowers it. */
function confidenceOf(best: number, second: number): number {
  const strength = 1 - Math.exp(-2 * best);
  const margin = best <= 0 ? 0 : Math.max(0, best - second) / best;
  return Math.round(Math.min(1, strength * (0.55 + 0.45 * margin)) * 1000) / 1000;
}

export function classifyIntent(
  folded: string,
  entities: readonly Entity[],
  state: ConversationState,
): IntentDecision {
  const scores = cueScores(folded);
  for (const [winner, loser] of OVERRIDES) if (scores.has(winner)) scores.delete(loser);
  const exchange = scores.get('exchange_order');
  if (exchange !== undefined && exchange >= (scores.get('return_order') ?? 0)) scores.delete('return_order');
  applyEntities(scores, folded, entities, state);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined) {
    return { intent: 'out_of_scope', confidence: FALLBACK_SCORE, runnerUp: null };
  }
  const secondScore = second?.[1] ?? 0;
  return {
    intent: first[0],
    confidence: confidenceOf(first[1], secondScore),
    runnerUp:
      second === undefined ? null : { intent: second[0], confidence: confidenceOf(second[1], first[1]) },
  };
}
