import type { Kysely } from 'kysely';

// Return windows can depend on tags (clearance, final sale): order lines keep them as sold.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('order_lines')
    .addColumn('tags', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute();
}
