/**
 * Policy documents: returns, order-state transitions, shipping and tax, as data a merchant edits.
 * Amounts are minor units of the rule set's currency; percentages allow two decimals.
 */
import { z } from 'zod';

const idSchema = z.string().min(1).max(200);
const localizedSchema = z.strictObject({ en: z.string().min(1), 'zh-TW': z.string().min(1) });
const amountSchema = z.number().int().nonnegative();
const countrySchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((c) => c.toUpperCase());
const daySchema = z.iso.date();

export const refundMethodSchema = z.enum(['original', 'gift_card', 'store_credit']);
export const orderActionSchema = z.enum(['cancel', 'modify', 'return', 'exchange']);

const returnRuleSchema = z.strictObject({
  id: idSchema,
  /** Lower numbers are tried first; the first matching rule decides. */
  priority: z.number().int().default(100),
  match: z.strictObject({
    categories: z.array(z.string().min(1)).min(1).optional(),
    tags: z.array(z.string().min(1)).min(1).optional(),
    tiers: z.array(z.string().min(1)).min(1).optional(),
  }),
  /** 0 makes the item final sale. */
  days: z.number().int().nonnegative(),
  refundMethods: z.array(refundMethodSchema).min(1).optional(),
});

const returnsSchema = z.strictObject({
  defaultDays: z.number().int().nonnegative(),
  refundMethods: z.array(refundMethodSchema).min(1).default(['original']),
  rules: z.array(returnRuleSchema).default([]),
});

const transitionSchema = z.strictObject({
  action: orderActionSchema,
  states: z.array(z.string().min(1)).min(1),
  /** Reasons a shopper may give; any reason when absent. */
  reasons: z.array(z.string().min(1)).min(1).optional(),
});

const regionSchema = z.strictObject({
  country: countrySchema,
  postalPrefixes: z.array(z.string().min(1)).min(1).optional(),
});

const shippingOptionSchema = z.strictObject({
  id: idSchema,
  name: localizedSchema,
  regions: z.array(regionSchema).min(1),
  fee: amountSchema,
  /** Fees by parcel weight; the first band whose limit the weight does not exceed wins. */
  weightBands: z
    .array(z.strictObject({ maxGrams: z.number().int().positive(), fee: amountSchema }))
    .optional(),
  maxWeightGrams: z.number().int().positive().optional(),
  /** Free shipping when the discounted merchandise subtotal reaches this. */
  freeOver: amountSchema.optional(),
  businessDays: z
    .strictObject({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
    .refine((d) => d.max >= d.min, { message: 'max business days must not be below min' }),
  /** Orders after this local hour start counting from the next business day. */
  cutoffHour: z.number().int().min(0).max(23).optional(),
});

const shippingSchema = z.strictObject({
  timeZone: z.string().default('UTC'),
  holidays: z.array(daySchema).default([]),
  options: z.array(shippingOptionSchema).min(1),
});

const taxRuleSchema = z.strictObject({
  id: idSchema,
  name: localizedSchema,
  country: countrySchema,
  postalPrefixes: z.array(z.string().min(1)).min(1).optional(),
  /** Percent, two decimals at most (5 for Taiwan's VAT). */
  rate: z.number().min(0).max(100),
  /** True when prices already include the tax (Taiwan, the EU); false when it is added (US sales tax). */
  inclusive: z.boolean(),
  shippingTaxable: z.boolean().default(true),
});

export const policySetSchema = z.strictObject({
  returns: returnsSchema.optional(),
  transitions: z.array(transitionSchema).optional(),
  shipping: shippingSchema.optional(),
  tax: z.array(taxRuleSchema).optional(),
});

export type PolicySetDocument = z.input<typeof policySetSchema>;
export type PolicySet = z.output<typeof policySetSchema>;
export type RefundMethod = z.output<typeof refundMethodSchema>;
export type OrderAction = z.output<typeof orderActionSchema>;
export type ShippingPolicy = z.output<typeof shippingSchema>;
export type ShippingOptionRule = z.output<typeof shippingOptionSchema>;
export type TaxRule = z.output<typeof taxRuleSchema>;
export type ReturnPolicy = z.output<typeof returnsSchema>;
export type TransitionRule = z.output<typeof transitionSchema>;
