import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('external_id', 'text', (col) => col.unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_key', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('email_key', 'text', (col) => col.unique())
    .addColumn('phone', 'text')
    .addColumn('tier', 'text')
    .addColumn('segment', 'text')
    .addColumn('tags', 'text', (col) => col.notNull())
    .addColumn('locale', 'text')
    .addColumn('marketing_consent', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('customers_name_key').on('customers').column('name_key').execute();

  await db.schema
    .createTable('customer_addresses')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('postal_key', 'text', (col) => col.notNull())
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('label', 'text')
    .addColumn('default_shipping', 'integer', (col) => col.notNull())
    .addColumn('default_billing', 'integer', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('customer_addresses_customer')
    .on('customer_addresses')
    .columns(['customer_id', 'position'])
    .execute();
  // Name + postal code lookups start from the postal code: far fewer people share one.
  await db.schema
    .createIndex('customer_addresses_postal')
    .on('customer_addresses')
    .columns(['postal_key', 'customer_id'])
    .execute();

  await db.schema
    .createTable('customer_payment_methods')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('token', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('brand', 'text', (col) => col.notNull())
    .addColumn('last4', 'text')
    .addColumn('exp_month', 'integer')
    .addColumn('exp_year', 'integer')
    .addColumn('is_default', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addUniqueConstraint('customer_payment_methods_token', ['provider', 'token'])
    .execute();
  await db.schema
    .createIndex('customer_payment_methods_customer')
    .on('customer_payment_methods')
    .column('customer_id')
    .execute();

  await db.schema
    .createTable('customer_gift_cards')
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('customer_gift_cards_pk', ['customer_id', 'account_id'])
    .execute();

  await db.schema
    .createTable('customer_imported_balances')
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('balance_key', 'text', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('customer_imported_balances_pk', ['customer_id', 'balance_key'])
    .execute();

  await db.schema
    .createTable('customer_imported_orders')
    .addColumn('number', 'text', (col) => col.primaryKey())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('customer_imported_orders_customer')
    .on('customer_imported_orders')
    .column('customer_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_imported_orders').execute();
  await db.schema.dropTable('customer_imported_balances').execute();
  await db.schema.dropTable('customer_gift_cards').execute();
  await db.schema.dropTable('customer_payment_methods').execute();
  await db.schema.dropTable('customer_addresses').execute();
  await db.schema.dropTable('customers').execute();
}
