import { z } from 'zod';
import type { Product } from '../../catalog/index.js';
import { localize } from '../../catalog/index.js';
import type { SearchQuery } from '../../catalog/search/index.js';
import { ValidationError } from '../../core/index.js';
import type { AdminGuard, App } from '../app.js';
import { booleanParam, errorResponses, listParam, localizedTextSchema, moneySchema } from '../schemas.js';
import type { AppServices } from '../services.js';

const variantView = z.object({
  id: z.string(),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
  title: z.string(),
  options: z.record(z.string(), z.string()),
  price: moneySchema,
  compareAtPrice: moneySchema.nullable(),
  weightGrams: z.number().nullable(),
  imageUrl: z.string().nullable(),
});

const productView = z.object({
  id: z.string(),
  handle: z.string(),
  status: z.enum(['active', 'draft', 'archived']),
  title: z.string(),
  description: z.string(),
  localized: z.object({ title: localizedTextSchema, description: localizedTextSchema }),
  brand: z.string().nullable(),
  categoryPath: z.array(z.string()),
  productType: z.string().nullable(),
  tags: z.array(z.string()),
  attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  images: z.array(z.object({ url: z.string(), alt: z.string().optional() })),
  priceRange: z.object({ min: moneySchema, max: moneySchema }),
  variants: z.array(variantView),
  createdAt: z.string(),
  updatedAt: z.string(),
});

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const localeParam = z.string().min(2).max(20).optional();

/** The shopper-facing view: localized text, option names resolved, no cost or internal fields. */
export function toProductView(product: Product, locale = 'en'): z.infer<typeof productView> {
  const optionNames = product.options.map((o) => o.localizedName?.[locale] ?? o.name);
  const prices = product.variants.map((v) => v.price.amount);
  const currency = product.variants[0]?.price.currency ?? 'XXX';
  return {
    id: product.id,
    handle: product.handle,
    status: product.status,
    title: localize(product.title, locale),
    description: localize(product.description, locale),
    localized: { title: { ...product.title }, description: { ...product.description } },
    brand: product.brand,
    categoryPath: [...product.categoryPath],
    productType: product.productType,
    tags: [...product.tags],
    attributes: Object.fromEntries(
      Object.entries(product.attributes).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]]),
    ),
    options: product.options.map((o, i) => ({ name: optionNames[i] ?? o.name, values: [...o.values] })),
    images: product.images.map((image) =>
      image.alt === undefined ? { url: image.url } : { url: image.url, alt: image.alt },
    ),
    priceRange: {
      min: { amount: prices.length ? Math.min(...prices) : 0, currency },
      max: { amount: prices.length ? Math.max(...prices) : 0, currency },
    },
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      barcode: v.barcode,
      title: v.optionValues.length ? v.optionValues.join(' / ') : localize(product.title, locale),
      options: Object.fromEntries(
        v.optionValues.map((value, i) => [optionNames[i] ?? `option${i + 1}`, value]),
      ),
      price: v.price,
      compareAtPrice: v.compareAtPrice,
      weightGrams: v.weightGrams,
      imageUrl: v.imageUrl,
    })),
    createdAt: new Date(product.createdAt).toISOString(),
    updatedAt: new Date(product.updatedAt).toISOString(),
  };
}

const searchQuerystring = z
  .object({
    q: z.string().max(500).optional(),
    locale: localeParam,
    category: z.string().max(200).optional(),
    productType: z.string().max(200).optional(),
    brand: listParam.optional(),
    tag: listParam.optional(),
    priceMin: z.coerce.number().int().min(0).optional().describe('minor units'),
    priceMax: z.coerce.number().int().min(0).optional().describe('minor units'),
    inStock: booleanParam.optional(),
    location: z.string().max(100).optional().describe('location id: in stock at this location'),
    facets: listParam
      .optional()
      .describe('brand, category, productType, price, tag, option:<name>, attribute:<name>'),
    sort: z.enum(['relevance', 'price_asc', 'price_desc', 'newest']).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    cursor: z.string().max(500).optional(),
  })
  .catchall(z.union([z.string(), z.array(z.string())]))
  .describe(
    'Any `option.<name>=a,b` (e.g. option.color=Black) or `attr.<name>=a,b` filters an option or attribute.',
  );

function prefixedFilters(
  query: Record<string, unknown>,
  prefix: string,
): Record<string, string[]> | undefined {
  const filters: Record<string, string[]> = {};
  for (const [key, raw] of Object.entries(query)) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    if (name === '') throw new ValidationError(`filter "${key}" names no ${prefix.slice(0, -1)}`);
    const values = listParam.parse(raw);
    if (values.length) filters[name] = values;
  }
  return Object.keys(filters).length ? filters : undefined;
}

export function registerCatalogRoutes(app: App, services: AppServices, requireAdmin: AdminGuard): void {
  const { catalog, search } = services;

  app.get(
    '/v1/products',
    {
      schema: {
        tags: ['catalog'],
        summary: 'List active products (keyset pagination)',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).optional(),
          cursor: z.string().max(200).optional(),
          locale: localeParam,
        }),
        response: {
          200: z.object({ items: z.array(productView), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { limit, cursor, locale } = request.query;
      const page = await catalog.listProducts({
        limit: limit ?? 50,
        cursor: cursor ?? null,
        status: 'active',
      });
      return { items: page.items.map((p) => toProductView(p, locale)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/products/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One product by id or handle',
        params: z.object({ id: z.string().min(1).max(300) }),
        querystring: z.object({ locale: localeParam }),
        response: { 200: productView, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const byHandle = await catalog.findProductByHandle(id);
      const product = byHandle ?? (await catalog.getProduct(id));
      return toProductView(product, request.query.locale);
    },
  );

  app.get(
    '/v1/search',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Full-text search with filters, facets, sorting and cursor pagination',
        querystring: searchQuerystring,
        response: {
          200: z.object({
            hits: z
              .array(
                z.object({
                  productId: z.string(),
                  score: z.number(),
                  title: z.string(),
                  priceFrom: moneySchema,
                  matchedVariantIds: z.array(z.string()).readonly(),
                }),
              )
              .readonly(),
            total: z.number(),
            nextCursor: z.string().nullable(),
            facets: z.record(
              z.string(),
              z.array(z.object({ value: z.string(), count: z.number() })).readonly(),
            ),
            query: z.object({
              terms: z.array(z.string()).readonly(),
              corrected: z.record(z.string(), z.string()).optional(),
              ignored: z.array(z.string()).readonly().optional(),
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const query = request.query;
      if (query.priceMin !== undefined && query.priceMax !== undefined && query.priceMin > query.priceMax) {
        throw new ValidationError('priceMin must not exceed priceMax', {
          priceMin: query.priceMin,
          priceMax: query.priceMax,
        });
      }
      const filters: Mutable<NonNullable<SearchQuery['filters']>> = {
        ...(query.category !== undefined && { category: query.category }),
        ...(query.productType !== undefined && { productType: query.productType }),
        ...(query.brand?.length && { brand: query.brand }),
        ...(query.tag?.length && { tags: query.tag }),
        ...(query.priceMin !== undefined && { priceMin: query.priceMin }),
        ...(query.priceMax !== undefined && { priceMax: query.priceMax }),
        ...(query.inStock !== undefined && { inStock: query.inStock }),
        ...(query.location !== undefined && { locationId: query.location }),
      };
      const options = prefixedFilters(query, 'option.');
      const attributes = prefixedFilters(query, 'attr.');
      if (options) filters.options = options;
      if (attributes) filters.attributes = attributes;
      const result = search.search({
        filters,
        ...(query.q !== undefined && { q: query.q }),
        ...(query.locale !== undefined && { locale: query.locale }),
        ...(query.facets !== undefined && { facets: query.facets }),
        ...(query.sort !== undefined && { sort: query.sort }),
        ...(query.limit !== undefined && { limit: query.limit }),
        ...(query.cursor !== undefined && { cursor: query.cursor }),
      });
      return result;
    },
  );

  app.get(
    '/v1/admin/products/:id',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['catalog', 'admin'],
        summary: 'A product with its internal fields (cost per item)',
        security: [{ admin: [] }],
        params: z.object({ id: z.string().min(1).max(300) }),
        response: { 200: z.unknown(), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      return (await catalog.findProductByHandle(id)) ?? (await catalog.getProduct(id));
    },
  );
}
