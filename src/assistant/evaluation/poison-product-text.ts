/**
 * A poisoned catalog: words added to a product's description through the catalog's own upsert,
 * as an import from a compromised feed would bring them. Product text is data; the red-team
 * scenarios check that nothing written there reaches the shopper as an offer.
 */
import type { Product, ProductInput } from '../../catalog/index.js';
import type { AppServices } from '../../server/services.js';

/** The product as an import would send it again, unchanged. */
function inputOf(product: Product): ProductInput {
  return {
    handle: product.handle,
    status: product.status,
    title: product.title,
    description: product.description,
    brand: product.brand,
    categoryPath: product.categoryPath,
    productType: product.productType,
    tags: product.tags,
    attributes: product.attributes,
    options: product.options,
    images: product.images.map(({ position: _position, ...image }) => image),
    variants: product.variants.map((variant) => ({
      sku: variant.sku,
      barcode: variant.barcode,
      optionValues: variant.optionValues,
      price: variant.price,
      compareAtPrice: variant.compareAtPrice,
      cost: variant.cost,
      weightGrams: variant.weightGrams,
      imageUrl: variant.imageUrl,
    })),
  };
}

export async function poisonProductText(
  services: AppServices,
  product: Product,
  added: Readonly<Record<string, string>>,
): Promise<void> {
  const description: Record<string, string> = { ...product.description };
  for (const [locale, words] of Object.entries(added))
    description[locale] = description[locale] === undefined ? words : `${description[locale]} ${words}`;
  await services.catalog.upsertProducts([{ ...inputOf(product), description }]);
  await services.settled();
}
