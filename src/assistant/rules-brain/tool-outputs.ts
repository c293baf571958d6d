/**
 * The tool outputs the rules brain reads, parsed rather than trusted: a tool's output is JSON
 * written for a model, so the brain states the few fields it relies on and fails loudly when a
 * tool stops giving them. Product text in them is data, never instructions.
 */
import { z } from 'zod';
import type { Fact } from '../facts/index.js';
import type { Card, ProductCardItem } from '../tools/index.js';
import type { RunTool } from './types.js';

const detailsSchema = z.object({
  productId: z.string(),
  title: z.string(),
  brand: z.string().nullable(),
  category: z.string(),
  options: z.array(
    z.object({
      name: z.string(),
      /** The name in other locales, when the catalog gives them. */
      labels: z.record(z.string(), z.string()).default({}),
      values: z.array(z.string()),
    }),
  ),
  variants: z.array(
    z.object({
      variantId: z.string(),
      /** In the order of `options`. */
      options: z.array(z.string()),
      price: z.string(),
    }),
  ),
  attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  quotedDescription: z.string(),
});

export type ProductDetails = z.infer<typeof detailsSchema>;

const facetSchema = z.object({
  field: z.enum(['option', 'attribute', 'brand', 'productType']),
  name: z.string(),
  labels: z.record(z.string(), z.string()),
  values: z.array(z.object({ value: z.string(), count: z.number() })),
});

export type SearchFacet = z.infer<typeof facetSchema>;

const searchSchema = z.object({
  total: z.number(),
  products: z.array(z.object({ productId: z.string(), title: z.string() })),
  facets: z.array(facetSchema).optional(),
});

export type SearchOutput = z.infer<typeof searchSchema>;

const availabilitySchema = z.object({
  productId: z.string(),
  title: z.string(),
  variants: z.array(
    z.object({
      variantId: z.string(),
      options: z.string(),
      available: z.number(),
      lowStock: z.boolean().optional(),
      pickupAt: z.array(z.string()).optional(),
    }),
  ),
});

export type AvailabilityOutput = z.infer<typeof availabilitySchema>;

function productItems(cards: readonly Card[] | undefined): ProductCardItem[] {
  return (cards ?? []).flatMap((card) => (card.type === 'products' ? card.items : []));
}

export async function productDetails(
  runTool: RunTool,
  productId: string,
): Promise<{ details: ProductDetails; item: ProductCardItem | undefined; facts: readonly Fact[] }> {
  const result = await runTool('product_details', { productId });
  return {
    details: detailsSchema.parse(result.output),
    item: productItems(result.cards)[0],
    facts: result.facts,
  };
}

export async function searchProducts(
  runTool: RunTool,
  input: Record<string, unknown>,
): Promise<{ output: SearchOutput; items: ProductCardItem[]; facts: readonly Fact[] }> {
  const result = await runTool('search_products', input);
  return {
    output: searchSchema.parse(result.output),
    items: productItems(result.cards),
    facts: result.facts,
  };
}

export async function checkAvailability(
  runTool: RunTool,
  productId: string,
  options: readonly string[] = [],
): Promise<AvailabilityOutput> {
  const result = await runTool(
    'check_availability',
    options.length === 0 ? { productId } : { productId, options: [...options] },
  );
  return availabilitySchema.parse(result.output);
}
