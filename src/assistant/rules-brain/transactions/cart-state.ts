/**
 * A cart tool's result read back: the lines as the shopper sees them (titles from the output),
 * every amount from the quote fact, the promotions the engine applied and the coupon notices.
 * Amounts are never parsed out of the output's text.
 */
import { z } from 'zod';
import type { Money } from '../../../core/index.js';
import type { PromotionFact, QuoteFact } from '../../facts/index.js';
import type { Card, ToolResult } from '../../tools/index.js';

export interface CartLine {
  readonly lineId: string;
  readonly productId: string;
  readonly title: string;
  readonly options: readonly string[];
  readonly quantity: number;
  /** The item can no longer be sold; checkout will refuse it. */
  readonly unavailable: boolean;
  readonly total: Money;
  readonly discount: Money;
}

export interface CouponNotice {
  readonly code: string;
  /** The rules engine's reason code (`unknown_code`, `min_subtotal_not_met`, ...). */
  readonly reason: string | null;
}

export interface CartState {
  readonly lines: readonly CartLine[];
  readonly quote: QuoteFact;
  readonly applied: readonly PromotionFact[];
  readonly rejected: readonly PromotionFact[];
  readonly coupons: readonly { readonly code: string; readonly applied: boolean }[];
  readonly refusedCoupons: readonly CouponNotice[];
  readonly card: Card | undefined;
}

const cartOutput = z.object({
  lines: z.array(
    z.object({
      lineId: z.string(),
      title: z.string(),
      options: z.array(z.string()),
      quantity: z.number(),
      unavailable: z.boolean().optional(),
    }),
  ),
  coupons: z.array(z.object({ code: z.string(), applied: z.boolean() })),
  notices: z.array(
    z.object({ code: z.string(), coupon: z.string().optional(), reason: z.string().optional() }),
  ),
});

export function readCart(result: ToolResult): CartState {
  const output = cartOutput.parse(result.output);
  const quote = result.facts.find((fact): fact is QuoteFact => fact.kind === 'quote');
  if (quote === undefined) throw new Error('a cart tool answered without its quote');
  const zero: Money = { amount: 0, currency: quote.total.currency };
  const priced = new Map(quote.lines.map((line) => [line.lineId, line]));
  const promotions = result.facts.filter((fact): fact is PromotionFact => fact.kind === 'promotion');
  return {
    lines: output.lines.map((line) => ({
      lineId: line.lineId,
      productId: priced.get(line.lineId)?.productId ?? '',
      title: line.title,
      options: line.options,
      quantity: line.quantity,
      unavailable: line.unavailable === true,
      total: priced.get(line.lineId)?.total ?? zero,
      discount: priced.get(line.lineId)?.discount ?? zero,
    })),
    quote,
    applied: promotions.filter((p) => p.status === 'applied'),
    rejected: promotions.filter((p) => p.status === 'rejected'),
    coupons: output.coupons,
    refusedCoupons: output.notices.flatMap((notice) =>
      notice.code === 'coupon_rejected' && notice.coupon !== undefined
        ? [{ code: notice.coupon.toUpperCase(), reason: notice.reason ?? null }]
        : [],
    ),
    card: result.cards?.find((card) => card.type === 'cart'),
  };
}

export function itemCount(cart: CartState): number {
  return cart.lines.reduce((sum, line) => sum + line.quantity, 0);
}
