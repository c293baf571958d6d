import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('carts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('token_hash', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('notes', 'text')
    .addColumn('shipping_address', 'text')
    .addColumn('shipping_option_id', 'text')
    .addColumn('coupons', 'text', (col) => col.notNull())
    .addColumn('checkout_id', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('carts_customer').on('carts').columns(['customer_id', 'status']).execute();

  await db.schema
    .createTable('cart_lines')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('cart_id', 'text', (col) => col.notNull().references('carts.id').onDelete('cascade'))
    .addColumn('variant_id', 'text', (col) => col.notNull())
    .addColumn('quantity', 'integer', (col) => col.notNull())
    .addColumn('price_when_added', 'bigint', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addUniqueConstraint('cart_lines_variant', ['cart_id', 'variant_id'])
    .execute();

  await db.schema
    .createTable('checkouts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('cart_id', 'text', (col) => col.notNull().references('carts.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('reservation_id', 'text', (col) => col.notNull())
    .addColumn('quote', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('total', 'bigint', (col) => col.notNull())
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .addColumn('attempt_key', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('order_id', 'text')
    .addColumn('order_number', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('checkouts_cart').on('checkouts').column('cart_id').execute();
  // Recovery scans the sagas that are neither settled nor waiting for nobody.
  await db.schema
    .createIndex('checkouts_status')
    .on('checkouts')
    .columns(['status', 'lease_until'])
    .execute();

  await db.schema
    .createTable('checkout_attempts')
    .addColumn('checkout_id', 'text', (col) => col.notNull().references('checkouts.id').onDelete('cascade'))
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('tenders', 'text', (col) => col.notNull())
    .addColumn('expected_total', 'bigint')
    .addColumn('result', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('checkout_attempts_pk', ['checkout_id', 'idempotency_key'])
    .execute();

  await db.schema
    .createTable('checkout_steps')
    .addColumn('checkout_id', 'text', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addColumn('step', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('data', 'text')
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('checkout_steps_pk', ['checkout_id', 'idempotency_key', 'step'])
    .addForeignKeyConstraint(
      'checkout_steps_attempt',
      ['checkout_id', 'idempotency_key'],
      'checkout_attempts',
      ['checkout_id', 'idempotency_key'],
      (constraint) => constraint.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('checkout_steps').execute();
  await db.schema.dropTable('checkout_attempts').execute();
  await db.schema.dropTable('checkouts').execute();
  await db.schema.dropTable('cart_lines').execute();
  await db.schema.dropTable('carts').execute();
}
