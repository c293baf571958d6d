/**
 * How the products a search matches spread over their options, attributes, brands and types: the
 * counts a brain needs to choose the one question that narrows them most. The fields come from the
 * matching products themselves (any catalog's own option and attribute names), the counts from the
 * search index over every match, not only the page returned.
 */
import type { Product } from '../../catalog/index.js';
import type { SearchQuery } from '../../catalog/search/index.js';
import type { ToolKit } from './tool-kit.js';

export interface SearchFacet {
  readonly field: 'option' | 'attribute' | 'brand' | 'productType';
  /** The catalog's own name ("Color", "Material"); the field for brand and productType. */
  readonly name: string;
  /** The name in other locales, when the catalog gives them: `{ 'zh-TW': '顏色' }`. */
  readonly labels: Readonly<Record<string, string>>;
  readonly values: readonly { readonly value: string; readonly count: number }[];
}

/**
 * The best matches read to learn which fields the matches have (their counts come from the whole
 * match). Reading products is the cost here: eight keep a search turn within a few milliseconds.
 */
const SAMPLE = 8;
/** Values kept per field, most common first: enough to ask about, short enough for a model to read. */
const MAX_VALUES = 40;

function fieldsOf(products: readonly Product[]): Map<string, Omit<SearchFacet, 'values'>> {
  const fields = new Map<string, Omit<SearchFacet, 'values'>>([
    ['brand', { field: 'brand', name: 'brand', labels: {} }],
    ['productType', { field: 'productType', name: 'productType', labels: {} }],
  ]);
  for (const product of products) {
    for (const option of product.options) {
      const key = `option:${option.name}`;
      if (fields.has(key)) continue;
      fields.set(key, { field: 'option', name: option.name, labels: option.localizedName ?? {} });
    }
    for (const [name, value] of Object.entries(product.attributes)) {
      if (typeof value !== 'string' && !Array.isArray(value)) continue;
      const key = `attribute:${name}`;
      if (!fields.has(key)) fields.set(key, { field: 'attribute', name, labels: {} });
    }
  }
  return fields;
}

/** `known`: products of the search already read, so they are not read again. */
export async function searchFacets(
  kit: ToolKit,
  query: Omit<SearchQuery, 'facets' | 'limit' | 'cursor'>,
  known: readonly Product[] = [],
): Promise<SearchFacet[]> {
  const { search, catalog } = kit.services;
  const sample = search.search({ ...query, limit: SAMPLE });
  if (sample.total < 2) return [];
  const read = new Set(known.map((p) => p.id));
  const more = await catalog.getProducts(sample.hits.map((h) => h.productId).filter((id) => !read.has(id)));
  const fields = fieldsOf([...known, ...more]);
  const counted = search.search({ ...query, limit: 1, facets: [...fields.keys()] });
  return [...fields].flatMap(([key, field]) => {
    const values = counted.facets[key] ?? [];
    return values.length < 2 ? [] : [{ ...field, values: values.slice(0, MAX_VALUES) }];
  });
}
