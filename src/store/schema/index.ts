/**
 * The one schema, as Kysely sees it. Each module's tables are declared in a file of their own
 * here, next to the migration that creates them.
 */
import type { AssistantTables } from './assistant.js';
import type { CartTables } from './carts.js';
import type { CatalogTables } from './catalog.js';
import type { CustomersTables } from './customers.js';
import type { InventoryTables } from './inventory.js';
import type { OrdersTables } from './orders.js';
import type { OutboxTables } from './outbox.js';
import type { PaymentsTables } from './payments.js';
import type { PromotionsTables } from './promotions.js';

export interface Schema
  extends OutboxTables,
    CatalogTables,
    InventoryTables,
    PaymentsTables,
    CustomersTables,
    CartTables,
    OrdersTables,
    PromotionsTables,
    AssistantTables {}
