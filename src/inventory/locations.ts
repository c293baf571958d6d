import { type Clock, NotFoundError, newId, ValidationError } from '../core/index.js';
import type { Executor, Schema } from '../store/index.js';
import type { Location, LocationInput, LocationKind } from './types.js';
import { requireText } from './validate.js';

type LocationRow = Schema['inventory_locations'];

const KINDS: readonly LocationKind[] = ['store', 'warehouse'];
const DEFAULT_PRIORITY = 100;

export function toLocation(row: LocationRow): Location {
  return {
    id: row.id,
    code: row.code,
    name: JSON.parse(row.name) as Location['name'],
    kind: row.kind,
    priority: row.priority,
    channels: JSON.parse(row.channels) as string[],
    pickup: row.pickup === 1,
    address: row.address,
    active: row.active === 1,
  };
}

function validateLocation(input: LocationInput): void {
  requireText(input.code, 'code');
  if (!KINDS.includes(input.kind))
    throw new ValidationError('kind must be store or warehouse', { kind: input.kind });
  const names = Object.values(input.name ?? {});
  if (names.length === 0 || names.some((name) => typeof name !== 'string' || name.trim() === '')) {
    throw new ValidationError('name needs text in at least one locale', { field: 'name' });
  }
  if (input.priority !== undefined && !Number.isSafeInteger(input.priority)) {
    throw new ValidationError('priority must be an integer', { priority: input.priority });
  }
  if (input.channels?.some((channel) => typeof channel !== 'string' || channel === '')) {
    throw new ValidationError('channels must be non-empty strings', { channels: input.channels });
  }
}

/** Inserts the location or updates the one with the same code; omitted fields keep their value. */
export async function upsertLocation(
  executor: Executor,
  input: LocationInput,
  clock: Clock,
): Promise<Location> {
  validateLocation(input);
  const now = clock.now();
  const store = input.kind === 'store';
  const inserted: LocationRow = {
    id: newId('loc', now),
    code: input.code,
    name: JSON.stringify(input.name),
    kind: input.kind,
    priority: input.priority ?? DEFAULT_PRIORITY,
    channels: JSON.stringify(input.channels ?? (store ? ['online', 'pos'] : ['online'])),
    pickup: (input.pickup ?? store) ? 1 : 0,
    address: input.address ?? null,
    active: (input.active ?? true) ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  const updates: Partial<LocationRow> = { name: inserted.name, kind: inserted.kind, updated_at: now };
  if (input.priority !== undefined) updates.priority = inserted.priority;
  if (input.channels !== undefined) updates.channels = inserted.channels;
  if (input.pickup !== undefined) updates.pickup = inserted.pickup;
  if (input.address !== undefined) updates.address = inserted.address;
  if (input.active !== undefined) updates.active = inserted.active;
  const row = await executor
    .insertInto('inventory_locations')
    .values(inserted)
    .onConflict((conflict) => conflict.column('code').doUpdateSet(updates))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLocation(row);
}

export async function listLocations(executor: Executor): Promise<Location[]> {
  const rows = await executor
    .selectFrom('inventory_locations')
    .selectAll()
    .orderBy('priority')
    .orderBy('code')
    .execute();
  return rows.map(toLocation);
}

export async function findLocation(executor: Executor, id: string): Promise<Location> {
  const row = await executor
    .selectFrom('inventory_locations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('location', id);
  return toLocation(row);
}

/** Whether the location may sell to `channel`; without a channel every active location may. */
export function servesChannel(location: Location, channel: string | undefined): boolean {
  return location.active && (channel === undefined || location.channels.includes(channel));
}

/** The highest-priority active location; a store with none gets a 'default' warehouse. */
export async function defaultLocation(executor: Executor, clock: Clock): Promise<Location> {
  const first = async () =>
    executor
      .selectFrom('inventory_locations')
      .selectAll()
      .where('active', '=', 1)
      .orderBy('priority')
      .orderBy('code')
      .limit(1)
      .executeTakeFirst();
  const existing = await first();
  if (existing) return toLocation(existing);
  const now = clock.now();
  // Two servers starting at once both land here; the unique code lets only one insert win. A
  // 'default' someone switched off comes back on, since a store with no location cannot sell.
  await executor
    .insertInto('inventory_locations')
    .values({
      id: newId('loc', now),
      code: 'default',
      name: JSON.stringify({ en: 'Default warehouse' }),
      kind: 'warehouse',
      priority: DEFAULT_PRIORITY,
      channels: JSON.stringify(['online', 'pos']),
      pickup: 0,
      address: null,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.column('code').doUpdateSet({ active: 1, updated_at: now }))
    .execute();
  const created = await first();
  if (!created) throw new NotFoundError('location', 'default');
  return toLocation(created);
}

export interface LocationCache {
  all(): Promise<Location[]>;
  /** Forgets the cached list, e.g. after this server changed a location. */
  invalidate(): void;
}

/**
 * Locations change a few times a year and are read on every reservation and availability
 * check, so they are kept for `ttlMs`. A change made through another server shows here within
 * that time; changes made through this one show at once.
 */
export function createLocationCache(executor: Executor, clock: Clock, ttlMs: number): LocationCache {
  let cached: { loadedAt: number; locations: Promise<Location[]> } | undefined;
  return {
    all() {
      const now = clock.now();
      if (!cached || now - cached.loadedAt >= ttlMs || now < cached.loadedAt) {
        const locations = listLocations(executor);
        cached = { loadedAt: now, locations };
        // A failed load must not stick: the next caller tries again.
        locations.catch(() => {
          if (cached?.locations === locations) cached = undefined;
        });
      }
      return cached.locations;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
