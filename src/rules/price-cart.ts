/**
 * The quote: a pure function from a cart context and a rule set to prices and the reasons for
 * them. It returns actions (adjustments per line, per order, on shipping) and never stores
 * anything; the cart persists the result and records `usageDelta(result)` at commit.
 */
import { ValidationError } from '../core/index.js';
import type { WorkingLine } from './actions.js';
import { localTime } from './calendar.js';
import type { ContextFacts } from './conditions.js';
import { type Evaluation, evaluate, grantedBy, type PreparedCart, whyNothing } from './evaluate.js';
import { type Explained, explain, type ReasonCode } from './explanation.js';
import { type GuardOptions, lineFloor } from './guards.js';
import type { Promotion } from './promotion-schema.js';
import { percentOf, toBasisPoints } from './rounding.js';
import type { RuleSet } from './rule-set.js';
import { screen } from './screen.js';
import type { ShippingQuote } from './shipping.js';
import { decide, type StackingMode } from './stacking.js';
import type { TaxResult } from './tax.js';
import type { PricingContext } from './types.js';

export interface DiscountCap {
  /** Minor units. */
  readonly amount?: number;
  /** Percent of the cart subtotal. */
  readonly percentOfSubtotal?: number;
}

export interface PricingOptions extends GuardOptions {
  /** `stack` (default) combines promotions; `best_single` applies only the one that saves the most. */
  readonly mode?: StackingMode;
  /** A ceiling on all merchandise discounts of one cart; shipping offers are outside it. */
  readonly cap?: DiscountCap;
}

export interface Adjustment {
  readonly promotionId: string;
  readonly version: number;
  readonly name: string;
  /** `item` for item-level actions, `order` for a line's share of an order-level one. */
  readonly kind: 'item' | 'order';
  readonly amount: number;
}

export interface PricedLine {
  readonly id: string;
  readonly productId: string;
  readonly variantId: string;
  readonly unitPrice: number;
  readonly quantity: number;
  readonly subtotal: number;
  /** The lowest the line may sell for. */
  readonly floor: number;
  readonly adjustments: readonly Adjustment[];
  readonly discount: number;
  readonly total: number;
  /** The line's share of the order's tax (inside `total` when the tax is inclusive). */
  readonly tax: number;
}

export interface AppliedPromotion {
  readonly promotionId: string;
  readonly version: number;
  readonly name: string;
  /** Merchandise plus shipping discount. */
  readonly amount: number;
  readonly merchandise: number;
  readonly shipping: number;
  readonly lines: readonly { readonly lineId: string; readonly amount: number }[];
  /** Clipping that reduced it: `floor_price`, `capped`, `budget_clipped`. */
  readonly notes: readonly Explained[];
}

export interface RejectedPromotion extends Explained {
  /** Null for an entered code that matches no promotion. */
  readonly promotionId: string | null;
  readonly version: number | null;
}

export interface PricingResult {
  readonly currency: string;
  readonly customerId: string | null;
  readonly subtotal: number;
  readonly lines: readonly PricedLine[];
  readonly orderAdjustments: readonly Omit<Adjustment, 'kind'>[];
  /** All merchandise discounts. */
  readonly discount: number;
  readonly merchandiseTotal: number;
  readonly shipping: {
    readonly option: ShippingQuote | null;
    readonly options: readonly ShippingQuote[];
    readonly requestedOptionUnavailable: boolean;
    readonly fee: number;
    readonly discount: number;
    readonly total: number;
  };
  readonly tax: TaxResult;
  readonly grandTotal: number;
  readonly applied: readonly AppliedPromotion[];
  readonly rejected: readonly RejectedPromotion[];
}

function assertContext(context: PricingContext, rules: RuleSet): void {
  if (context.currency.toUpperCase() !== rules.currency) {
    throw new ValidationError(
      `the cart is in ${context.currency} and the rules in ${rules.currency}`,
      undefined,
      'currency_mismatch',
    );
  }
  const ids = new Set<string>();
  for (const line of context.lines) {
    if (ids.has(line.id)) throw new ValidationError(`line ${line.id} appears twice`);
    ids.add(line.id);
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw new ValidationError(`line ${line.id} needs a positive whole quantity`);
    }
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) {
      throw new ValidationError(`line ${line.id} needs a unit price in whole minor units`);
    }
  }
}

function prepare(context: PricingContext, rules: RuleSet, options: PricingOptions): PreparedCart {
  const sorted = [...context.lines].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lines: WorkingLine[] = sorted.map((line) => {
    const subtotal = line.unitPrice * line.quantity;
    return { line, subtotal, remaining: subtotal, floor: Math.min(subtotal, lineFloor(line, options)) };
  });
  const subtotal = lines.reduce((sum, w) => sum + w.subtotal, 0);
  const weightGrams = sorted.reduce((sum, l) => sum + (l.weightGrams ?? 0) * l.quantity, 0);
  const cap = options.cap;
  const caps = [Number.POSITIVE_INFINITY];
  if (cap?.amount !== undefined) caps.push(cap.amount);
  if (cap?.percentOfSubtotal !== undefined)
    caps.push(percentOf(subtotal, toBasisPoints(cap.percentOfSubtotal)));
  return {
    context,
    lines,
    subtotal,
    weightGrams,
    policies: rules.policies,
    cap: Math.max(0, Math.min(...caps)),
  };
}

function factsOf(context: PricingContext, cart: PreparedCart, timeZone: string): ContextFacts {
  const local = localTime(context.now, timeZone);
  const coupons = [
    ...new Set((context.coupons ?? []).map((c) => c.trim().toUpperCase()).filter(Boolean)),
  ].sort();
  return {
    customer: context.customer,
    subtotal: cart.subtotal,
    itemCount: context.lines.reduce((sum, l) => sum + l.quantity, 0),
    currency: context.currency.toUpperCase(),
    channel: context.channel,
    coupons,
    experiments: context.experiments ?? {},
    now: context.now,
    hour: local.hour,
    weekday: local.weekday,
    lines: cart.lines.map((w) => w.line),
  };
}

function byPriority(a: Promotion, b: Promotion): number {
  return a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface Rejection {
  readonly promotion: Promotion;
  readonly code: ReasonCode;
  readonly details: Record<string, unknown>;
}

function render(
  cart: PreparedCart,
  evaluation: Evaluation,
  rejections: readonly Rejection[],
  unknownCodes: readonly string[],
): PricingResult {
  const { context } = cart;
  const currency = context.currency.toUpperCase();
  const applied: AppliedPromotion[] = [];
  const rejected: RejectedPromotion[] = unknownCodes.map((code) => ({
    promotionId: null,
    version: null,
    ...explain('unknown_code', code, currency, { code }),
  }));
  const lineAdjustments = cart.lines.map((): Adjustment[] => []);
  const orderAdjustments: Omit<Adjustment, 'kind'>[] = [];
  const grantedRejections: Rejection[] = [];
  for (const outcome of evaluation.outcomes) {
    const { promotion } = outcome;
    const amount = grantedBy(outcome);
    if (amount === 0) {
      grantedRejections.push({ promotion, ...whyNothing(outcome) });
      continue;
    }
    const head = { promotionId: promotion.id, version: promotion.version, name: promotion.name };
    let orderTotal = 0;
    cart.lines.forEach((_, i) => {
      const item = outcome.items[i] ?? 0;
      const order = outcome.order[i] ?? 0;
      if (item > 0) lineAdjustments[i]?.push({ ...head, kind: 'item', amount: item });
      if (order > 0) lineAdjustments[i]?.push({ ...head, kind: 'order', amount: order });
      orderTotal += order;
    });
    if (orderTotal > 0) orderAdjustments.push({ ...head, amount: orderTotal });
    const seen = new Set<ReasonCode>();
    applied.push({
      ...head,
      amount,
      merchandise: amount - outcome.shipping,
      shipping: outcome.shipping,
      lines: cart.lines
        .map((w, i) => ({ lineId: w.line.id, amount: (outcome.items[i] ?? 0) + (outcome.order[i] ?? 0) }))
        .filter((l) => l.amount > 0),
      notes: outcome.notes
        .filter((n) => !seen.has(n.code) && seen.add(n.code))
        .map((n) => explain(n.code, promotion.name, currency, n.details)),
    });
  }
  for (const r of [...rejections, ...grantedRejections].sort((a, b) =>
    byPriority(a.promotion, b.promotion),
  )) {
    rejected.push({
      promotionId: r.promotion.id,
      version: r.promotion.version,
      ...explain(r.code, r.promotion.name, currency, r.details),
    });
  }
  const taxById = new Map(evaluation.tax.lines.map((l) => [l.id, l.amount]));
  const pricedById = new Map<string, PricedLine>();
  cart.lines.forEach((w, i) => {
    const total = evaluation.lineTotals[i] ?? w.subtotal;
    pricedById.set(w.line.id, {
      id: w.line.id,
      productId: w.line.productId,
      variantId: w.line.variantId,
      unitPrice: w.line.unitPrice,
      quantity: w.line.quantity,
      subtotal: w.subtotal,
      floor: w.floor,
      adjustments: lineAdjustments[i] ?? [],
      discount: w.subtotal - total,
      total,
      tax: taxById.get(w.line.id) ?? 0,
    });
  });
  return {
    currency,
    customerId: context.customer?.id ?? null,
    subtotal: cart.subtotal,
    lines: context.lines.map((l) => pricedById.get(l.id) as PricedLine),
    orderAdjustments,
    discount: cart.subtotal - evaluation.merchandise,
    merchandiseTotal: evaluation.merchandise,
    shipping: {
      option: evaluation.shippingOption,
      options: evaluation.options,
      requestedOptionUnavailable: evaluation.requestedOptionUnavailable,
      fee: evaluation.shippingFee,
      discount: evaluation.shippingDiscount,
      total: evaluation.shippingFee - evaluation.shippingDiscount,
    },
    tax: evaluation.tax,
    grandTotal: evaluation.grandTotal,
    applied,
    rejected,
  };
}

/** Prices a cart under a rule set: adjustments, shipping, tax, and why each promotion did or did not apply. */
export function priceCart(
  context: PricingContext,
  rules: RuleSet,
  options: PricingOptions = {},
): PricingResult {
  assertContext(context, rules);
  const cart = prepare(context, rules, options);
  const facts = factsOf(context, cart, rules.timeZone);
  const baseline = evaluate(cart, []);
  const rejections: Rejection[] = [];
  const candidates: Promotion[] = [];
  const knownCodes = new Set<string>();
  for (const promotion of [...rules.promotions].sort(byPriority)) {
    const entered = promotion.codes?.some((c) => facts.coupons.includes(c)) ?? false;
    if (entered) for (const code of promotion.codes ?? []) knownCodes.add(code);
    const failure = screen(promotion, facts, context.usage);
    if (!failure) candidates.push(promotion);
    // Drafts and archived offers are not offers: mention them only when their code was typed.
    else if (failure.code !== 'inactive' || entered) rejections.push({ promotion, ...failure });
  }
  const decision = decide(cart, candidates, baseline.grandTotal, options.mode ?? 'stack');
  const unknownCodes = facts.coupons.filter((c) => !knownCodes.has(c));
  return render(cart, decision.evaluation, [...rejections, ...decision.rejected], unknownCodes);
}
