/**
 * An order request waiting on the shopper (to prove who they are, or to say which item): the
 * intent, the order number, and the words it was first asked in, so it resumes as asked ("the
 * Aiguille shell", "in L"). Kept in the dialogue as JSON text.
 */
import { z } from 'zod';
import type { Entity } from '../../nlu/index.js';
import type { RulesTurn } from '../types.js';

/** The order intents, and a new shipping address (which the NLU has no intent for). */
export type OrderIntent =
  | 'order_status'
  | 'cancel_order'
  | 'return_order'
  | 'exchange_order'
  | 'change_address';

const ORDER_INTENTS = [
  'order_status',
  'cancel_order',
  'return_order',
  'exchange_order',
  'change_address',
] as const satisfies readonly OrderIntent[];

/** The message as first asked: its text and the entities that name items, sizes and amounts. */
export interface AskedWords {
  readonly text: string;
  readonly entities: readonly Entity[];
}

export interface OrderRequest {
  readonly intent: OrderIntent;
  readonly order: string | null;
  readonly asked?: AskedWords;
}

const requestSchema = z.object({
  intent: z.enum(ORDER_INTENTS),
  order: z.string().nullable(),
  asked: z.object({ text: z.string(), entities: z.array(z.record(z.string(), z.unknown())) }).optional(),
});

/** Entities worth keeping for a resumed request; identity details are not among them. */
const KEPT: ReadonlySet<string> = new Set(['catalog', 'size', 'quantity', 'reference']);

export function askedIn(turn: RulesTurn): AskedWords {
  return { text: turn.text, entities: turn.understanding.entities.filter((e) => KEPT.has(e.type)) };
}

export function encodeRequest(request: OrderRequest): string {
  return JSON.stringify(request);
}

export function decodeRequest(text: string | null): OrderRequest | null {
  if (text === null) return null;
  try {
    const parsed = requestSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const { intent, order, asked } = parsed.data;
    // Entities were written by this module from the NLU's own output.
    return asked === undefined
      ? { intent, order }
      : { intent, order, asked: { text: asked.text, entities: asked.entities as unknown as Entity[] } };
  } catch {
    return null;
  }
}

/** The turn read with the words the request was first asked in, and optionally this message's too. */
export function asFirstAsked(turn: RulesTurn, request: OrderRequest, withThisMessage: boolean): RulesTurn {
  const { asked } = request;
  if (asked === undefined) return turn;
  const entities = withThisMessage ? [...asked.entities, ...turn.understanding.entities] : asked.entities;
  return {
    ...turn,
    text: withThisMessage ? `${asked.text}\n${turn.text}` : asked.text,
    understanding: { ...turn.understanding, entities },
  };
}

/** The order number the message names, if any. */
export function orderNamed(turn: RulesTurn): string | null {
  const entity = turn.understanding.entities.find(
    (e): e is Extract<Entity, { type: 'order' }> => e.type === 'order',
  );
  return entity?.value ?? null;
}
