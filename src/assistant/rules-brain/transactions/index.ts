/**
 * Cart, checkout, orders after purchase, identity, policy, small talk and handoff.
 *
 * `transactionHandlers` answer their intents. `takeOver` names the handler that must answer a
 * turn whatever its intent: an upset shopper, a coupon code, a new address for an order (no NLU
 * intent has it), or who the shopper is when they were asked. The dispatcher asks it first.
 */
import type { Intent } from '../../nlu/index.js';
import type { IntentHandler, RulesTurn } from '../types.js';
import { variantSkip } from './add-to-cart.js';
import { cartHandlers } from './cart.js';
import { ADDRESS_CHANGE } from './change-address.js';
import { checkout } from './checkout.js';
import { affirm, answerToPending, deny } from './confirmation.js';
import { apologising, frustrated, greeting, human, isFrustrated, missed, thanks } from './conversation.js';
import { applyCoupon } from './coupon.js';
import { changeAddressHandler, orderHandlers, orderItemAnswer } from './orders.js';
import { policy } from './policy.js';

/** Identity details or an option value may read as anything; what was asked decides. */
const outOfScope: IntentHandler = async (turn) => {
  const { awaiting } = turn.dialogue;
  if (awaiting.kind === 'identity') return orderHandlers.identify(turn);
  if (awaiting.kind === 'variant') return cartHandlers.add_to_cart(turn);
  return missed(turn);
};

export const transactionHandlers: Partial<Record<Intent, IntentHandler>> = {
  ...cartHandlers,
  checkout,
  ...orderHandlers,
  policy,
  greeting,
  thanks,
  affirm,
  deny,
  human,
  out_of_scope: outOfScope,
};

/** Below this the message is not read as a request: an upset message is answered as upset. */
const ACTIONABLE = 0.6;

/** The handler that answers this turn regardless of its intent, or null to dispatch by intent. */
export function takeOver(turn: RulesTurn): IntentHandler | null {
  const { intent, entities, confidence } = turn.understanding;
  const actionable = intent !== 'out_of_scope' && confidence >= ACTIONABLE;
  if (intent !== 'human' && isFrustrated(turn.text)) {
    if (!actionable) return frustrated;
    const handler = transactionHandlers[intent];
    if (handler !== undefined) return apologising(handler);
  }
  const answered = answerToPending(turn) ?? orderItemAnswer(turn) ?? variantSkip(turn);
  if (answered !== null) return answered;
  if (entities.some((e) => e.type === 'coupon')) return applyCoupon;
  if (ADDRESS_CHANGE.test(turn.text)) return changeAddressHandler;
  if (
    turn.dialogue.awaiting.kind === 'identity' &&
    entities.some((e) => e.type === 'postalCode' || e.type === 'email')
  ) {
    return orderHandlers.identify;
  }
  return null;
}
