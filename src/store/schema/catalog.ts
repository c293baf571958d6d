// Declared by the catalog migration (0002).
export type CatalogTables = Record<never, never>;
