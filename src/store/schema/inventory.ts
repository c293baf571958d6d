/**
 * Inventory tables (migration 0003). Quantities are whole units; timestamps are epoch
 * milliseconds; booleans are 0/1; JSON columns are text.
 */
import type { Generated } from 'kysely';

export interface InventoryLocationsTable {
  id: string;
  /** The merchant's stable key; unique. */
  code: string;
  /** JSON: locale → text. */
  name: string;
  kind: 'store' | 'warehouse';
  /** Lower ships first. */
  priority: number;
  /** JSON: string[] of sales channels this location serves. */
  channels: string;
  pickup: number;
  address: string | null;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface StockLevelsTable {
  variant_id: string;
  location_id: string;
  on_hand: number;
  /** Units held by reservation lines that still count (`reservation_lines.counted = 1`). */
  reserved: number;
  safety_stock: number;
  updated_at: number;
}

export interface ReservationsTable {
  id: string;
  reference_type: string;
  reference_id: string;
  /** 'active' rows whose `expires_at` has passed read as expired until the sweeper marks them. */
  status: 'active' | 'committed' | 'released' | 'expired';
  channel: string | null;
  expires_at: number;
  extended: number;
  created_at: number;
  updated_at: number;
}

export interface ReservationLinesTable {
  reservation_id: string;
  variant_id: string;
  location_id: string;
  quantity: number;
  /** Copy of the reservation's expiry, so lapsed holds of one stock level are found by index. */
  expires_at: number;
  /** 1 while `quantity` is included in the stock level's `reserved`. */
  counted: number;
}

export interface InventoryLedgerTable {
  /** Assigned by the database in insertion order. */
  sequence: Generated<number>;
  variant_id: string;
  location_id: string;
  kind: 'receive' | 'count' | 'damage' | 'return' | 'correction' | 'sale';
  /** Change to on hand (negative for units leaving). */
  quantity: number;
  on_hand_after: number;
  reason: string | null;
  actor: string;
  reference_type: string | null;
  reference_id: string | null;
  created_at: number;
}

export interface InventoryTables {
  inventory_locations: InventoryLocationsTable;
  stock_levels: StockLevelsTable;
  reservations: ReservationsTable;
  reservation_lines: ReservationLinesTable;
  inventory_ledger: InventoryLedgerTable;
}
