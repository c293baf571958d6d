import type { Product } from '../../catalog/index.js';
import type { PriceFact, ProductFact } from './types.js';

/** A product fact plus one price fact per variant. */
export function factsFromProduct(product: Product): [ProductFact, ...PriceFact[]] {
  const productFact: ProductFact = {
    kind: 'product',
    productId: product.id,
    title: product.title,
    brand: product.brand,
    categoryPath: product.categoryPath,
    tags: product.tags,
    description: product.description,
    variants: product.variants.map((v) => ({
      variantId: v.id,
      sku: v.sku,
      optionValues: v.optionValues,
      price: v.price,
      compareAtPrice: v.compareAtPrice,
    })),
  };
  const prices = product.variants.map(
    (v): PriceFact => ({
      kind: 'price',
      productId: product.id,
      variantId: v.id,
      price: v.price,
      compareAtPrice: v.compareAtPrice,
    }),
  );
  return [productFact, ...prices];
}
