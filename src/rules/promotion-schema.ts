/**
 * Promotion documents: the JSON a merchant stores, validated with zod for shape and then
 * compiled (conditions type-checked against the field registry, percentages to basis points,
 * times to epoch milliseconds) into the form the engine runs.
 */
import { z } from 'zod';
import {
  alwaysTrue,
  type CompiledCondition,
  type Condition,
  type ConditionIssue,
  type ContextFacts,
  compileCondition,
  conditionSchema,
} from './conditions.js';
import { toBasisPoints } from './rounding.js';
import type { CartLineFacts } from './types.js';

const idSchema = z.string().min(1).max(200);
const amountSchema = z.number().int().positive();
const percentSchema = z
  .number()
  .gt(0)
  .lte(100)
  .refine((p) => Number.isInteger(Math.round(p * 100)) && Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, {
    message: 'a percentage has at most two decimals',
  });
const instantSchema = z.union([z.iso.datetime({ offset: true }), z.number().int()]);

const tierSchema = z.union([
  z.strictObject({ minSubtotal: amountSchema, amount: amountSchema }),
  z.strictObject({ minSubtotal: amountSchema, percent: percentSchema }),
]);

export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('order_percent'), percent: percentSchema }),
  z.strictObject({ type: z.literal('order_fixed'), amount: amountSchema }),
  z.strictObject({
    type: z.literal('item_percent'),
    percent: percentSchema,
    items: conditionSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('item_fixed'),
    amount: amountSchema,
    items: conditionSchema.optional(),
    /** `unit`: the amount off each matching unit; `spread`: the amount once, shared by the matching units. */
    per: z.enum(['unit', 'spread']).default('unit'),
  }),
  z.strictObject({
    type: z.literal('buy_x_get_y'),
    buy: z.number().int().positive(),
    get: z.number().int().positive(),
    items: conditionSchema.optional(),
    /** 100 makes the cheapest units free. */
    percent: percentSchema.default(100),
    maxApplications: z.number().int().positive().optional(),
  }),
  z.strictObject({
    type: z.literal('tiered'),
    tiers: z.array(tierSchema).min(1),
    items: conditionSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('shipping'),
    percent: percentSchema.optional(),
    amount: amountSchema.optional(),
    /** Shipping option ids the offer is for; all when absent. */
    options: z.array(idSchema).min(1).optional(),
  }),
]);

export const promotionSchema = z.strictObject({
  id: idSchema,
  version: z.number().int().positive(),
  name: z.string().min(1),
  description: z.string().optional(),
  status: z.enum(['active', 'draft', 'archived']),
  /** Lower numbers apply first. */
  priority: z.number().int().default(100),
  exclusive: z.boolean().default(false),
  /** At most one promotion of a stack group applies. */
  stackGroup: idSchema.optional(),
  /** Stack groups or promotion ids this promotion may combine with; every one when absent. */
  combinableWith: z.array(idSchema).optional(),
  /** The promotion applies only when one of these codes was entered (case-insensitive). */
  codes: z.array(z.string().trim().min(1)).min(1).optional(),
  startsAt: instantSchema.optional(),
  endsAt: instantSchema.optional(),
  conditions: conditionSchema.optional(),
  actions: z.array(actionSchema).min(1),
  limits: z
    .strictObject({
      totalUses: z.number().int().positive().optional(),
      perCustomerUses: z.number().int().positive().optional(),
      /** Minor units the promotion may grant in total. */
      budget: amountSchema.optional(),
    })
    .optional(),
});

export type PromotionDocument = z.input<typeof promotionSchema>;
type ParsedPromotion = z.output<typeof promotionSchema>;
type ParsedAction = z.output<typeof actionSchema>;

type LineMatcher = CompiledCondition<CartLineFacts>;

export type CompiledTier = { readonly minSubtotal: number } & (
  | { readonly amount: number }
  | { readonly basisPoints: number }
);

export type CompiledAction =
  | { readonly type: 'order_percent'; readonly basisPoints: number }
  | { readonly type: 'order_fixed'; readonly amount: number }
  | { readonly type: 'item_percent'; readonly basisPoints: number; readonly items: LineMatcher }
  | {
      readonly type: 'item_fixed';
      readonly amount: number;
      readonly per: 'unit' | 'spread';
      readonly items: LineMatcher;
    }
  | {
      readonly type: 'buy_x_get_y';
      readonly buy: number;
      readonly get: number;
      readonly basisPoints: number;
      readonly maxApplications: number | undefined;
      readonly items: LineMatcher;
    }
  | {
      readonly type: 'tiered';
      readonly tiers: readonly CompiledTier[];
      readonly items: LineMatcher | undefined;
    }
  | {
      readonly type: 'shipping';
      readonly basisPoints: number | undefined;
      readonly amount: number | undefined;
      readonly options: readonly string[] | undefined;
    };

export interface Promotion {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly status: 'active' | 'draft' | 'archived';
  readonly priority: number;
  readonly exclusive: boolean;
  readonly stackGroup: string | undefined;
  readonly combinableWith: readonly string[] | undefined;
  /** Upper-cased. */
  readonly codes: readonly string[] | undefined;
  readonly startsAt: number | undefined;
  readonly endsAt: number | undefined;
  readonly condition: CompiledCondition<ContextFacts>;
  readonly actions: readonly CompiledAction[];
  readonly limits: {
    readonly totalUses?: number | undefined;
    readonly perCustomerUses?: number | undefined;
    readonly budget?: number | undefined;
  };
  /** The validated document, for storage and display. */
  readonly document: ParsedPromotion;
}

const everyLine: LineMatcher = alwaysTrue as LineMatcher;

function compileLines(
  condition: Condition | undefined,
  path: string,
  issues: ConditionIssue[],
): LineMatcher | undefined {
  if (condition === undefined) return undefined;
  const compiled = compileCondition<CartLineFacts>(condition, 'line', path);
  if ('issues' in compiled) {
    issues.push(...compiled.issues);
    return undefined;
  }
  return compiled.condition;
}

function compileAction(action: ParsedAction, path: string, issues: ConditionIssue[]): CompiledAction {
  switch (action.type) {
    case 'order_percent':
      return { type: action.type, basisPoints: toBasisPoints(action.percent) };
    case 'order_fixed':
      return action;
    case 'item_percent':
      return {
        type: action.type,
        basisPoints: toBasisPoints(action.percent),
        items: compileLines(action.items, `${path}.items`, issues) ?? everyLine,
      };
    case 'item_fixed':
      return {
        type: action.type,
        amount: action.amount,
        per: action.per,
        items: compileLines(action.items, `${path}.items`, issues) ?? everyLine,
      };
    case 'buy_x_get_y':
      return {
        type: action.type,
        buy: action.buy,
        get: action.get,
        basisPoints: toBasisPoints(action.percent),
        maxApplications: action.maxApplications,
        items: compileLines(action.items, `${path}.items`, issues) ?? everyLine,
      };
    case 'tiered': {
      const thresholds = new Set(action.tiers.map((t) => t.minSubtotal));
      if (thresholds.size !== action.tiers.length)
        issues.push({ path: `${path}.tiers`, message: 'two tiers share a threshold' });
      const tiers = [...action.tiers]
        .sort((a, b) => b.minSubtotal - a.minSubtotal)
        .map(
          (t): CompiledTier =>
            'amount' in t ? t : { minSubtotal: t.minSubtotal, basisPoints: toBasisPoints(t.percent) },
        );
      return { type: action.type, tiers, items: compileLines(action.items, `${path}.items`, issues) };
    }
    case 'shipping':
      if (action.percent !== undefined && action.amount !== undefined) {
        issues.push({ path, message: 'a shipping offer takes a percent or an amount, not both' });
      }
      return {
        type: action.type,
        basisPoints: action.amount === undefined ? toBasisPoints(action.percent ?? 100) : undefined,
        amount: action.amount,
        options: action.options,
      };
  }
}

function toInstant(value: string | number | undefined): number | undefined {
  return typeof value === 'string' ? Date.parse(value) : value;
}

/** Compiles one parsed promotion; issues are reported with paths under `path`. */
export function compilePromotion(parsed: ParsedPromotion, path: string, issues: ConditionIssue[]): Promotion {
  let condition: CompiledCondition<ContextFacts> = alwaysTrue as CompiledCondition<ContextFacts>;
  if (parsed.conditions !== undefined) {
    const compiled = compileCondition<ContextFacts>(parsed.conditions, 'context', `${path}.conditions`);
    if ('issues' in compiled) issues.push(...compiled.issues);
    else condition = compiled.condition;
  }
  const startsAt = toInstant(parsed.startsAt);
  const endsAt = toInstant(parsed.endsAt);
  if (startsAt !== undefined && endsAt !== undefined && endsAt <= startsAt) {
    issues.push({ path: `${path}.endsAt`, message: 'a promotion must end after it starts' });
  }
  return {
    id: parsed.id,
    version: parsed.version,
    name: parsed.name,
    status: parsed.status,
    priority: parsed.priority,
    exclusive: parsed.exclusive,
    stackGroup: parsed.stackGroup,
    combinableWith: parsed.combinableWith,
    codes: parsed.codes?.map((c) => c.toUpperCase()),
    startsAt,
    endsAt,
    condition,
    actions: parsed.actions.map((a, i) => compileAction(a, `${path}.actions[${i}]`, issues)),
    limits: parsed.limits ?? {},
    document: parsed,
  };
}
