/**
 * Return eligibility per line: the first matching return rule (by priority) sets the window and
 * refund methods; the default applies otherwise. The window counts calendar days from delivery
 * (or from the order when nothing was delivered yet) in the store's time zone.
 */
import { localTime, toIsoDate } from './calendar.js';
import type { RefundMethod, ReturnPolicy } from './policy-schema.js';
import type { LocalizedMessage } from './types.js';

export interface ReturnLine {
  readonly id: string;
  readonly categoryPath?: readonly string[];
  readonly tags?: readonly string[];
}

export interface ReturnContext {
  readonly now: number;
  /** Epoch milliseconds. */
  readonly orderedAt: number;
  readonly deliveredAt?: number | null;
  readonly customerTier?: string | null;
  readonly lines: readonly ReturnLine[];
  /** Defaults to UTC. */
  readonly timeZone?: string;
}

export type ReturnCode = 'within_window' | 'window_closed' | 'final_sale';

export interface LineReturnDecision {
  readonly lineId: string;
  readonly eligible: boolean;
  readonly code: ReturnCode;
  /** The return rule that decided, or null for the default. */
  readonly ruleId: string | null;
  readonly windowDays: number;
  /** Last local day a return may be started, YYYY-MM-DD. */
  readonly lastDay: string;
  readonly daysLeft: number;
  readonly refundMethods: readonly RefundMethod[];
  readonly message: LocalizedMessage;
}

function intersects(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.some((x) => b.includes(x));
}

function message(code: ReturnCode, days: number, lastDay: string): LocalizedMessage {
  switch (code) {
    case 'final_sale':
      return { en: 'This item is final sale and cannot be returned.', 'zh-TW': '此商品為不可退貨商品。' };
    case 'within_window':
      return {
        en: `You can return this item until ${lastDay} (${days}-day return window).`,
        'zh-TW': `此商品可於 ${lastDay} 前申請退貨（${days} 天退貨期）。`,
      };
    case 'window_closed':
      return {
        en: `The ${days}-day return window for this item closed on ${lastDay}.`,
        'zh-TW': `此商品的 ${days} 天退貨期已於 ${lastDay} 結束。`,
      };
  }
}

export function evaluateReturnPolicy(context: ReturnContext, policy: ReturnPolicy): LineReturnDecision[] {
  const zone = context.timeZone ?? 'UTC';
  const today = localTime(context.now, zone).day;
  const start = localTime(context.deliveredAt ?? context.orderedAt, zone).day;
  const tier = context.customerTier ?? undefined;
  const rules = [...policy.rules].sort((a, b) => a.priority - b.priority);
  return context.lines.map((line) => {
    const rule = rules.find(
      ({ match }) =>
        (match.categories === undefined || intersects(match.categories, line.categoryPath)) &&
        (match.tags === undefined || intersects(match.tags, line.tags)) &&
        (match.tiers === undefined || (tier !== undefined && match.tiers.includes(tier))),
    );
    const windowDays = rule?.days ?? policy.defaultDays;
    const lastDayNumber = start + windowDays;
    const lastDay = toIsoDate(lastDayNumber);
    const code: ReturnCode =
      windowDays === 0 ? 'final_sale' : today <= lastDayNumber ? 'within_window' : 'window_closed';
    return {
      lineId: line.id,
      eligible: code === 'within_window',
      code,
      ruleId: rule?.id ?? null,
      windowDays,
      lastDay,
      daysLeft: Math.max(0, lastDayNumber - today),
      refundMethods: rule?.refundMethods ?? policy.refundMethods,
      message: message(code, windowDays, lastDay),
    };
  });
}
