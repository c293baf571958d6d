/** Inventory: locations, stock levels, reservations, the stock ledger and availability by channel. */
export { InsufficientStockError, type ShortLine } from './errors.js';
export {
  type ChangeListener,
  createInventoryService,
  type InventoryService,
  type InventoryServiceOptions,
} from './inventory-service.js';
export type {
  AdjustmentInput,
  AdjustmentKind,
  Availability,
  AvailabilityOptions,
  BulkAdjustmentInput,
  LedgerEntry,
  LedgerKind,
  LocalizedText,
  Location,
  LocationAvailability,
  LocationInput,
  LocationKind,
  Reservation,
  ReservationLine,
  ReservationLineInput,
  ReservationStatus,
  ReserveInput,
  StockLevel,
} from './types.js';
