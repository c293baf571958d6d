/**
 * A need as a search: catalog terms become the search's filters, the budget its price range, and
 * the shopper's size the option value of whichever option of the matches holds it.
 */
import { type Money, toDecimal } from '../../../core/index.js';
import type { ProductFact, StockFact } from '../../facts/index.js';
import type { ProductCardItem } from '../../tools/index.js';
import { type SearchFacet, type SearchOutput, searchProducts } from '../tool-outputs.js';
import type { RunTool, ShopperNeed } from '../types.js';
import { termKey } from './need.js';

/** How far "around NT$2000" reaches either side. */
const AROUND = 0.2;

function major(value: Money): number {
  return Number(toDecimal(value));
}

export interface SizeFilter {
  readonly option: string;
  readonly value: string;
}

export function searchInput(
  need: ShopperNeed,
  size: SizeFilter | null,
  limit: number,
): Record<string, unknown> {
  const input: Record<string, unknown> = { query: need.query, inStock: true, limit, facets: true };
  const options: Record<string, string[]> = {};
  const attributes: Record<string, string[]> = {};
  const brands: string[] = [];
  const tags: string[] = [];
  for (const term of need.terms) {
    switch (term.kind) {
      case 'category':
        input.category = term.value;
        break;
      case 'productType':
        input.productType = term.value;
        break;
      case 'brand':
        brands.push(term.value);
        break;
      case 'tag':
        tags.push(term.value);
        break;
      case 'option':
        if (term.name !== undefined) options[term.name] = [...(options[term.name] ?? []), term.value];
        break;
      case 'attribute':
        if (term.name !== undefined) attributes[term.name] = [...(attributes[term.name] ?? []), term.value];
        break;
      case 'product':
        break;
    }
  }
  if (size !== null) options[size.option] = [size.value];
  if (brands.length > 0) input.brands = brands;
  if (tags.length > 0) input.tags = tags;
  if (Object.keys(options).length > 0) input.options = options;
  if (Object.keys(attributes).length > 0) input.attributes = attributes;
  const price = need.price;
  if (price?.kind === 'range') {
    if (price.min !== null) input.priceMin = major(price.min);
    if (price.max !== null) input.priceMax = major(price.max);
  } else if (price?.kind === 'around') {
    input.priceMin = Math.floor(major(price.target) * (1 - AROUND));
    input.priceMax = Math.ceil(major(price.target) * (1 + AROUND));
  }
  return input;
}

/** "42" is the value "42", "EU 42" or "42 cm" of an option the matches have. */
function sizeIn(facets: readonly SearchFacet[], size: string): SizeFilter | null {
  const wanted = size.toLowerCase().replace(/\s+/g, '');
  for (const facet of facets) {
    if (facet.field !== 'option') continue;
    for (const { value } of facet.values) {
      const candidate = value.toLowerCase().replace(/\s+/g, '');
      const number = /\d+(?:\.\d+)?/.exec(candidate)?.[0];
      if (candidate === wanted || (/^\d/.test(wanted) && number === wanted))
        return { option: facet.name, value };
    }
  }
  return null;
}

export interface NeedSearch {
  readonly output: SearchOutput;
  readonly items: readonly ProductCardItem[];
  readonly products: ReadonlyMap<string, ProductFact>;
  readonly stock: readonly StockFact[];
  readonly facets: readonly SearchFacet[];
  /** The size filter applied, when the shopper's size is an option value of the matches. */
  readonly size: SizeFilter | null;
}

/** Searches in-stock products for the need; with a size, searches again once it knows which option holds it. */
export async function searchNeed(runTool: RunTool, need: ShopperNeed, limit: number): Promise<NeedSearch> {
  let result = await searchProducts(runTool, searchInput(need, null, limit));
  let size: SizeFilter | null = null;
  if (need.size !== null) {
    size = sizeIn(result.output.facets ?? [], need.size);
    if (size !== null) result = await searchProducts(runTool, searchInput(need, size, limit));
  }
  const products = new Map<string, ProductFact>();
  const stock: StockFact[] = [];
  for (const fact of result.facts) {
    if (fact.kind === 'product') products.set(fact.productId, fact);
    if (fact.kind === 'stock') stock.push(fact);
  }
  return {
    output: result.output,
    items: result.items,
    products,
    stock,
    facets: result.output.facets ?? [],
    size,
  };
}

/** Terms that describe rather than name what is wanted: their words may stand in the text instead. */
const DESCRIBING: ReadonlySet<string> = new Set(['tag', 'attribute']);

/**
 * Looser forms of a need that found nothing, tried in turn before saying so. First the describing
 * terms are searched as the shopper's words rather than exact filters ("running" finds a cap for
 * "road running"); then the free words are dropped, as a search that catalog terms alone satisfy.
 */
export function looserNeeds(need: ShopperNeed): ShopperNeed[] {
  const looser: ShopperNeed[] = [];
  const describing = need.terms.filter((term) => DESCRIBING.has(term.kind));
  if (describing.length > 0) {
    const words = describing.map((term) => need.said?.[termKey(term)] ?? term.value);
    looser.push({
      ...need,
      query: [need.query, ...words].filter((word) => word !== '').join(' '),
      terms: need.terms.filter((term) => !DESCRIBING.has(term.kind)),
    });
  }
  if (need.query !== '' && need.terms.length > 0) looser.push({ ...need, query: '' });
  return looser;
}
