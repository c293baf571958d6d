/**
 * Product cards as the shopper's screen draws them, with the facts behind every figure on them:
 * prices from the catalog, stock and pickup places from the inventory, and badges for the
 * automatic promotions the rules engine grants the product as it stands (priced alone, one unit,
 * no code, no customer), so a badge never promises what the cart would not give.
 */
import { localize, type Product } from '../../catalog/index.js';
import type { Money } from '../../core/index.js';
import { priceCart } from '../../rules/index.js';
import { type Fact, factsFromAvailability, factsFromPromotion, type StockFact } from '../facts/index.js';
import type { ToolKit } from './tool-kit.js';
import { nowOf } from './tool-kit.js';
import type { Card, ProductCardItem, ToolContext } from './types.js';

export function cheapestVariant(product: Product): Product['variants'][number] | undefined {
  return product.variants.reduce<Product['variants'][number] | undefined>(
    (low, v) => (low === undefined || v.price.amount < low.price.amount ? v : low),
    undefined,
  );
}

function stockStatus(stock: readonly StockFact[]): ProductCardItem['stock']['status'] {
  const selling = stock.filter((s) => s.available > 0);
  if (selling.length === 0) return 'out_of_stock';
  return selling.every((s) => s.lowStock) ? 'low_stock' : 'in_stock';
}

/** Names of the automatic promotions that take money off this product alone, with their facts. */
async function promotionsFor(
  kit: ToolKit,
  products: readonly Product[],
  context: ToolContext,
): Promise<Map<string, { names: string[]; facts: Fact[] }>> {
  const { ruleSet } = await kit.services.promotions.current();
  const automatic = ruleSet.promotions.filter((p) => p.codes === undefined || p.codes.length === 0);
  const found = new Map<string, { names: string[]; facts: Fact[] }>();
  if (automatic.length === 0) return found;
  const usage = await kit.services.promotions.usage(
    automatic.map((p) => p.id),
    null,
  );
  const byId = new Map(automatic.map((p) => [p.id, p]));
  const now = nowOf(kit, context);
  for (const product of products) {
    const variant = cheapestVariant(product);
    if (variant === undefined || variant.price.currency !== ruleSet.currency) continue;
    const result = priceCart(
      {
        currency: ruleSet.currency,
        now,
        channel: context.channel,
        usage,
        lines: [
          {
            id: 'card',
            productId: product.id,
            variantId: variant.id,
            quantity: 1,
            unitPrice: variant.price.amount,
            categoryPath: product.categoryPath,
            brand: product.brand,
            tags: product.tags,
            optionValues: variant.optionValues,
            weightGrams: variant.weightGrams,
            cost: variant.cost?.amount ?? null,
          },
        ],
      },
      ruleSet,
    );
    const granted = new Map<string, number>();
    for (const line of result.lines) {
      for (const adjustment of line.adjustments) {
        if (adjustment.kind !== 'item') continue;
        granted.set(adjustment.promotionId, (granted.get(adjustment.promotionId) ?? 0) + adjustment.amount);
      }
    }
    const names: string[] = [];
    const facts: Fact[] = [];
    for (const [promotionId, amount] of granted) {
      const promotion = byId.get(promotionId);
      if (promotion === undefined || amount <= 0) continue;
      names.push(promotion.name);
      facts.push(factsFromPromotion(promotion, ruleSet.currency, 'offered'));
    }
    if (names.length > 0) found.set(product.id, { names, facts });
  }
  return found;
}

/**
 * One 'products' card for `products`, in their order, and the stock and promotion facts it shows.
 * `priceFrom` gives, per product, the lowest price among the variants a search matched (the blue
 * ones, the ones in budget); without it a card shows the product's lowest price.
 */
export async function productCards(
  kit: ToolKit,
  products: readonly Product[],
  context: ToolContext,
  priceFrom: ReadonlyMap<string, Money> = new Map(),
): Promise<{ card: Card; facts: Fact[] }> {
  const { inventory } = kit.services;
  const [availability, locations, promotions] = await Promise.all([
    inventory.availability(
      products.flatMap((p) => p.variants.map((v) => v.id)),
      { channel: context.channel },
    ),
    inventory.listLocations(),
    promotionsFor(kit, products, context),
  ]);
  const facts: Fact[] = [];
  const items = products.map((product): ProductCardItem => {
    const stock: StockFact[] = product.variants.flatMap((v) => {
      const found = availability.get(v.id);
      return found === undefined ? [] : [factsFromAvailability(found, locations, product.id)];
    });
    facts.push(...stock);
    const offers = promotions.get(product.id);
    if (offers !== undefined) facts.push(...offers.facts);
    const available = new Map(stock.map((s) => [s.variantId, s.available]));
    const pickup = new Map<string, string>();
    for (const s of stock) {
      for (const l of s.locations) {
        if (l.pickup && l.available > 0) pickup.set(l.locationId, localize(l.name, context.locale));
      }
    }
    const matched = priceFrom.get(product.id);
    const low =
      (matched === undefined ? undefined : product.variants.find((v) => v.price.amount === matched.amount)) ??
      cheapestVariant(product);
    const price: Money = low?.price ?? { amount: 0, currency: context.currency };
    const compareAt = low?.compareAtPrice ?? null;
    return {
      productId: product.id,
      title: localize(product.title, context.locale),
      brand: product.brand,
      price,
      compareAtPrice: compareAt !== null && compareAt.amount > price.amount ? compareAt : null,
      imageUrl: product.images[0]?.url ?? product.variants[0]?.imageUrl ?? null,
      badges: offers?.names ?? [],
      stock: {
        status: stockStatus(stock),
        available: stock.reduce((sum, s) => sum + s.available, 0),
        pickupToday: [...pickup.values()],
      },
      options: product.options.map((o) => ({ name: o.name, values: o.values })),
      variants: product.variants.map((v) => ({
        variantId: v.id,
        options: Object.fromEntries(product.options.map((o, i) => [o.name, v.optionValues[i] ?? ''])),
        price: v.price,
        available: available.get(v.id) ?? 0,
      })),
    };
  });
  return { card: { type: 'products', items }, facts };
}
