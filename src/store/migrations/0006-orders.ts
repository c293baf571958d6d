import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('number', 'text', (col) => col.notNull().unique())
    .addColumn('checkout_id', 'text', (col) => col.unique())
    .addColumn('customer_id', 'text')
    .addColumn('customer_tier', 'text')
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('shipping_address', 'text')
    .addColumn('billing_address', 'text')
    .addColumn('shipping', 'text', (col) => col.notNull())
    .addColumn('totals', 'text', (col) => col.notNull())
    .addColumn('promotions', 'text', (col) => col.notNull())
    .addColumn('fulfilment', 'text', (col) => col.notNull())
    .addColumn('tax_included', 'integer', (col) => col.notNull())
    .addColumn('reservation_id', 'text')
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('placed_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  // A customer's orders are listed newest first.
  await db.schema
    .createIndex('orders_customer')
    .on('orders')
    .columns(['customer_id', 'placed_at', 'id'])
    .execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('order_id', 'text', (col) => col.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('variant_id', 'text', (col) => col.notNull())
    .addColumn('product_id', 'text', (col) => col.notNull())
    .addColumn('sku', 'text')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('option_values', 'text', (col) => col.notNull())
    .addColumn('unit_price', 'bigint', (col) => col.notNull())
    .addColumn('discounts', 'text', (col) => col.notNull())
    .addColumn('total', 'bigint', (col) => col.notNull())
    .addColumn('tax', 'bigint', (col) => col.notNull())
    .addColumn('category_path', 'text', (col) => col.notNull())
    .addColumn('ordered', 'integer', (col) => col.notNull())
    .addColumn('cancelled', 'integer', (col) => col.notNull())
    .addColumn('fulfilled', 'integer', (col) => col.notNull())
    .addColumn('delivered', 'integer', (col) => col.notNull())
    .addColumn('returned', 'integer', (col) => col.notNull())
    .addColumn('exchanged', 'integer', (col) => col.notNull())
    .addColumn('requested', 'integer', (col) => col.notNull())
    .addColumn('replaces', 'text')
    .execute();
  await db.schema
    .createIndex('order_lines_order')
    .on('order_lines')
    .columns(['order_id', 'position'])
    .execute();

  await db.schema
    .createTable('order_transactions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('order_id', 'text', (col) => col.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('reference', 'text')
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('refunded', 'bigint', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('tender_id', 'text')
    .addColumn('operation_id', 'text')
    .addColumn('idempotency_key', 'text', (col) => col.unique())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('order_transactions_order')
    .on('order_transactions')
    .columns(['order_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('order_id', 'text', (col) => col.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('sequence', 'integer', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addUniqueConstraint('order_events_sequence', ['order_id', 'sequence'])
    .execute();

  await db.schema
    .createTable('order_requests')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('order_id', 'text', (col) => col.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('order_requests_order').on('order_requests').column('order_id').execute();

  await db.schema
    .createTable('order_number_sequence')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'bigint', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('order_number_sequence').execute();
  await db.schema.dropTable('order_requests').execute();
  await db.schema.dropTable('order_events').execute();
  await db.schema.dropTable('order_transactions').execute();
  await db.schema.dropTable('order_lines').execute();
  await db.schema.dropTable('orders').execute();
}
