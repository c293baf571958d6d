import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('handle', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('brand', 'text')
    .addColumn('category_path', 'text', (col) => col.notNull())
    .addColumn('product_type', 'text')
    .addColumn('tags', 'text', (col) => col.notNull())
    .addColumn('attributes', 'text', (col) => col.notNull())
    .addColumn('options', 'text', (col) => col.notNull())
    .addColumn('images', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  // Keyset pages filtered by status walk this index in id order.
  await db.schema.createIndex('products_status_id').on('products').columns(['status', 'id']).execute();

  await db.schema
    .createTable('variants')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('product_id', 'text', (col) => col.notNull().references('products.id').onDelete('cascade'))
    .addColumn('sku', 'text', (col) => col.unique())
    .addColumn('barcode', 'text')
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('option_values', 'text', (col) => col.notNull())
    .addColumn('price', 'bigint', (col) => col.notNull())
    .addColumn('compare_at_price', 'bigint')
    .addColumn('cost', 'bigint')
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('weight_grams', 'integer')
    .addColumn('image_url', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  // Loading a product's variants (the chat hot path) reads them in position order from here.
  await db.schema
    .createIndex('variants_product_position')
    .on('variants')
    .columns(['product_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('variants').execute();
  await db.schema.dropTable('products').execute();
}
