/**
 * Shipping options for a destination, parcel weight and subtotal, with delivery estimates in
 * business days turned into calendar dates from the injected now.
 */
import { addBusinessDays, fromIsoDate, localTime, toIsoDate } from './calendar.js';
import type { ShippingOptionRule, ShippingPolicy } from './policy-schema.js';
import type { Destination, LocalizedMessage } from './types.js';

export interface ShippingContext {
  readonly now: number;
  readonly destination: Destination;
  readonly weightGrams: number;
  /** Merchandise subtotal after discounts, minor units; decides free-over thresholds. */
  readonly subtotal: number;
}

export interface ShippingQuote {
  readonly id: string;
  readonly name: LocalizedMessage;
  /** What the shopper pays before any shipping promotion. */
  readonly fee: number;
  /** The fee before a free-over threshold waived it. */
  readonly standardFee: number;
  readonly freeOver: number | undefined;
  readonly freeApplied: boolean;
  readonly estimate: {
    readonly minBusinessDays: number;
    readonly maxBusinessDays: number;
    /** Local calendar dates, YYYY-MM-DD. */
    readonly earliest: string;
    readonly latest: string;
  };
}

function servesDestination(option: ShippingOptionRule, destination: Destination): boolean {
  const country = destination.country.toUpperCase();
  const postal = destination.postalCode?.replace(/\s/g, '') ?? '';
  return option.regions.some(
    (r) =>
      r.country === country &&
      (r.postalPrefixes === undefined || r.postalPrefixes.some((p) => postal.startsWith(p))),
  );
}

function standardFee(option: ShippingOptionRule, weightGrams: number): number {
  const band = option.weightBands?.find((b) => weightGrams <= b.maxGrams);
  return band?.fee ?? option.fee;
}

const holidayCache = new WeakMap<readonly string[], ReadonlySet<number>>();

function holidayDays(holidays: readonly string[]): ReadonlySet<number> {
  let days = holidayCache.get(holidays);
  if (!days) {
    days = new Set(holidays.map(fromIsoDate));
    holidayCache.set(holidays, days);
  }
  return days;
}

/** Every option that serves the destination and can carry the weight, in the policy's order. */
export function shippingOptions(context: ShippingContext, policy: ShippingPolicy): ShippingQuote[] {
  const local = localTime(context.now, policy.timeZone);
  const holidays = holidayDays(policy.holidays);
  return policy.options
    .filter((o) => servesDestination(o, context.destination))
    .filter((o) => o.maxWeightGrams === undefined || context.weightGrams <= o.maxWeightGrams)
    .map((o) => {
      const fee = standardFee(o, context.weightGrams);
      const freeApplied = o.freeOver !== undefined && context.subtotal >= o.freeOver && fee > 0;
      const start = o.cutoffHour !== undefined && local.hour >= o.cutoffHour ? local.day + 1 : local.day;
      return {
        id: o.id,
        name: o.name,
        fee: freeApplied ? 0 : fee,
        standardFee: fee,
        freeOver: o.freeOver,
        freeApplied,
        estimate: {
          minBusinessDays: o.businessDays.min,
          maxBusinessDays: o.businessDays.max,
          earliest: toIsoDate(addBusinessDays(start, o.businessDays.min, holidays)),
          latest: toIsoDate(addBusinessDays(start, o.businessDays.max, holidays)),
        },
      };
    });
}
