/** Finding and choosing products: browse, refine, compare, attributes, stock, price and promotions. */
import type { Intent } from '../../nlu/index.js';
import type { IntentHandler } from '../types.js';

export const discoveryHandlers: Partial<Record<Intent, IntentHandler>> = {};
