/**
 * The trial store's assistant, driven as the chat widget drives it: a session started in the
 * shopper's language, signed in through a host-site customer token when the scenario says so.
 */
import { signCustomerToken } from '../tools/index.js';
import { TRIAL_CUSTOMER_TOKEN_SECRET, type TrialStore } from './demo-store-template.js';
import type { ConversationUnderTest, SessionStart } from './types.js';

const TOKEN_LIFETIME_MS = 3_600_000;

/**
 * A cart the shopper filled on the store's pages before opening the chat. The assistant has no
 * way yet to start a session with an existing cart, so the session row is pointed at it the way
 * the engine records a cart it made itself.
 */
async function adoptCart(store: TrialStore, sessionId: string, cart: NonNullable<SessionStart['cart']>) {
  await store.services.store.db
    .updateTable('assistant_sessions')
    .set({ cart_id: cart.cartId, cart_token: cart.token })
    .where('id', '=', sessionId)
    .execute();
}

export function conversationOf(store: TrialStore): ConversationUnderTest {
  const { assistant, clock } = store.services;
  return {
    async startSession(start) {
      const customerToken =
        start.customerId === null
          ? undefined
          : signCustomerToken(TRIAL_CUSTOMER_TOKEN_SECRET, start.customerId, clock.now() + TOKEN_LIFETIME_MS);
      const started = await assistant.startSession({
        locale: start.locale,
        ...(customerToken !== undefined && { customerToken }),
      });
      if (start.cart !== null) await adoptCart(store, started.sessionId, start.cart);
      return { sessionId: started.sessionId };
    },
    send: (sessionId, text) => assistant.send(sessionId, text),
    async transcript(sessionId) {
      return (await assistant.transcript(sessionId)).messages;
    },
  };
}
