import { type Clock, NotFoundError } from '../core/index.js';
import type { Executor, Store } from '../store/index.js';
import { applyAdjustment, validateAdjustment } from './adjust.js';
import { applyAdjustments } from './adjust-many.js';
import { createHoldWriter } from './hold-writers.js';
import { readLedger } from './ledger.js';
import { ensureLevel, readLevel, toStockLevel } from './levels.js';
import {
  createLocationCache,
  defaultLocation,
  listLocations,
  servesChannel,
  upsertLocation,
} from './locations.js';
import * as reservations from './reservations.js';
import { availableOf, readLevels } from './stock-levels.js';
import { inTransaction } from './transaction.js';
import type {
  AdjustmentInput,
  Availability,
  AvailabilityOptions,
  BulkAdjustmentInput,
  LedgerEntry,
  Location,
  LocationInput,
  Reservation,
  ReserveInput,
  StockLevel,
} from './types.js';
import { requireText, requireWholeNumber } from './validate.js';

export type ChangeListener = (variantIds: string[]) => void;

export interface InventoryService {
  /** Inserts or updates the location with `input.code`. */
  upsertLocation(input: LocationInput): Promise<Location>;
  /** Every location, lowest priority number first. */
  listLocations(): Promise<Location[]>;
  /** The highest-priority active location; creates a 'default' warehouse when there is none. */
  defaultLocation(): Promise<Location>;
  /**
   * Changes on hand and writes the ledger entry. Pass a transaction to write inside it (imports);
   * then no change is announced, since it may still roll back: call `announceChange` after it commits.
   */
  adjust(input: AdjustmentInput, executor?: Executor): Promise<StockLevel>;
  /**
   * Applies the adjustments in order, in one transaction (the caller's when given), with their
   * ledger entries; all or none. Listeners hear once, after the commit (or from
   * `announceChange` when the caller's transaction commits). Returns the touched levels, by
   * variant then location.
   */
  adjustMany(inputs: readonly BulkAdjustmentInput[], executor?: Executor): Promise<StockLevel[]>;
  /** Pass a transaction to write inside it; then announce the change after it commits. */
  setSafetyStock(
    variantId: string,
    locationId: string,
    quantity: number,
    executor?: Executor,
  ): Promise<StockLevel>;
  /** Stock levels that exist for the variants, by variant then location. */
  /** Pass the caller's transaction to read inside it (on SQLite, reading outside would wait on it). */
  levels(variantIds: readonly string[], executor?: Executor): Promise<StockLevel[]>;
  /** One entry per requested variant; unknown variants read as out of stock. */
  availability(
    variantIds: readonly string[],
    options?: AvailabilityOptions,
  ): Promise<Map<string, Availability>>;
  /** Holds every line or none; InsufficientStockError names the short lines. */
  reserve(input: ReserveInput): Promise<Reservation>;
  getReservation(id: string): Promise<Reservation>;
  /** Moves the expiry `seconds` later; allowed once (ConflictError 'already_extended'). */
  extend(id: string, seconds: number): Promise<Reservation>;
  release(id: string): Promise<Reservation>;
  /** Sells the held units: on hand drops and the ledger gets 'sale' entries. */
  commit(id: string): Promise<Reservation>;
  /** Marks lapsed reservations expired and returns their units; returns how many it marked. */
  sweepExpired(): Promise<number>;
  /** Entries oldest first. */
  ledger(variantId: string, locationId?: string): Promise<LedgerEntry[]>;
  /**
   * Called with the variants whose availability changed, after the change is committed
   * (reserve, release, commit, adjust, safety stock, sweep). Returns the unsubscribe function.
   */
  onChange(listener: ChangeListener): () => void;
  /** Tells listeners about changes written inside a caller's transaction, once it has committed. */
  announceChange(variantIds: readonly string[]): void;
}

export interface InventoryServiceOptions {
  store: Store;
  clock: Clock;
  /** Available at or below this (and above 0) reads as low stock. Default 3. */
  lowStockThreshold?: number;
  /**
   * How long a server trusts its copy of the location list (default 5000 ms). Changes made
   * through this service show at once; those made through another server within this time.
   */
  locationCacheMs?: number;
}

export function createInventoryService(options: InventoryServiceOptions): InventoryService {
  const { store, clock } = options;
  const lowStockThreshold = requireWholeNumber(options.lowStockThreshold ?? 3, 'lowStockThreshold');
  const listeners = new Set<ChangeListener>();
  const locations = createLocationCache(store.db, clock, options.locationCacheMs ?? 5000);
  const writeHolds = createHoldWriter(store);

  const announce = (variantIds: readonly string[]) => {
    if (variantIds.length === 0) return;
    const unique = [...new Set(variantIds)];
    for (const listener of listeners) {
      // One failing listener must neither undo a committed change nor starve the others.
      try {
        listener(unique);
      } catch {}
    }
  };

  return {
    async upsertLocation(input) {
      const location = await upsertLocation(store.db, input, clock);
      locations.invalidate();
      return location;
    },
    listLocations: () => listLocations(store.db),
    async defaultLocation() {
      const location = await defaultLocation(store.db, clock);
      // It may have just created the location.
      locations.invalidate();
      return location;
    },

    async adjust(input, executor) {
      validateAdjustment(input);
      const level = await inTransaction(store, executor, (trx) => applyAdjustment(trx, input, clock.now()));
      if (!executor?.isTransaction) announce([input.variantId]);
      return level;
    },

    async adjustMany(inputs, executor) {
      inputs.forEach((input, index) => {
        validateAdjustment(input);
        if (input.safetyStock !== undefined) requireWholeNumber(input.safetyStock, `[${index}].safetyStock`);
      });
      if (inputs.length === 0) return [];
      const levels = await inTransaction(store, executor, (trx) =>
        applyAdjustments(trx, inputs, clock.now()),
      );
      if (!executor?.isTransaction) announce(inputs.map((input) => input.variantId));
      return levels;
    },

    async setSafetyStock(variantId, locationId, quantity, executor) {
      requireText(variantId, 'variantId');
      requireText(locationId, 'locationId');
      requireWholeNumber(quantity, 'quantity');
      const level = await inTransaction(store, executor, async (trx) => {
        const now = clock.now();
        await ensureLevel(trx, variantId, locationId, now);
        await trx
          .updateTable('stock_levels')
          .set({ safety_stock: quantity, updated_at: now })
          .where('variant_id', '=', variantId)
          .where('location_id', '=', locationId)
          .execute();
        return readLevel(trx, variantId, locationId, now);
      });
      if (!executor?.isTransaction) announce([variantId]);
      return level;
    },

    async levels(variantIds, executor) {
      return (await readLevels(executor ?? store.db, variantIds, clock.now())).map(toStockLevel);
    },

    async availability(variantIds, availabilityOptions = {}) {
      const { channel, locationId } = availabilityOptions;
      const known = await locations.all();
      if (locationId !== undefined && !known.some((location) => location.id === locationId)) {
        throw new NotFoundError('location', locationId);
      }
      const serving = known.filter(
        (location) =>
          servesChannel(location, channel) && (locationId === undefined || location.id === locationId),
      );
      const levels = await readLevels(store.db, variantIds, clock.now());
      const result = new Map<string, Availability>();
      for (const variantId of variantIds) {
        const locationsOfVariant = serving.map((location) => {
          const level = levels.find((row) => row.variantId === variantId && row.locationId === location.id);
          return {
            locationId: location.id,
            locationCode: location.code,
            available: level ? availableOf(level) : 0,
            pickup: location.pickup,
          };
        });
        const available = locationsOfVariant.reduce((sum, location) => sum + location.available, 0);
        result.set(variantId, {
          variantId,
          available,
          lowStock: available > 0 && available <= lowStockThreshold,
          inStock: available > 0,
          locations: locationsOfVariant,
        });
      }
      return result;
    },

    async reserve(input) {
      const reservation = await reservations.reserve(store, locations, input, clock, writeHolds);
      announce(reservation.lines.map((line) => line.variantId));
      return reservation;
    },

    getReservation: (id) => reservations.getReservation(store.db, id, clock.now()),

    extend: (id, seconds) => reservations.extend(store, id, seconds, clock),

    async release(id) {
      const { reservation, variantIds } = await reservations.release(store, id, clock);
      announce(variantIds);
      return reservation;
    },

    async commit(id) {
      const { reservation, variantIds } = await reservations.commit(store, id, clock);
      announce(variantIds);
      return reservation;
    },

    async sweepExpired() {
      const { expired, variantIds } = await reservations.sweepExpired(store, clock);
      announce(variantIds);
      return expired;
    },

    ledger: (variantId, locationId) => readLedger(store.db, variantId, locationId),

    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    announceChange: announce,
  };
}
