// Declared by the inventory migration (0003).
export type InventoryTables = Record<never, never>;
