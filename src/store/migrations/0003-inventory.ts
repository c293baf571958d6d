import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // On SQLite the hot tables are clustered on their primary key (WITHOUT ROWID): a reservation
  // then writes one b-tree page per row instead of a row page plus a key index page.
  const clustered = <T extends string, C extends string>(builder: CreateTableBuilder<T, C>) =>
    postgres ? builder : builder.modifyEnd(sql`without rowid`);

  await db.schema
    .createTable('inventory_locations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('priority', 'integer', (col) => col.notNull())
    .addColumn('channels', 'text', (col) => col.notNull())
    .addColumn('pickup', 'integer', (col) => col.notNull())
    .addColumn('address', 'text')
    .addColumn('active', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();

  // The foreign key to variants is the variant existence check: free on the hot path (updates
  // never touch the key) and deleting a variant takes its stock with it.
  await db.schema
    .createTable('stock_levels')
    .addColumn('variant_id', 'text', (col) => col.notNull().references('variants.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (col) => col.notNull().references('inventory_locations.id'))
    .addColumn('on_hand', 'integer', (col) => col.notNull())
    .addColumn('reserved', 'integer', (col) => col.notNull())
    .addColumn('safety_stock', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('stock_levels_pk', ['variant_id', 'location_id'])
    .$call(clustered)
    .execute();

  await db.schema
    .createTable('reservations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('reference_type', 'text', (col) => col.notNull())
    .addColumn('reference_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('channel', 'text')
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .addColumn('extended', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .$call(clustered)
    .execute();
  await db.schema
    .createIndex('reservations_reference')
    .on('reservations')
    .columns(['reference_type', 'reference_id'])
    .execute();
  await db.schema
    .createIndex('reservations_status_expiry')
    .on('reservations')
    .columns(['status', 'expires_at'])
    .execute();

  await db.schema
    .createTable('reservation_lines')
    .addColumn('reservation_id', 'text', (col) =>
      col.notNull().references('reservations.id').onDelete('cascade'),
    )
    .addColumn('variant_id', 'text', (col) => col.notNull())
    .addColumn('location_id', 'text', (col) => col.notNull())
    .addColumn('quantity', 'integer', (col) => col.notNull())
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .addColumn('counted', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('reservation_lines_pk', ['reservation_id', 'variant_id', 'location_id'])
    .$call(clustered)
    .execute();
  // Only holds that still count are indexed: reads subtract the lapsed ones and the sweeper
  // finds them here, so the index stays as small as the number of live holds.
  await db.schema
    .createIndex('reservation_lines_counted')
    .on('reservation_lines')
    .columns(['variant_id', 'location_id', 'expires_at'])
    .where(sql.ref('counted'), '=', 1)
    .execute();

  await db.schema
    .createTable('inventory_ledger')
    // SQLite numbers an INTEGER PRIMARY KEY itself; PostgreSQL needs an identity column.
    .addColumn('sequence', 'integer', (col) =>
      postgres ? col.generatedByDefaultAsIdentity().primaryKey() : col.primaryKey(),
    )
    .addColumn('variant_id', 'text', (col) => col.notNull().references('variants.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (col) => col.notNull().references('inventory_locations.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('quantity', 'integer', (col) => col.notNull())
    .addColumn('on_hand_after', 'integer', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('reference_type', 'text')
    .addColumn('reference_id', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('inventory_ledger_level')
    .on('inventory_ledger')
    .columns(['variant_id', 'location_id', 'sequence'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inventory_ledger').execute();
  await db.schema.dropTable('reservation_lines').execute();
  await db.schema.dropTable('reservations').execute();
  await db.schema.dropTable('stock_levels').execute();
  await db.schema.dropTable('inventory_locations').execute();
}
