/**
 * assistant/facts — what tools returned, as typed facts, and the set of them a reply may rest on.
 * Converters turn catalog, inventory, rules and orders results into facts.
 */
export { FactSet } from './fact-set.js';
export { factsFromProduct } from './from-catalog.js';
export { factsFromAvailability } from './from-inventory.js';
export { factsFromOrder } from './from-orders.js';
export {
  factsFromPolicies,
  factsFromPricing,
  factsFromPromotion,
  factsFromShippingQuotes,
} from './from-rules.js';
export type * from './types.js';
