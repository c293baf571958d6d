export {
  type CatalogChange,
  type CatalogService,
  type CatalogServiceDependencies,
  createCatalogService,
  type UpsertOutcome,
  type UpsertResult,
} from './catalog-service.js';
export {
  inspectProductInput,
  MAX_OPTIONS,
  normalizeProductInput,
  type ProductIssue,
} from './normalize-product-input.js';
export type { ProductContent, VariantContent } from './product-content.js';
export * from './types.js';
