/**
 * One line of a customer import (docs/customer-import.md): a customer with their addresses,
 * saved methods, gift cards, store credit and past orders. Amounts are integer minor units of
 * the currency next to them; instants are ISO 8601 text or epoch milliseconds.
 */
import { z } from 'zod';
import {
  addressInputSchema,
  emailSchema,
  externalIdSchema,
  paymentMethodInputSchema,
  postalAddressSchema,
  tagsSchema,
} from '../customer-input.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const minorUnits = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'currency is an ISO 4217 code')
  .transform((value) => value.toUpperCase());

export const instantSchema = z.union([
  z.number().int().min(0),
  z
    .string()
    .trim()
    .refine((value) => !Number.isNaN(Date.parse(value)), 'not an ISO 8601 date')
    .transform((value) => Date.parse(value)),
]);

const moneySchema = z.object({ amount: minorUnits, currency });

export const importedOrderLineSchema = z.object({
  sku: text(100),
  quantity: z.number().int().min(1).max(1_000_000),
  unitPrice: minorUnits,
  /** Discount on the whole line. */
  discount: minorUnits.default(0),
  tax: minorUnits.default(0),
  /** The title as sold; the catalog's current title when absent. */
  title: text(500).optional(),
});

export const importedOrderPaymentSchema = z.object({
  kind: z.enum(['card', 'wallet', 'gift_card', 'store_credit']),
  /** The provider's payment or charge id, or the gift card's masked code. */
  reference: text(255),
  /** For cards and wallets. */
  provider: z.enum(['sandbox', 'stripe']).optional(),
  amount: minorUnits,
  status: z.enum(['authorized', 'captured']).default('captured'),
  label: text(100).optional(),
});

export const importedOrderSchema = z.object({
  /** The merchant's order number, kept as the order's number. */
  number: text(100),
  status: z.enum([
    'pending',
    'processed',
    'shipped',
    'delivered',
    'cancelled',
    'return_requested',
    'returned',
    'exchange_requested',
    'exchanged',
  ]),
  placedAt: instantSchema,
  currency,
  /** The customer's email when absent. */
  email: emailSchema.optional(),
  channel: text(50).default('online'),
  lines: z.array(importedOrderLineSchema).min(1).max(1000),
  shippingAddress: postalAddressSchema.nullable().default(null),
  billingAddress: postalAddressSchema.nullable().optional(),
  shipping: z
    .object({ label: text(200), fee: minorUnits.default(0), discount: minorUnits.default(0) })
    .default({ label: 'Shipping', fee: 0, discount: 0 }),
  payments: z.array(importedOrderPaymentSchema).max(20).default([]),
  /** Line prices already include the tax (common outside North America): tax is not added again. */
  taxIncluded: z.boolean().default(false),
  /** When given, must equal the total computed from the lines and shipping. */
  total: minorUnits.optional(),
});

export const importedGiftCardSchema = z.object({
  /** The merchant's code, kept so shoppers can keep using their cards. */
  code: text(40),
  balance: moneySchema,
  expiresAt: instantSchema.optional(),
});

export const customerRecordSchema = z.object({
  /** The merchant's customer id; re-importing the same id updates that customer. */
  id: externalIdSchema,
  name: text(200),
  email: emailSchema.optional(),
  phone: text(40).optional(),
  tier: text(40).optional(),
  segment: text(40).optional(),
  tags: tagsSchema.default([]),
  locale: text(20).optional(),
  marketingConsent: z.boolean().default(false),
  addresses: z.array(addressInputSchema).max(50).default([]),
  paymentMethods: z.array(paymentMethodInputSchema).max(50).default([]),
  giftCards: z.array(importedGiftCardSchema).max(50).default([]),
  /** Balance per currency. */
  storeCredit: z.array(moneySchema).max(10).default([]),
  orders: z.array(importedOrderSchema).max(10_000).default([]),
});

export type CustomerRecord = z.output<typeof customerRecordSchema>;
export type ImportedOrder = z.output<typeof importedOrderSchema>;
export type ImportedGiftCard = z.output<typeof importedGiftCardSchema>;
