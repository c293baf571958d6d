/**
 * Facts from the rules engine: a priced cart (quote, promotions applied and rejected with their
 * reason codes, shipping options with delivery dates), promotions on offer, and return policy.
 */
import type { Money } from '../../core/index.js';
import type { PricingResult, Promotion, RuleSet, ShippingQuote } from '../../rules/index.js';
import type {
  Fact,
  PolicyFact,
  PromotionFact,
  PromotionStatus,
  QuoteFact,
  ShippingOptionFact,
} from './types.js';

type PolicySet = RuleSet['policies'];

function percentOf(basisPoints: number): number {
  return basisPoints / 100;
}

/** What a promotion's actions promise, read from the compiled rules (never from its description). */
export function factsFromPromotion(
  promotion: Promotion,
  currency: string,
  status: PromotionStatus = 'offered',
  extra: { granted?: Money; reasonCode?: string } = {},
): PromotionFact {
  const percents = new Set<number>();
  const amounts: Money[] = [];
  let freeShipping = false;
  for (const action of promotion.actions) {
    switch (action.type) {
      case 'order_percent':
      case 'item_percent':
      case 'buy_x_get_y':
        percents.add(percentOf(action.basisPoints));
        break;
      case 'order_fixed':
      case 'item_fixed':
        amounts.push({ amount: action.amount, currency });
        break;
      case 'tiered':
        for (const tier of action.tiers) {
          amounts.push({ amount: tier.minSubtotal, currency });
          if ('amount' in tier) amounts.push({ amount: tier.amount, currency });
          else percents.add(percentOf(tier.basisPoints));
        }
        break;
      case 'shipping':
        if (action.amount !== undefined) amounts.push({ amount: action.amount, currency });
        else if (action.basisPoints === 10_000) freeShipping = true;
        else if (action.basisPoints !== undefined) percents.add(percentOf(action.basisPoints));
        break;
    }
  }
  return {
    kind: 'promotion',
    promotionId: promotion.id,
    name: promotion.name,
    codes: promotion.codes ?? [],
    percents: [...percents],
    amounts,
    granted: extra.granted ?? null,
    conditions: promotion.document.description ?? null,
    status,
    reasonCode: extra.reasonCode ?? null,
    freeShipping,
  };
}

export function factsFromShippingQuotes(
  quotes: readonly ShippingQuote[],
  currency: string,
  selectedId: string | null = null,
): ShippingOptionFact[] {
  return quotes.map((q) => ({
    kind: 'shipping-option',
    optionId: q.id,
    label: q.name,
    fee: { amount: q.fee, currency },
    standardFee: { amount: q.standardFee, currency },
    freeOver: q.freeOver === undefined ? null : { amount: q.freeOver, currency },
    minBusinessDays: q.estimate.minBusinessDays,
    maxBusinessDays: q.estimate.maxBusinessDays,
    earliest: q.estimate.earliest,
    latest: q.estimate.latest,
    selected: q.id === selectedId,
  }));
}

/**
 * Everything a priced cart lets the assistant say. `promotions` (the rule set's) supplies codes
 * and percentages, which the pricing result names only by id.
 */
export function factsFromPricing(result: PricingResult, promotions: readonly Promotion[] = []): Fact[] {
  const currency = result.currency;
  const m = (amount: number): Money => ({ amount, currency });
  const byId = new Map(promotions.map((p) => [p.id, p]));
  const quote: QuoteFact = {
    kind: 'quote',
    lines: result.lines.map((l) => ({
      lineId: l.id,
      productId: l.productId,
      variantId: l.variantId,
      quantity: l.quantity,
      unitPrice: m(l.unitPrice),
      subtotal: m(l.subtotal),
      discount: m(l.discount),
      total: m(l.total),
    })),
    subtotal: m(result.subtotal),
    discount: m(result.discount),
    shippingFee: m(result.shipping.fee),
    shippingDiscount: m(result.shipping.discount),
    shipping: m(result.shipping.total),
    tax: m(result.tax.amount),
    taxRatePercent: result.tax.ratePercent,
    taxInclusive: result.tax.inclusive,
    total: m(result.grandTotal),
  };
  const facts: Fact[] = [quote];
  for (const applied of result.applied) {
    const promotion = byId.get(applied.promotionId);
    const granted = m(applied.amount);
    facts.push(
      promotion
        ? factsFromPromotion(promotion, currency, 'applied', { granted })
        : bare(applied.promotionId, applied.name, 'applied', granted, null, []),
    );
  }
  for (const rejected of result.rejected) {
    const promotion = rejected.promotionId === null ? undefined : byId.get(rejected.promotionId);
    if (promotion) {
      facts.push(factsFromPromotion(promotion, currency, 'rejected', { reasonCode: rejected.code }));
      continue;
    }
    const code = typeof rejected.details.code === 'string' ? [rejected.details.code.toUpperCase()] : [];
    facts.push(bare(rejected.promotionId, rejected.reason, 'rejected', null, rejected.code, code));
  }
  facts.push(
    ...factsFromShippingQuotes(result.shipping.options, currency, result.shipping.option?.id ?? null),
  );
  return facts;
}

function bare(
  promotionId: string | null,
  name: string,
  status: PromotionStatus,
  granted: Money | null,
  reasonCode: string | null,
  codes: readonly string[],
): PromotionFact {
  return {
    kind: 'promotion',
    promotionId,
    name,
    codes,
    percents: [],
    amounts: [],
    granted,
    conditions: null,
    status,
    reasonCode,
    freeShipping: false,
  };
}

/**
 * Return windows per category, tag and tier, refund methods and the order actions a shopper may
 * ask for. Free returns are a merchant statement the policy document does not carry, so the
 * caller says so explicitly; it is false otherwise.
 */
export function factsFromPolicies(policies: PolicySet, options: { freeReturns?: boolean } = {}): PolicyFact {
  const returns = policies.returns;
  const defaultMethods = returns?.refundMethods ?? ['original'];
  const defaultDays = returns?.defaultDays ?? 0;
  return {
    kind: 'policy',
    defaultDays,
    windows: [
      {
        ruleId: null,
        categories: null,
        tags: null,
        tiers: null,
        days: defaultDays,
        refundMethods: defaultMethods,
      },
      ...(returns?.rules ?? []).map((r) => ({
        ruleId: r.id,
        categories: r.match.categories ?? null,
        tags: r.match.tags ?? null,
        tiers: r.match.tiers ?? null,
        days: r.days,
        refundMethods: r.refundMethods ?? defaultMethods,
      })),
    ],
    refundMethods: defaultMethods,
    allowedActions: [...new Set((policies.transitions ?? []).map((t) => t.action))],
    freeReturns: options.freeReturns ?? false,
  };
}
