/**
 * The catalogs the labelled utterances are written for: the demo outdoor store and a kitchenware
 * shop imported from a Shopify CSV, each with its vocabulary and currency.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseShopifyCsv } from '../../../catalog/import/index.js';
import type { Product, ProductInput } from '../../../catalog/index.js';
import { defaultSynonymGroups, type SynonymGroups } from '../../../catalog/search/index.js';
import { DEMO_STORE, demoProducts, demoSynonyms } from '../../../demo/index.js';
import type { LabelledUtterance, NluCatalog } from '../evaluate-nlu.js';
import { buildVocabulary } from '../vocabulary.js';

const FIXTURES = new URL('../../../../test/nlu/', import.meta.url);
export const KITCHEN_CSV = fileURLToPath(new URL('kitchen-shop.csv', FIXTURES));
const KITCHEN_SYNONYMS = fileURLToPath(new URL('kitchen-synonyms.json', FIXTURES));
export const UTTERANCES = fileURLToPath(new URL('utterances.ndjson', FIXTURES));

/** A catalog product from an input, with ids and times fixed so evaluation is reproducible. */
export function productFromInput(input: ProductInput, position: number): Product {
  const id = `prod_${position}`;
  return {
    id,
    handle: input.handle,
    status: input.status ?? 'active',
    title: input.title,
    description: input.description ?? {},
    brand: input.brand ?? null,
    categoryPath: input.categoryPath ?? [],
    productType: input.productType ?? null,
    tags: input.tags ?? [],
    attributes: input.attributes ?? {},
    options: input.options ?? [],
    images: [],
    variants: input.variants.map((variant, index) => ({
      id: `${id}_v${index}`,
      productId: id,
      sku: variant.sku ?? null,
      barcode: variant.barcode ?? null,
      optionValues: variant.optionValues,
      price: variant.price,
      compareAtPrice: variant.compareAtPrice ?? null,
      cost: variant.cost ?? null,
      weightGrams: variant.weightGrams ?? null,
      imageUrl: variant.imageUrl ?? null,
      position: index,
    })),
    createdAt: 0,
    updatedAt: 0,
  };
}

export function demoCatalogProducts(): Product[] {
  return demoProducts().map(productFromInput);
}

export function demoCatalogSynonyms(): SynonymGroups {
  return [...defaultSynonymGroups, ...demoSynonyms];
}

export async function kitchenCatalogProducts(): Promise<Product[]> {
  const products: Product[] = [];
  for await (const item of parseShopifyCsv(createReadStream(KITCHEN_CSV), {
    currency: 'TWD',
    locale: 'en',
  })) {
    if (item.kind === 'product') products.push(productFromInput(item.product.input, products.length));
  }
  return products;
}

export function kitchenCatalogSynonyms(): SynonymGroups {
  return [...defaultSynonymGroups, ...(JSON.parse(readFileSync(KITCHEN_SYNONYMS, 'utf8')) as string[][])];
}

export async function evaluationCatalogs(): Promise<Record<string, NluCatalog>> {
  return {
    outdoor: {
      vocabulary: buildVocabulary(demoCatalogProducts(), { synonyms: demoCatalogSynonyms() }),
      currency: DEMO_STORE.currency,
    },
    kitchen: {
      vocabulary: buildVocabulary(await kitchenCatalogProducts(), { synonyms: kitchenCatalogSynonyms() }),
      currency: 'TWD',
    },
  };
}

export function readUtterances(path = UTTERANCES): LabelledUtterance[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledUtterance);
}
