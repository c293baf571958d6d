/**
 * The inventory's domain model: where stock sits, how much of it is promised, and what a
 * shopper may still buy. Quantities are whole units; times are epoch milliseconds.
 */

/** Text in one or more locales; the same shape as the catalog's, declared here to keep the layers apart. */
export type LocalizedText = Readonly<Record<string, string>>;

export type LocationKind = 'store' | 'warehouse';

export interface Location {
  id: string;
  /** The merchant's stable key; `upsertLocation` matches on it. */
  code: string;
  name: LocalizedText;
  kind: LocationKind;
  /** Lower ships first. */
  priority: number;
  /** Sales channels served from here, e.g. `['online', 'pos']`. */
  channels: string[];
  /** Shoppers can collect orders here. */
  pickup: boolean;
  address: string | null;
  active: boolean;
}

/** Omitted optional fields keep their current value on update and take a default on insert. */
export interface LocationInput {
  code: string;
  name: LocalizedText;
  kind: LocationKind;
  /** Default 100. */
  priority?: number;
  /** Default `['online', 'pos']` for a store, `['online']` for a warehouse. */
  channels?: string[];
  /** Default true for a store, false for a warehouse. */
  pickup?: boolean;
  address?: string | null;
  /** Default true; an inactive location keeps its stock but neither sells nor ships. */
  active?: boolean;
}

export type AdjustmentKind = 'receive' | 'count' | 'damage' | 'return' | 'correction';
export type LedgerKind = AdjustmentKind | 'sale';

export interface AdjustmentInput {
  variantId: string;
  locationId: string;
  kind: AdjustmentKind;
  /**
   * receive, return: units in (> 0); damage: units out (> 0); correction: signed change (≠ 0);
   * count: the new absolute on hand (≥ 0).
   */
  quantity: number;
  reason?: string;
  /** Who made the change: a user id, `import:<file>`, `system`. */
  actor: string;
  /** What the change belongs to, e.g. `{ referenceType: 'return', referenceId: 'ret_…' }`. */
  referenceType?: string;
  referenceId?: string;
}

/** An adjustment in a bulk write; it may set the level's safety stock at the same time. */
export interface BulkAdjustmentInput extends AdjustmentInput {
  safetyStock?: number;
}

export interface StockLevel {
  variantId: string;
  locationId: string;
  onHand: number;
  /** Units held by reservations that have not lapsed. */
  reserved: number;
  safetyStock: number;
  /** onHand − reserved − safetyStock, never below 0. */
  available: number;
}

export interface LocationAvailability {
  locationId: string;
  locationCode: string;
  available: number;
  pickup: boolean;
}

export interface Availability {
  variantId: string;
  /** Sum over the active locations that serve the channel asked about. */
  available: number;
  /** 0 < available ≤ the service's low-stock threshold. */
  lowStock: boolean;
  inStock: boolean;
  /** Every active location serving the channel, lowest priority number first. */
  locations: LocationAvailability[];
}

export interface ReservationLineInput {
  variantId: string;
  quantity: number;
  /** Hold at this location; without it the service allocates by location priority. */
  locationId?: string;
}

export type ReservationStatus = 'active' | 'committed' | 'released' | 'expired';

export interface ReservationLine {
  variantId: string;
  locationId: string;
  quantity: number;
}

export interface Reservation {
  id: string;
  referenceType: 'cart' | 'checkout' | 'order' | (string & {});
  referenceId: string;
  status: ReservationStatus;
  expiresAt: number;
  /** A reservation can be extended once. */
  extended: boolean;
  /** One line per (variant, location), quantities summed. */
  lines: ReservationLine[];
}

export interface ReserveInput {
  referenceType: string;
  referenceId: string;
  lines: ReservationLineInput[];
  ttlSeconds: number;
  /** Only locations serving this channel are used; without it, every active location. */
  channel?: string;
}

export interface LedgerEntry {
  /** Increases in the order entries were written. */
  sequence: number;
  variantId: string;
  locationId: string;
  kind: LedgerKind;
  /** Change to on hand; negative for units leaving. */
  quantity: number;
  onHandAfter: number;
  reason: string | null;
  actor: string;
  referenceType: string | null;
  referenceId: string | null;
  createdAt: number;
}

export interface AvailabilityOptions {
  channel?: string;
  locationId?: string;
}
