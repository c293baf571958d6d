export interface OutboxTable {
  id: string;
  topic: string;
  /** JSON text. */
  payload: string;
  idempotency_key: string;
  created_at: number;
  available_at: number;
  attempts: number;
  claimed_until: number | null;
  delivered_at: number | null;
  last_error: string | null;
}

export interface OutboxTables {
  outbox: OutboxTable;
}
