/**
 * What a shopper may know of the store's policies: return windows and refund methods, shipping
 * options with their fees and delivery times, and how tax is shown. Rule ids, priorities, order
 * states and postal prefixes stay inside.
 */
import type { LocalizedMessage } from '../rules/index.js';
import type { PolicySet, StoredPolicies } from './types.js';

type RefundMethod = NonNullable<PolicySet['returns']>['refundMethods'][number];

export interface PolicySummary {
  readonly version: number | null;
  readonly currency: string;
  readonly returns: {
    readonly defaultDays: number;
    readonly refundMethods: readonly RefundMethod[];
    /** Windows that differ from the default, for the items or shoppers they apply to. */
    readonly exceptions: readonly {
      readonly days: number;
      readonly finalSale: boolean;
      readonly refundMethods: readonly RefundMethod[];
      readonly appliesTo: NonNullable<PolicySet['returns']>['rules'][number]['match'];
    }[];
  } | null;
  readonly shipping: {
    readonly timeZone: string;
    readonly options: readonly {
      readonly id: string;
      readonly name: LocalizedMessage;
      readonly countries: readonly string[];
      readonly fee: number;
      readonly weightBands: readonly { readonly maxGrams: number; readonly fee: number }[];
      readonly maxWeightGrams: number | null;
      readonly freeOver: number | null;
      readonly businessDays: { readonly min: number; readonly max: number };
      readonly cutoffHour: number | null;
    }[];
  } | null;
  readonly tax: {
    /** `inclusive` when every rule's rate is inside the prices, `exclusive` when added at checkout. */
    readonly mode: 'inclusive' | 'exclusive' | 'mixed' | 'none';
    readonly rates: readonly {
      readonly name: LocalizedMessage;
      readonly country: string;
      readonly rate: number;
      readonly inclusive: boolean;
    }[];
  };
}

function taxMode(rules: NonNullable<PolicySet['tax']>): PolicySummary['tax']['mode'] {
  if (rules.length === 0) return 'none';
  if (rules.every((rule) => rule.inclusive)) return 'inclusive';
  if (rules.every((rule) => !rule.inclusive)) return 'exclusive';
  return 'mixed';
}

export function summarizePolicies(stored: StoredPolicies | null, currency: string): PolicySummary {
  const policies = stored?.document ?? {};
  const { returns, shipping } = policies;
  const tax = policies.tax ?? [];
  return {
    version: stored?.version ?? null,
    currency,
    returns:
      returns === undefined
        ? null
        : {
            defaultDays: returns.defaultDays,
            refundMethods: returns.refundMethods,
            exceptions: [...returns.rules]
              .sort((a, b) => a.priority - b.priority)
              .map((rule) => ({
                days: rule.days,
                finalSale: rule.days === 0,
                refundMethods: rule.refundMethods ?? returns.refundMethods,
                appliesTo: rule.match,
              })),
          },
    shipping:
      shipping === undefined
        ? null
        : {
            timeZone: shipping.timeZone,
            options: shipping.options.map((option) => ({
              id: option.id,
              name: option.name,
              countries: [...new Set(option.regions.map((region) => region.country))],
              fee: option.fee,
              weightBands: option.weightBands ?? [],
              maxWeightGrams: option.maxWeightGrams ?? null,
              freeOver: option.freeOver ?? null,
              businessDays: option.businessDays,
              cutoffHour: option.cutoffHour ?? null,
            })),
          },
    tax: {
      mode: taxMode(tax),
      rates: tax.map((rule) => ({
        name: rule.name,
        country: rule.country,
        rate: rule.rate,
        inclusive: rule.inclusive,
      })),
    },
  };
}
