import type { CustomerFacts } from '../rules/index.js';
import type { Customer } from './types.js';

/**
 * What the rules engine may know of a customer: no name, email or address, only the country
 * of the address orders ship to by default.
 */
export function customerFactsOf(customer: Customer, orderCount: number): CustomerFacts {
  const shipping = customer.addresses.find((address) => address.defaultShipping) ?? customer.addresses[0];
  return {
    id: customer.id,
    ...(customer.tier !== null && { tier: customer.tier }),
    ...(customer.segment !== null && { segment: customer.segment }),
    tags: customer.tags,
    firstOrder: orderCount === 0,
    orderCount,
    ...(shipping !== undefined && { country: shipping.country }),
  };
}
