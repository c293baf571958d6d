/**
 * An order request waiting for the shopper to prove who they are: the intent and the order number
 * they named, kept in `awaiting.then` as "intent" or "intent order" so the request resumes as asked.
 */
import type { Entity } from '../../nlu/index.js';
import type { RulesTurn } from '../types.js';

/** The order intents, and a new shipping address (which the NLU has no intent for). */
export type OrderIntent =
  | 'order_status'
  | 'cancel_order'
  | 'return_order'
  | 'exchange_order'
  | 'change_address';

export interface OrderRequest {
  readonly intent: OrderIntent;
  readonly order: string | null;
}

const ORDER_INTENTS: readonly OrderIntent[] = [
  'order_status',
  'cancel_order',
  'return_order',
  'exchange_order',
  'change_address',
];

export function isOrderIntent(intent: string): intent is OrderIntent {
  return (ORDER_INTENTS as readonly string[]).includes(intent);
}

export function encodeRequest(request: OrderRequest): string {
  return request.order === null ? request.intent : `${request.intent} ${request.order}`;
}

export function decodeRequest(then: string | null): OrderRequest | null {
  if (then === null) return null;
  const [intent = '', order] = then.split(' ');
  return isOrderIntent(intent) ? { intent, order: order ?? null } : null;
}

/** The order number the message names, if any. */
export function orderNamed(turn: RulesTurn): string | null {
  const entity = turn.understanding.entities.find(
    (e): e is Extract<Entity, { type: 'order' }> => e.type === 'order',
  );
  return entity?.value ?? null;
}
