import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('promotions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('promotions_status').on('promotions').columns(['status', 'id']).execute();

  await db.schema
    .createTable('promotion_versions')
    .addColumn('promotion_id', 'text', (col) => col.notNull().references('promotions.id').onDelete('cascade'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('document', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('promotion_versions_pk', ['promotion_id', 'version'])
    .execute();

  await db.schema
    .createTable('promotion_codes')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('promotion_id', 'text', (col) => col.notNull().references('promotions.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('promotion_codes_promotion')
    .on('promotion_codes')
    .column('promotion_id')
    .execute();

  await db.schema
    .createTable('promotion_usage')
    .addColumn('promotion_id', 'text', (col) =>
      col.primaryKey().references('promotions.id').onDelete('cascade'),
    )
    .addColumn('uses', 'integer', (col) => col.notNull())
    .addColumn('spent', 'bigint', (col) => col.notNull())
    .addColumn('max_uses', 'integer')
    .addColumn('max_customer_uses', 'integer')
    .addColumn('budget', 'bigint')
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('promotion_customer_usage')
    .addColumn('promotion_id', 'text', (col) => col.notNull().references('promotions.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('uses', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('promotion_customer_usage_pk', ['promotion_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('promotion_redemptions')
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addColumn('promotion_id', 'text', (col) => col.notNull().references('promotions.id').onDelete('cascade'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('spent', 'bigint', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('reverted_at', 'bigint')
    .addPrimaryKeyConstraint('promotion_redemptions_pk', ['order_id', 'promotion_id'])
    .execute();

  await db.schema
    .createTable('policy_versions')
    .addColumn('version', 'integer', (col) => col.primaryKey())
    .addColumn('document', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policy_versions').execute();
  await db.schema.dropTable('promotion_redemptions').execute();
  await db.schema.dropTable('promotion_customer_usage').execute();
  await db.schema.dropTable('promotion_usage').execute();
  await db.schema.dropTable('promotion_codes').execute();
  await db.schema.dropTable('promotion_versions').execute();
  await db.schema.dropTable('promotions').execute();
}
