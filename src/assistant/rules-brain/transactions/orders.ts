/**
 * Order intents behind the identity check: a shopper who has not proved who they are is asked
 * first, and the request (with the order number they gave) resumes once they have.
 */
import type { IntentHandler, RulesReply, RulesTurn } from '../types.js';
import { changeAddress } from './change-address.js';
import { exchangeOrder } from './exchange-order.js';
import { askIdentity, identifyHandler } from './identity.js';
import { cancelOrder, returnOrder } from './order-changes.js';
import {
  asFirstAsked,
  askedIn,
  decodeRequest,
  type OrderIntent,
  type OrderRequest,
  orderNamed,
} from './order-request.js';
import { orderStatus } from './order-status.js';

const RUN: Readonly<Record<OrderIntent, (turn: RulesTurn, order: string | null) => Promise<RulesReply>>> = {
  order_status: orderStatus,
  cancel_order: cancelOrder,
  return_order: returnOrder,
  exchange_order: exchangeOrder,
  change_address: changeAddress,
};

function resume(turn: RulesTurn, request: OrderRequest): Promise<RulesReply> {
  return RUN[request.intent](turn, request.order);
}

const CHANGES: ReadonlySet<string> = new Set(['cancel_order', 'return_order', 'exchange_order']);
const STATUS_QUESTION =
  /\b(?:where|status|track\w*|arriv\w*|deliver\w*|shipp\w*)\b|到哪|狀態|物流|追蹤|什麼時候|出貨/iu;

/**
 * "A1001" (or "the one with the jacket, A1001") right after a cancel, return or exchange asked
 * which order: it answers that request, not a status question.
 */
function intentOf(turn: RulesTurn, intent: OrderIntent, order: string | null): OrderIntent {
  const previous = turn.dialogue.lastIntent;
  if (intent !== 'order_status' || order === null || previous === null || !CHANGES.has(previous))
    return intent;
  return STATUS_QUESTION.test(turn.text) ? intent : (previous as OrderIntent);
}

function gated(asked: OrderIntent): IntentHandler {
  return async (turn) => {
    const order = orderNamed(turn);
    const request: OrderRequest = { intent: intentOf(turn, asked, order), order, asked: askedIn(turn) };
    if (!turn.context.shopper.verified) return askIdentity(turn, request);
    return resume(turn, request);
  };
}

export const orderHandlers = {
  order_status: gated('order_status'),
  cancel_order: gated('cancel_order'),
  return_order: gated('return_order'),
  exchange_order: gated('exchange_order'),
  identify: identifyHandler(resume),
} satisfies Record<string, IntentHandler>;

/** Intents an answer to "which item of order A1001?" may read as. */
const ITEM_ANSWERS: ReadonlySet<string> = new Set([
  'browse',
  'refine',
  'ask_attribute',
  'compare',
  'out_of_scope',
  'return_order',
  'exchange_order',
  'remove_from_cart',
]);

/** The handler for a reply naming an item of the order a return or exchange asked about. */
export function orderItemAnswer(turn: RulesTurn): IntentHandler | null {
  const { awaiting } = turn.dialogue;
  if (awaiting.kind !== 'order-item' || !ITEM_ANSWERS.has(turn.understanding.intent)) return null;
  const request = decodeRequest(awaiting.request);
  const named = orderNamed(turn);
  if (request === null || (named !== null && named !== request.order)) return null;
  // "Just return that one" to an exchange's question: the same item, now a return (and the other way round).
  const { intent } = turn.understanding;
  const switched: OrderRequest =
    (intent === 'return_order' || intent === 'exchange_order') && intent !== request.intent
      ? { ...request, intent }
      : request;
  return (answering) => resume(asFirstAsked(answering, switched, true), switched);
}

/** Not an NLU intent: taken over by the message's words ("change the address of A1002"). */
export const changeAddressHandler = gated('change_address');
