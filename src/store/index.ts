export {
  type Db,
  type Engine,
  type Executor,
  engineOf,
  type OpenStoreOptions,
  openStore,
  type Store,
  type Tx,
} from './database.js';
export { migrateToLatest } from './migrate.js';
export {
  claimOutbox,
  dispatchOutbox,
  enqueueOutbox,
  markOutboxDelivered,
  markOutboxFailed,
  type OutboxEvent,
  type OutboxHandler,
  type OutboxMessage,
} from './outbox.js';
export type { Schema } from './schema/index.js';
