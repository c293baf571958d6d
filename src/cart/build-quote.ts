/**
 * The cart's quote: the rules engine's prices for the sellable lines, plus what the shopper needs
 * to hear about the rest (coupons that did not apply and why, stock running low or out, prices
 * that moved since an item was added). Pure: every fact comes in as an argument.
 */
import { type LocalizedText, localize, type Product, type Variant } from '../catalog/index.js';
import { formatMoney, type Money } from '../core/index.js';
import type { Availability } from '../inventory/index.js';
import {
  type CartLineFacts,
  type CustomerFacts,
  type PricingOptions,
  priceCart,
  type RuleSet,
  type ShippingQuote,
  type UsageCounters,
  usageDelta,
} from '../rules/index.js';
import type { Cart, CartMessage, Quote, QuoteLine, ShippingOptionView } from './types.js';

export interface QuoteFacts {
  readonly cart: Cart;
  readonly items: ReadonlyMap<string, { product: Product; variant: Variant }>;
  readonly availability: ReadonlyMap<string, Availability>;
  /** Units this cart's own checkout holds, by variant: they are the shopper's, not missing. */
  readonly heldByCart: ReadonlyMap<string, number>;
  readonly pricesWhenAdded: ReadonlyMap<string, number>;
  readonly ruleSet: RuleSet;
  readonly usage: Readonly<Record<string, UsageCounters>>;
  readonly customer: CustomerFacts | null;
  readonly now: number;
  readonly channel: string;
  readonly pricing?: PricingOptions;
}

function both(text: LocalizedText): { en: string; 'zh-TW': string } {
  return { en: localize(text, 'en'), 'zh-TW': localize(text, 'zh-TW') };
}

function sellable(item: { product: Product; variant: Variant } | undefined, currency: string): boolean {
  return item !== undefined && item.product.status === 'active' && item.variant.price.currency === currency;
}

function stockMessage(
  lineId: string,
  title: { en: string; 'zh-TW': string },
  quantity: number,
  available: number,
  lowStock: boolean,
): CartMessage | null {
  if (available <= 0) {
    return {
      code: 'out_of_stock',
      lineId,
      message: { en: `${title.en} is out of stock.`, 'zh-TW': `「${title['zh-TW']}」目前缺貨。` },
      details: { available: 0, requested: quantity },
    };
  }
  if (available < quantity) {
    return {
      code: 'insufficient_stock',
      lineId,
      message: {
        en: `Only ${available} of ${title.en} left; the cart has ${quantity}.`,
        'zh-TW': `「${title['zh-TW']}」僅剩 ${available} 件，購物車中有 ${quantity} 件。`,
      },
      details: { available, requested: quantity },
    };
  }
  if (lowStock) {
    return {
      code: 'low_stock',
      lineId,
      message: {
        en: `Only ${available} of ${title.en} left.`,
        'zh-TW': `「${title['zh-TW']}」僅剩 ${available} 件。`,
      },
      details: { available, requested: quantity },
    };
  }
  return null;
}

function priceMessage(
  lineId: string,
  title: { en: string; 'zh-TW': string },
  before: Money,
  now: Money,
): CartMessage {
  const rose = now.amount > before.amount;
  return {
    code: 'price_changed',
    lineId,
    message: {
      en: `The price of ${title.en} ${rose ? 'went up' : 'dropped'} from ${formatMoney(before, 'en')} to ${formatMoney(now, 'en')} since you added it.`,
      'zh-TW': `「${title['zh-TW']}」的價格自加入購物車後由 ${formatMoney(before, 'zh-TW')} ${rose ? '調漲' : '調降'}為 ${formatMoney(now, 'zh-TW')}。`,
    },
    details: { previous: before, current: now },
  };
}

export function buildQuote(facts: QuoteFacts): Quote {
  const { cart, ruleSet } = facts;
  const currency = ruleSet.currency;
  const cash = (amount: number): Money => ({ amount, currency });
  const messages: CartMessage[] = [];
  const pricedLines: CartLineFacts[] = [];

  for (const line of cart.lines) {
    const item = facts.items.get(line.variantId);
    if (item === undefined || !sellable(item, currency)) {
      const title = item ? both(item.product.title) : { en: 'An item', 'zh-TW': '商品' };
      messages.push({
        code: 'item_unavailable',
        lineId: line.id,
        message: {
          en: `${title.en} is no longer sold; remove it to check out.`,
          'zh-TW': `「${title['zh-TW']}」已停售，請移除後再結帳。`,
        },
        details: { variantId: line.variantId },
      });
      continue;
    }
    const { product, variant } = item;
    const title = both(product.title);
    const availability = facts.availability.get(line.variantId);
    const held = facts.heldByCart.get(line.variantId) ?? 0;
    const stock = stockMessage(
      line.id,
      title,
      line.quantity,
      (availability?.available ?? 0) + held,
      held === 0 && (availability?.lowStock ?? false),
    );
    if (stock) messages.push(stock);
    const before = facts.pricesWhenAdded.get(line.id);
    if (before !== undefined && before !== variant.price.amount) {
      messages.push(priceMessage(line.id, title, cash(before), variant.price));
    }
    pricedLines.push({
      id: line.id,
      productId: product.id,
      variantId: variant.id,
      quantity: line.quantity,
      unitPrice: variant.price.amount,
      categoryPath: product.categoryPath,
      brand: product.brand,
      tags: product.tags,
      optionValues: variant.optionValues,
      weightGrams: variant.weightGrams,
      cost: variant.cost?.amount ?? null,
    });
  }

  const address = cart.shippingAddress;
  const result = priceCart(
    {
      currency,
      now: facts.now,
      lines: pricedLines,
      channel: facts.channel,
      coupons: cart.coupons,
      usage: facts.usage,
      ...(facts.customer !== null && { customer: facts.customer }),
      ...(address !== null && { destination: { country: address.country, postalCode: address.postalCode } }),
      ...(cart.shippingOptionId !== null && { shippingOptionId: cart.shippingOptionId }),
    },
    ruleSet,
    facts.pricing,
  );

  if (result.shipping.requestedOptionUnavailable) {
    messages.push({
      code: 'shipping_option_unavailable',
      message: {
        en: 'The shipping option you picked does not serve this address or parcel; another was chosen.',
        'zh-TW': '您選擇的配送方式不適用於此地址或包裹，已改用其他方式。',
      },
      details: { requested: cart.shippingOptionId },
    });
  }

  const appliedIds = new Set(result.applied.map((a) => a.promotionId));
  const coupons = cart.coupons.map((code) => {
    const promotion = ruleSet.promotions.find((p) => p.codes?.includes(code));
    const applied = promotion !== undefined && appliedIds.has(promotion.id);
    if (!applied) {
      const rejection = result.rejected.find((r) =>
        promotion === undefined
          ? r.promotionId === null && r.details.code === code
          : r.promotionId === promotion.id,
      );
      messages.push({
        code: 'coupon_rejected',
        coupon: code,
        ...(rejection && { reason: rejection.code }),
        message: rejection?.message ?? {
          en: `The code ${code} does not apply to this cart.`,
          'zh-TW': `優惠碼 ${code} 不適用於此購物車。`,
        },
        details: rejection?.details ?? { code },
      });
    }
    return { code, applied };
  });

  const priced = new Map(result.lines.map((line) => [line.id, line]));
  const lines: QuoteLine[] = cart.lines.map((line) => {
    const item = facts.items.get(line.variantId);
    const price = priced.get(line.id);
    return {
      lineId: line.id,
      variantId: line.variantId,
      productId: item?.product.id ?? null,
      sku: item?.variant.sku ?? null,
      title: item?.product.title ?? {},
      optionValues: item?.variant.optionValues ?? [],
      categoryPath: item?.product.categoryPath ?? [],
      tags: item?.product.tags ?? [],
      imageUrl: item?.variant.imageUrl ?? item?.product.images[0]?.url ?? null,
      quantity: line.quantity,
      unitPrice: price ? cash(price.unitPrice) : null,
      subtotal: cash(price?.subtotal ?? 0),
      discounts: (price?.adjustments ?? []).map((a) => ({
        promotionId: a.promotionId,
        version: a.version,
        name: a.name,
        amount: cash(a.amount),
      })),
      total: cash(price?.total ?? 0),
      tax: cash(price?.tax ?? 0),
      available: price !== undefined,
    };
  });

  const view = (option: ShippingQuote): ShippingOptionView => ({
    id: option.id,
    name: option.name,
    fee: cash(option.fee),
    freeApplied: option.freeApplied,
    estimate: { earliest: option.estimate.earliest, latest: option.estimate.latest },
  });
  const option = result.shipping.option;
  return {
    cartId: cart.id,
    currency,
    customerId: result.customerId,
    lines,
    subtotal: cash(result.subtotal),
    discount: cash(result.discount),
    shipping: {
      option: option === null ? null : view(option),
      options: result.shipping.options.map(view),
      fee: cash(result.shipping.fee),
      discount: cash(result.shipping.discount),
      total: cash(result.shipping.total),
    },
    tax: { amount: cash(result.tax.amount), inclusive: result.tax.inclusive, name: result.tax.name },
    total: cash(result.grandTotal),
    applied: result.applied.map((a) => ({
      promotionId: a.promotionId,
      version: a.version,
      name: a.name,
      amount: cash(a.amount),
    })),
    coupons,
    messages,
    usage: usageDelta(result),
    quotedAt: facts.now,
  };
}
