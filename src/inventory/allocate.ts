/**
 * Decides where each unit of a reservation is held, from a snapshot of what is free. Pure: the
 * database has the final word when the holds are written, so a stale snapshot can only cost a
 * retry, never an oversell.
 */
import type { ShortLine } from './errors.js';

export interface Demand {
  variantId: string;
  quantity: number;
  locationId?: string;
}

/** A location that may serve the reservation, with the units free there for one variant. */
export interface Candidate {
  locationId: string;
  available: number;
}

export interface Hold {
  variantId: string;
  locationId: string;
  quantity: number;
}

export type Allocation = { holds: Hold[]; short: [] } | { holds: []; short: ShortLine[] };

function key(variantId: string, locationId: string): string {
  return `${variantId}\u0000${locationId}`;
}

/**
 * Demand is summed per (variant, location) for lines that name a location and per variant for
 * the rest. A variant's unplaced units go to the first candidate (in the given priority order)
 * that can take all of them, so an order ships in one parcel when it can; otherwise they are
 * split down the list. Holds come back sorted by variant then location, the order in which
 * stock rows are locked everywhere, which keeps concurrent writers from deadlocking.
 */
export function allocate(
  demands: readonly Demand[],
  candidates: ReadonlyMap<string, readonly Candidate[]>,
): Allocation {
  const free = new Map<string, number>();
  for (const [variantId, list] of candidates) {
    for (const candidate of list) free.set(key(variantId, candidate.locationId), candidate.available);
  }
  const placed = new Map<string, Hold>();
  const place = (variantId: string, locationId: string, quantity: number) => {
    const id = key(variantId, locationId);
    const hold = placed.get(id) ?? { variantId, locationId, quantity: 0 };
    hold.quantity += quantity;
    placed.set(id, hold);
    free.set(id, (free.get(id) ?? 0) - quantity);
  };

  const pinned = new Map<string, Hold>();
  const floating = new Map<string, number>();
  for (const demand of demands) {
    if (demand.locationId === undefined) {
      floating.set(demand.variantId, (floating.get(demand.variantId) ?? 0) + demand.quantity);
    } else {
      const id = key(demand.variantId, demand.locationId);
      const sum = pinned.get(id) ?? {
        variantId: demand.variantId,
        locationId: demand.locationId,
        quantity: 0,
      };
      sum.quantity += demand.quantity;
      pinned.set(id, sum);
    }
  }

  const short: ShortLine[] = [];
  for (const [id, hold] of pinned) {
    const available = Math.max(0, free.get(id) ?? 0);
    if (available < hold.quantity) {
      short.push({
        variantId: hold.variantId,
        locationId: hold.locationId,
        requested: hold.quantity,
        available,
      });
    } else {
      place(hold.variantId, hold.locationId, hold.quantity);
    }
  }

  for (const [variantId, quantity] of floating) {
    const options = (candidates.get(variantId) ?? []).map((candidate) => ({
      locationId: candidate.locationId,
      available: Math.max(0, free.get(key(variantId, candidate.locationId)) ?? 0),
    }));
    const total = options.reduce((sum, option) => sum + option.available, 0);
    if (total < quantity) {
      short.push({ variantId, requested: quantity, available: total });
      continue;
    }
    const whole = options.find((option) => option.available >= quantity);
    if (whole) {
      place(variantId, whole.locationId, quantity);
      continue;
    }
    let rest = quantity;
    for (const option of options) {
      if (rest === 0) break;
      const take = Math.min(rest, option.available);
      if (take > 0) place(variantId, option.locationId, take);
      rest -= take;
    }
  }

  if (short.length > 0) return { holds: [], short };
  return { holds: [...placed.values()].sort(byLevel), short: [] };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The one order in which stock level rows are written, by variant then location. */
export function byLevel(a: Omit<Hold, 'quantity'>, b: Omit<Hold, 'quantity'>): number {
  return compare(a.variantId, b.variantId) || compare(a.locationId, b.locationId);
}
