/**
 * The shapes customers are created and changed with, as zod schemas: the HTTP routes and the
 * import read them, and the service parses every input with them once.
 */
import { z } from 'zod';
import { ValidationError } from '../core/index.js';
import type { PostalAddress } from '../orders/types.js';
import { rejectCardNumber } from '../payments/index.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** A merchant or shopper id: no spaces, so it survives URLs and CSV columns. */
export const externalIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\s/?#]+$/, 'an external id has no spaces, slashes, ? or #');

export const emailSchema = z.string().trim().max(320).pipe(z.email());

export const tagsSchema = z.array(text(60)).max(100);

export const postalAddressSchema = z.object({
  name: text(200),
  line1: text(300),
  line2: text(300).optional(),
  city: text(200),
  region: text(200).optional(),
  postalCode: text(20),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'country is an ISO 3166-1 alpha-2 code')
    .transform((value) => value.toUpperCase()),
  phone: text(40).optional(),
});

export const addressInputSchema = postalAddressSchema.extend({
  label: text(60).optional(),
  defaultShipping: z.boolean().optional(),
  defaultBilling: z.boolean().optional(),
});

/** The token is checked by `parsePaymentMethodInput`, so a card number is refused with its own code. */
export const paymentMethodInputSchema = z.object({
  token: z.string().max(300),
  provider: text(40).optional(),
  kind: z.enum(['card', 'wallet']),
  brand: text(40),
  last4: z
    .string()
    .regex(/^\d{4}$/, 'last4 is the last four digits')
    .optional(),
  expMonth: z.number().int().min(1).max(12).optional(),
  expYear: z.number().int().min(2000).max(2200).optional(),
  isDefault: z.boolean().optional(),
});

const profileFields = {
  name: text(200),
  email: emailSchema.optional(),
  phone: text(40).optional(),
  externalId: externalIdSchema.optional(),
  tier: text(40).optional(),
  segment: text(40).optional(),
  tags: tagsSchema.optional(),
  locale: text(20).optional(),
  marketingConsent: z.boolean().optional(),
};

export const customerInputSchema = z.object({
  ...profileFields,
  addresses: z.array(addressInputSchema).max(50).optional(),
  paymentMethods: z.array(paymentMethodInputSchema).max(50).optional(),
});

/** `null` clears a field; an absent field stays as it is. */
export const customerPatchSchema = z.object({
  name: profileFields.name.optional(),
  email: emailSchema.nullable().optional(),
  phone: profileFields.phone.unwrap().nullable().optional(),
  externalId: externalIdSchema.nullable().optional(),
  tier: profileFields.tier.unwrap().nullable().optional(),
  segment: profileFields.segment.unwrap().nullable().optional(),
  tags: tagsSchema.optional(),
  locale: profileFields.locale.unwrap().nullable().optional(),
  marketingConsent: z.boolean().optional(),
});

export type AddressInput = z.input<typeof addressInputSchema>;
export type ParsedAddress = z.output<typeof addressInputSchema>;
export type PaymentMethodInput = z.input<typeof paymentMethodInputSchema>;
export type CustomerInput = z.input<typeof customerInputSchema>;
export type CustomerPatch = z.input<typeof customerPatchSchema>;

export interface ParsedPaymentMethod {
  readonly provider: string;
  readonly token: string;
  readonly kind: 'card' | 'wallet';
  readonly brand: string;
  readonly last4: string | null;
  readonly expMonth: number | null;
  readonly expYear: number | null;
  readonly isDefault: boolean;
}

const TOKEN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{2,254}$/;

/** Parses with `schema`, or throws a ValidationError listing every issue by its path. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const summary = issues.map((issue) =>
    issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`,
  );
  throw new ValidationError(`invalid ${what}: ${summary.join('; ')}`, { issues });
}

/**
 * A saved method is a provider's token plus what a person may see of it. Anything shaped like a
 * card number is refused before any other check, and the refusal never repeats it.
 */
export function parsePaymentMethodInput(input: PaymentMethodInput): ParsedPaymentMethod {
  for (const field of ['token', 'brand', 'last4'] as const) {
    const value = (input as Record<string, unknown>)[field];
    if (typeof value === 'string') rejectCardNumber(field, value);
  }
  const method = parseWith(paymentMethodInputSchema, input, 'payment method');
  const token = method.token.trim();
  if (!TOKEN.test(token)) {
    throw new ValidationError(
      'a payment method is the provider token (such as pm_card_visa or pm_wallet_paypal)',
      { field: 'token' },
      'invalid_payment_method_token',
    );
  }
  if (method.kind === 'card' && method.last4 === undefined) {
    throw new ValidationError('a saved card needs its last four digits for display', { field: 'last4' });
  }
  if ((method.expMonth === undefined) !== (method.expYear === undefined)) {
    throw new ValidationError('give both expMonth and expYear, or neither', { field: 'expMonth' });
  }
  return {
    provider: (method.provider ?? 'sandbox').toLowerCase(),
    token,
    kind: method.kind,
    brand: method.brand.toLowerCase(),
    last4: method.last4 ?? null,
    expMonth: method.expMonth ?? null,
    expYear: method.expYear ?? null,
    isDefault: method.isDefault ?? false,
  };
}

/** A parsed postal address without the optional fields that were left out. */
export function toPostalAddress(address: z.output<typeof postalAddressSchema>): PostalAddress {
  const { line2, region, phone, ...required } = address;
  return {
    ...required,
    ...(line2 !== undefined && { line2 }),
    ...(region !== undefined && { region }),
    ...(phone !== undefined && { phone }),
  };
}
