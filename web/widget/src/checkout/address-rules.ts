/** What a shipping address needs before the cart API sees it, with postal codes checked per country. */
import type { PostalAddress } from '../api/types.js';

export interface CountryRule {
  readonly code: string;
  readonly names: { readonly en: string; readonly 'zh-TW': string };
  readonly postal: RegExp;
  readonly example: string;
}

export const COUNTRIES: readonly CountryRule[] = [
  {
    code: 'TW',
    names: { en: 'Taiwan', 'zh-TW': '台灣' },
    postal: /^\d{3}(\d{2,3})?$/,
    example: '100 or 10048',
  },
  { code: 'JP', names: { en: 'Japan', 'zh-TW': '日本' }, postal: /^\d{3}-?\d{4}$/, example: '100-0001' },
  { code: 'SG', names: { en: 'Singapore', 'zh-TW': '新加坡' }, postal: /^\d{6}$/, example: '018956' },
  {
    code: 'US',
    names: { en: 'United States', 'zh-TW': '美國' },
    postal: /^\d{5}(-\d{4})?$/,
    example: '94103',
  },
  {
    code: 'CA',
    names: { en: 'Canada', 'zh-TW': '加拿大' },
    postal: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/,
    example: 'K1A 0B1',
  },
  {
    code: 'GB',
    names: { en: 'United Kingdom', 'zh-TW': '英國' },
    postal: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/,
    example: 'SW1A 1AA',
  },
  { code: 'AU', names: { en: 'Australia', 'zh-TW': '澳洲' }, postal: /^\d{4}$/, example: '2000' },
];

export interface AddressInput {
  readonly email: string;
  readonly name: string;
  readonly line1: string;
  readonly line2: string;
  readonly city: string;
  readonly region: string;
  readonly postalCode: string;
  readonly country: string;
  readonly phone: string;
}

export type AddressField = keyof AddressInput;
export type AddressProblem = 'required' | 'email' | 'postal';
export type AddressErrors = Partial<Record<AddressField, AddressProblem>>;

// The same shape the server accepts; it checks again, this only spares the round trip.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function countryRule(code: string): CountryRule | undefined {
  return COUNTRIES.find((country) => country.code === code);
}

export function validateAddress(input: AddressInput, needsEmail: boolean): AddressErrors {
  const errors: AddressErrors = {};
  if (needsEmail) {
    if (input.email.trim() === '') errors.email = 'required';
    else if (!EMAIL.test(input.email.trim())) errors.email = 'email';
  }
  for (const field of ['name', 'line1', 'city'] as const) {
    if (input[field].trim() === '') errors[field] = 'required';
  }
  const rule = countryRule(input.country);
  const postal = input.postalCode.trim();
  if (postal === '') errors.postalCode = 'required';
  else if (rule !== undefined && !rule.postal.test(postal)) errors.postalCode = 'postal';
  if (rule === undefined) errors.country = 'required';
  return errors;
}

/** The form's fields as the cart API takes them: optional fields left out when blank. */
export function toPostalAddress(input: AddressInput): PostalAddress {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const line2 = optional(input.line2);
  const region = optional(input.region);
  const phone = optional(input.phone);
  return {
    name: input.name.trim(),
    line1: input.line1.trim(),
    city: input.city.trim(),
    postalCode: input.postalCode.trim(),
    country: input.country,
    ...(line2 !== undefined && { line2 }),
    ...(region !== undefined && { region }),
    ...(phone !== undefined && { phone }),
  };
}

export function fromPostalAddress(
  address: PostalAddress | null,
  email: string | null,
  fallbackCountry: string,
): AddressInput {
  return {
    email: email ?? '',
    name: address?.name ?? '',
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    postalCode: address?.postalCode ?? '',
    country: address?.country ?? fallbackCountry,
    phone: address?.phone ?? '',
  };
}
