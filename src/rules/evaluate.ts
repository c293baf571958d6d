/**
 * Evaluating one selection of promotions against a cart: they apply one after another in
 * priority order, each on what the lines still cost, each grant clipped by the line floors, the
 * promotion's remaining budget and the order's discount cap. Shipping and tax follow. The result
 * is a plain record the stacking step compares and the explanation step renders.
 */
import { type Ask, askFor, type WorkingLine } from './actions.js';
import { type Grant, grantPerLine, grantSpread } from './distribute.js';
import type { ReasonCode } from './explanation.js';
import type { PolicySet } from './policy-schema.js';
import type { CompiledAction, Promotion } from './promotion-schema.js';
import { percentOf } from './rounding.js';
import { usageOf } from './screen.js';
import { type ShippingQuote, shippingOptions } from './shipping.js';
import { computeTax, type TaxResult } from './tax.js';
import type { PricingContext } from './types.js';

/** A cart prepared once per quote: lines in id order with their floors. */
export interface PreparedCart {
  readonly context: PricingContext;
  readonly lines: readonly WorkingLine[];
  readonly subtotal: number;
  readonly weightGrams: number;
  readonly policies: PolicySet;
  /** Minor units all merchandise discounts together may not exceed. */
  readonly cap: number;
}

export interface Note {
  readonly code: ReasonCode;
  readonly details: Record<string, unknown>;
}

export interface PromotionOutcome {
  readonly promotion: Promotion;
  /** Per line (id order): item-level discounts. */
  readonly items: number[];
  /** Per line (id order): shares of order-level discounts. */
  readonly order: number[];
  shipping: number;
  readonly notes: Note[];
  /** Why the promotion granted nothing, when it did not. */
  missing: Note | undefined;
  readonly hasShippingAction: boolean;
}

export interface Evaluation {
  readonly outcomes: readonly PromotionOutcome[];
  /** What each line costs after discounts, id order. */
  readonly lineTotals: readonly number[];
  readonly merchandise: number;
  readonly options: readonly ShippingQuote[];
  readonly shippingOption: ShippingQuote | null;
  readonly requestedOptionUnavailable: boolean;
  readonly shippingFee: number;
  readonly shippingDiscount: number;
  readonly tax: TaxResult;
  readonly grandTotal: number;
}

function shrink(grant: Grant, total: number): Grant {
  if (total >= grant.total) return grant;
  const amounts = grantSpread(
    total,
    grant.amounts.map((a) => a > 0),
    grant.amounts,
    grant.amounts,
  ).amounts;
  return { amounts, total, clippedByFloor: grant.clippedByFloor };
}

function grantFor(ask: Extract<Ask, { kind: 'lines' | 'spread' }>, lines: readonly WorkingLine[]): Grant {
  const allowances = lines.map((w) => Math.max(0, w.remaining - w.floor));
  if (ask.kind === 'lines') return grantPerLine(ask.amounts, allowances);
  return grantSpread(
    ask.amount,
    ask.eligible,
    lines.map((w) => w.remaining),
    allowances,
  );
}

function isOrderLevel(action: CompiledAction): boolean {
  return action.type === 'order_percent' || action.type === 'order_fixed' || action.type === 'tiered';
}

function shippingDiscountFor(
  action: Extract<CompiledAction, { type: 'shipping' }>,
  option: ShippingQuote | null,
  feeLeft: number,
): number {
  if (option === null || feeLeft <= 0) return 0;
  if (action.options !== undefined && !action.options.includes(option.id)) return 0;
  const wanted = action.amount ?? percentOf(feeLeft, action.basisPoints ?? 10000);
  return Math.min(wanted, feeLeft);
}

function chooseOption(
  options: readonly ShippingQuote[],
  requested: string | undefined,
): ShippingQuote | null {
  if (requested !== undefined) {
    const picked = options.find((o) => o.id === requested);
    if (picked) return picked;
  }
  let cheapest: ShippingQuote | null = null;
  for (const option of options) if (cheapest === null || option.fee < cheapest.fee) cheapest = option;
  return cheapest;
}

/** Promotions applied so far to a cart, one at a time. */
export interface Running {
  readonly cart: PreparedCart;
  readonly lines: WorkingLine[];
  capLeft: number;
  readonly outcomes: PromotionOutcome[];
}

export function startRunning(cart: PreparedCart): Running {
  return {
    cart,
    lines: cart.lines.map((w) => ({ ...w, remaining: w.subtotal })),
    capLeft: cart.cap,
    outcomes: [],
  };
}

/** Merchandise granted by an outcome (shipping is settled in `finish`). */
export function merchandiseGranted(outcome: PromotionOutcome): number {
  let total = 0;
  for (let i = 0; i < outcome.items.length; i++) total += (outcome.items[i] ?? 0) + (outcome.order[i] ?? 0);
  return total;
}

/** Applies one promotion's merchandise actions on what the lines still cost. */
export function applyPromotion(running: Running, promotion: Promotion): PromotionOutcome {
  const { cart, lines } = running;
  const outcome: PromotionOutcome = {
    promotion,
    items: lines.map(() => 0),
    order: lines.map(() => 0),
    shipping: 0,
    notes: [],
    missing: undefined,
    hasShippingAction: promotion.actions.some((a) => a.type === 'shipping'),
  };
  const budget = promotion.limits.budget;
  let budgetLeft =
    budget === undefined ? Number.POSITIVE_INFINITY : budget - usageOf(promotion, cart.context.usage).spent;
  for (const action of promotion.actions) {
    const ask = askFor(action, lines);
    if (ask.kind === 'shipping') continue;
    if (ask.kind === 'none') {
      outcome.missing ??= { code: ask.code, details: ask.details };
      continue;
    }
    let grant = grantFor(ask, lines);
    if (grant.clippedByFloor) outcome.notes.push({ code: 'floor_price', details: {} });
    if (grant.total > budgetLeft) {
      grant = shrink(grant, budgetLeft);
      outcome.notes.push({ code: 'budget_clipped', details: { budget } });
    }
    if (grant.total > running.capLeft) {
      grant = shrink(grant, running.capLeft);
      outcome.notes.push({ code: 'capped', details: { cap: cart.cap } });
    }
    budgetLeft -= grant.total;
    running.capLeft -= grant.total;
    const target = isOrderLevel(action) ? outcome.order : outcome.items;
    grant.amounts.forEach((amount, i) => {
      target[i] = (target[i] ?? 0) + amount;
      (lines[i] as WorkingLine).remaining -= amount;
    });
  }
  running.outcomes.push(outcome);
  return outcome;
}

/** Takes the last applied promotion back out. */
export function undoLast(running: Running): void {
  const outcome = running.outcomes.pop();
  if (!outcome) return;
  running.lines.forEach((w, i) => {
    const granted = (outcome.items[i] ?? 0) + (outcome.order[i] ?? 0);
    w.remaining += granted;
    running.capLeft += granted;
  });
}

export function evaluate(cart: PreparedCart, selection: readonly Promotion[]): Evaluation {
  const running = startRunning(cart);
  for (const promotion of selection) applyPromotion(running, promotion);
  return finish(running);
}

/** Settles shipping offers and tax once the merchandise discounts are known. */
export function finish(running: Running): Evaluation {
  const { cart, lines, outcomes } = running;
  const merchandise = lines.reduce((sum, w) => sum + w.remaining, 0);
  const destination = cart.context.destination;
  const policy = cart.policies.shipping;
  const options =
    destination && policy
      ? shippingOptions(
          { now: cart.context.now, destination, weightGrams: cart.weightGrams, subtotal: merchandise },
          policy,
        )
      : [];
  const requested = cart.context.shippingOptionId;
  const shippingOption = chooseOption(options, requested);
  const shippingFee = shippingOption?.fee ?? 0;
  let feeLeft = shippingFee;
  for (const outcome of outcomes) {
    let budgetLeft =
      outcome.promotion.limits.budget === undefined
        ? Number.POSITIVE_INFINITY
        : outcome.promotion.limits.budget -
          usageOf(outcome.promotion, cart.context.usage).spent -
          merchandiseGranted(outcome);
    for (const action of outcome.promotion.actions) {
      if (action.type !== 'shipping') continue;
      let discount = shippingDiscountFor(action, shippingOption, feeLeft);
      if (discount > budgetLeft) {
        discount = Math.max(0, budgetLeft);
        outcome.notes.push({ code: 'budget_clipped', details: { budget: outcome.promotion.limits.budget } });
      }
      budgetLeft -= discount;
      feeLeft -= discount;
      outcome.shipping += discount;
    }
    if (outcome.hasShippingAction && outcome.shipping === 0) {
      outcome.missing ??= { code: 'no_shipping_to_discount', details: { fee: feeLeft } };
    }
  }
  const shippingDiscount = shippingFee - feeLeft;
  const tax = computeTax(
    {
      destination: destination ?? { country: cart.context.customer?.country ?? '' },
      lines: lines.map((w) => ({ id: w.line.id, amount: w.remaining })),
      shipping: feeLeft,
    },
    cart.policies.tax ?? [],
  );
  return {
    outcomes,
    lineTotals: lines.map((w) => w.remaining),
    merchandise,
    options,
    shippingOption,
    requestedOptionUnavailable: requested !== undefined && shippingOption?.id !== requested,
    shippingFee,
    shippingDiscount,
    tax,
    grandTotal: merchandise + feeLeft + (tax.inclusive ? 0 : tax.amount),
  };
}

/** What a promotion granted in an evaluation, merchandise and shipping together. */
export function grantedBy(outcome: PromotionOutcome): number {
  return outcome.shipping + merchandiseGranted(outcome);
}

/** The reason a promotion that was tried granted nothing. */
export function whyNothing(outcome: PromotionOutcome): Note {
  const note = outcome.notes.find((n) => n.code !== 'budget_clipped') ?? outcome.missing ?? outcome.notes[0];
  if (!note) return { code: 'no_matching_items', details: {} };
  return note.code === 'budget_clipped' ? { code: 'budget_exhausted', details: note.details } : note;
}
