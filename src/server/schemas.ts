/** Zod shapes shared by routes: they validate input and document the API in OpenAPI. */
import { z } from 'zod';

export const moneySchema = z.object({
  amount: z.number().int().describe('integer minor units'),
  currency: z.string().length(3).describe('ISO 4217'),
});

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  429: errorSchema,
};

/** `a,b` or repeated parameters (`?brand=a&brand=b`) as one trimmed list. */
export const listParam = z.union([z.string(), z.array(z.string())]).transform((value) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== ''),
);

export const booleanParam = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

export const localizedTextSchema = z.record(z.string(), z.string());

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** A postal address as shoppers type it (shipping, billing, order changes). */
export const postalAddressSchema = z.object({
  name: trimmed(200),
  line1: trimmed(300),
  line2: trimmed(300).optional(),
  city: trimmed(200),
  region: trimmed(200).optional(),
  postalCode: trimmed(20),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'country is an ISO 3166-1 alpha-2 code')
    .transform((value) => value.toUpperCase()),
  phone: trimmed(40).optional(),
});
