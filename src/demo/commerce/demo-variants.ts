/** Finds the catalog variants the order plan names by product handle and option values. */
import type { CatalogService, Variant } from '../../catalog/index.js';
import { NotFoundError } from '../../core/index.js';
import type { DemoItem } from './demo-orders.js';

export type VariantFinder = (item: DemoItem) => Promise<Variant>;

export function variantFinder(catalog: Pick<CatalogService, 'findProductByHandle'>): VariantFinder {
  const products = new Map<string, ReturnType<CatalogService['findProductByHandle']>>();
  return async (item) => {
    let product = products.get(item.handle);
    if (product === undefined) {
      product = catalog.findProductByHandle(item.handle);
      products.set(item.handle, product);
    }
    const variant = (await product)?.variants.find(
      (candidate) =>
        candidate.optionValues.length === item.options.length &&
        candidate.optionValues.every((value, index) => value === item.options[index]),
    );
    if (variant === undefined) {
      // The plan names the demo catalog; without it there is nothing to sell.
      throw new NotFoundError(
        'demo variant',
        [item.handle, ...item.options].join(' / '),
        'demo_catalog_missing',
      );
    }
    return variant;
  };
}
