/**
 * Test fixtures: the inventory keys stock by variant id and the database checks those ids
 * against the catalog's tables, so tests insert bare products and variants directly.
 */
import { newId } from '../core/index.js';
import type { Store } from '../store/index.js';

let counter = 0;

export async function createVariants(store: Store, count: number): Promise<string[]> {
  counter += 1;
  const productId = newId('prod');
  await store.db
    .insertInto('products')
    .values({
      id: productId,
      handle: `fixture-${counter}-${productId}`,
      status: 'active',
      title: JSON.stringify({ en: 'Fixture' }),
      description: JSON.stringify({ en: '' }),
      brand: null,
      category_path: '[]',
      product_type: null,
      tags: '[]',
      attributes: '{}',
      options: '[]',
      images: '[]',
      created_at: 0,
      updated_at: 0,
    })
    .execute();
  const ids = Array.from({ length: count }, () => newId('var'));
  await store.db
    .insertInto('variants')
    .values(
      ids.map((id, position) => ({
        id,
        product_id: productId,
        sku: null,
        barcode: null,
        position,
        option_values: '[]',
        price: 1000,
        compare_at_price: null,
        cost: null,
        currency: 'USD',
        weight_grams: null,
        image_url: null,
        created_at: 0,
        updated_at: 0,
      })),
    )
    .execute();
  return ids;
}
