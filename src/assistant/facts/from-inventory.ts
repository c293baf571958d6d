import type { Availability, Location } from '../../inventory/index.js';
import type { StockFact } from './types.js';

/**
 * Stock of one variant with the names of its locations in each locale, so a reply may say
 * "in stock at Taipei Xinyi" and the guard can tell which place it means.
 */
export function factsFromAvailability(
  availability: Availability,
  locations: readonly Location[],
  productId: string | null = null,
): StockFact {
  const byId = new Map(locations.map((l) => [l.id, l]));
  return {
    kind: 'stock',
    variantId: availability.variantId,
    productId,
    available: availability.available,
    lowStock: availability.lowStock,
    locations: availability.locations.map((l) => ({
      locationId: l.locationId,
      code: l.locationCode,
      name: byId.get(l.locationId)?.name ?? { en: l.locationCode },
      available: l.available,
      pickup: l.pickup,
    })),
  };
}
