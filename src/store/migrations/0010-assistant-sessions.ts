import type { Kysely } from 'kysely';

// Assistant conversations: one row per session, one per message, in order.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assistant_sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('token_hash', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('customer_verified', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('cart_id', 'text')
    .addColumn('cart_token', 'text')
    .addColumn('dialogue', 'text', (col) => col.notNull())
    .addColumn('pii_vault', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('last_brain', 'text')
    .addColumn('handoff_reason', 'text')
    .addColumn('handoff_note', 'text')
    .addColumn('handoff_at', 'bigint')
    .addColumn('staff_name', 'text')
    .addColumn('message_count', 'integer', (col) => col.notNull().defaultTo(0))
    // Which turn holds the session, and until when, so servers sharing the database take turns.
    .addColumn('turn_owner', 'text')
    .addColumn('turn_until', 'bigint')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addColumn('last_message_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('assistant_sessions_status')
    .on('assistant_sessions')
    .columns(['status', 'last_message_at'])
    .execute();

  await db.schema
    .createTable('assistant_messages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('session_id', 'text', (col) =>
      col.notNull().references('assistant_sessions.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('brain', 'text')
    .addColumn('input_tokens', 'integer')
    .addColumn('output_tokens', 'integer')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addUniqueConstraint('assistant_messages_seq', ['session_id', 'seq'])
    .execute();
  // Routing statistics add up the turns by brain.
  await db.schema.createIndex('assistant_messages_brain').on('assistant_messages').column('brain').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('assistant_messages').execute();
  await db.schema.dropTable('assistant_sessions').execute();
}
