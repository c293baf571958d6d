/**
 * The one seam every personal field of a customer passes through on its way into and out of the
 * store: name, email, phone and postal addresses. `customer-rows.ts` is its only caller; nothing
 * else reads or writes those columns.
 *
 * - `seal(customerId, field, value)` is what gets stored; `open` reverses it. Today both are the
 *   identity. Per-customer encryption (a data key per customer, wrapped by a master key; erasing a
 *   customer then means destroying their key) replaces this codec without touching any caller,
 *   which is why each call names the customer and the field.
 * - `lookupKey(kind, value)` is the deterministic key the store indexes and searches by: equal for
 *   values that should match (case, surrounding and repeated whitespace, Unicode form), so it is
 *   what makes email unique case-insensitively and name + postal code findable. Today it is the
 *   normalized text; with encryption it becomes a keyed hash (HMAC) of that same normal form, so
 *   lookups keep working while the stored values are unreadable.
 */
export type PersonalField = 'name' | 'email' | 'phone' | 'address';
export type LookupKind = 'email' | 'name' | 'postalCode';

export interface PersonalDataCodec {
  seal(customerId: string, field: PersonalField, value: string): string;
  open(customerId: string, field: PersonalField, stored: string): string;
  lookupKey(kind: LookupKind, value: string): string;
}

/** Case-, width- and whitespace-insensitive normal form of text people type. */
export function normalizeForLookup(value: string): string {
  return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

function postalCodeKey(value: string): string {
  // "SW1A 1AA", "sw1a1aa" and "SW1A-1AA" are the same postal code.
  return normalizeForLookup(value).replace(/[\s-]/g, '');
}

export const identityCodec: PersonalDataCodec = {
  seal: (_customerId, _field, value) => value,
  open: (_customerId, _field, stored) => stored,
  lookupKey: (kind, value) => (kind === 'postalCode' ? postalCodeKey(value) : normalizeForLookup(value)),
};
