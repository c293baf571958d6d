/**
 * Facts of a cart's quote. The cart service prices through the rules engine but returns its own
 * view, so the quote, the promotions it applied or refused and its shipping options are turned
 * into facts here, reading codes and percentages from the rule set, never from the model.
 */
import type { Quote } from '../../cart/index.js';
import type { Money } from '../../core/index.js';
import type { PolicySet, Promotion } from '../../rules/index.js';
import { type Fact, factsFromPromotion, type PromotionFact, type QuoteFact } from '../facts/index.js';

export function factsFromQuote(quote: Quote, promotions: readonly Promotion[], policies: PolicySet): Fact[] {
  const currency = quote.currency;
  const zero: Money = { amount: 0, currency };
  const taxRules = policies.tax ?? [];
  const quoteFact: QuoteFact = {
    kind: 'quote',
    lines: quote.lines.map((l) => {
      const discount = l.discounts.reduce((sum, d) => sum + d.amount.amount, 0);
      return {
        lineId: l.lineId,
        productId: l.productId ?? '',
        variantId: l.variantId,
        quantity: l.quantity,
        unitPrice: l.unitPrice ?? zero,
        subtotal: l.subtotal,
        discount: { amount: discount, currency },
        total: l.total,
        title: l.title,
      };
    }),
    subtotal: quote.subtotal,
    discount: quote.discount,
    shippingFee: quote.shipping.fee,
    shippingDiscount: quote.shipping.discount,
    shipping: quote.shipping.total,
    tax: quote.tax.amount,
    // The cart view names the tax but not its rate; a store with one tax rule has one rate.
    taxRatePercent: taxRules.length === 1 ? (taxRules[0]?.rate ?? 0) : 0,
    taxInclusive: quote.tax.inclusive,
    total: quote.total,
  };
  const byId = new Map(promotions.map((p) => [p.id, p]));
  const facts: Fact[] = [quoteFact];
  for (const applied of quote.applied) {
    const promotion = byId.get(applied.promotionId);
    if (promotion !== undefined) {
      facts.push(factsFromPromotion(promotion, currency, 'applied', { granted: applied.amount }));
    }
  }
  for (const message of quote.messages) {
    if (message.code !== 'coupon_rejected' || message.coupon === undefined) continue;
    const code = message.coupon.toUpperCase();
    const promotion = promotions.find((p) => (p.codes ?? []).includes(code));
    facts.push(
      promotion === undefined
        ? rejectedCode(code, message.reason ?? 'unknown_code')
        : factsFromPromotion(promotion, currency, 'rejected', { reasonCode: message.reason ?? 'rejected' }),
    );
  }
  const options = new Map((policies.shipping?.options ?? []).map((o) => [o.id, o]));
  for (const view of quote.shipping.options) {
    const rule = options.get(view.id);
    facts.push({
      kind: 'shipping-option',
      optionId: view.id,
      label: view.name,
      fee: view.fee,
      standardFee: rule === undefined ? view.fee : { amount: rule.fee, currency },
      freeOver: rule?.freeOver === undefined ? null : { amount: rule.freeOver, currency },
      minBusinessDays: rule?.businessDays.min ?? 0,
      maxBusinessDays: rule?.businessDays.max ?? 0,
      earliest: view.estimate.earliest,
      latest: view.estimate.latest,
      selected: view.id === quote.shipping.option?.id,
    });
  }
  return facts;
}

function rejectedCode(code: string, reasonCode: string): PromotionFact {
  return {
    kind: 'promotion',
    promotionId: null,
    name: code,
    codes: [code],
    percents: [],
    amounts: [],
    granted: null,
    conditions: null,
    status: 'rejected',
    reasonCode,
    freeShipping: false,
  };
}
