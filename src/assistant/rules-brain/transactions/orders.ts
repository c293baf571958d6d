/**
 * Order intents behind the identity check: a shopper who has not proved who they are is asked
 * first, and the request (with the order number they gave) resumes once they have.
 */
import type { IntentHandler, RulesReply, RulesTurn } from '../types.js';
import { changeAddress } from './change-address.js';
import { askIdentity, identifyHandler } from './identity.js';
import { cancelOrder, exchangeOrder, returnOrder } from './order-changes.js';
import { type OrderIntent, type OrderRequest, orderNamed } from './order-request.js';
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

function gated(intent: OrderIntent): IntentHandler {
  return async (turn) => {
    const request: OrderRequest = { intent, order: orderNamed(turn) };
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

/** Not an NLU intent: taken over by the message's words ("change the address of A1002"). */
export const changeAddressHandler = gated('change_address');
