/** Cart, checkout, orders after purchase, identity, policy, small talk and handoff. */
import type { Intent } from '../../nlu/index.js';
import type { IntentHandler } from '../types.js';

export const transactionHandlers: Partial<Record<Intent, IntentHandler>> = {};
