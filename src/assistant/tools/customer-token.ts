/**
 * Signed customer tokens: the storefront, where the shopper is logged in, vouches for them to the
 * assistant. `<customerId>.<expiresAt>.<HMAC-SHA256(customerId.expiresAt)>`, base64url signature.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function signCustomerToken(secret: string, customerId: string, expiresAt: number): string {
  const payload = `${customerId}.${expiresAt}`;
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/** The customer id of a valid, unexpired token; null for anything else. */
export function verifyCustomerToken(secret: string, token: string, now: number): string | null {
  const last = token.lastIndexOf('.');
  const middle = token.lastIndexOf('.', last - 1);
  if (last < 0 || middle <= 0) return null;
  const customerId = token.slice(0, middle);
  const expiresText = token.slice(middle + 1, last);
  if (!/^\d{1,16}$/.test(expiresText)) return null;
  const given = Buffer.from(token.slice(last + 1), 'base64url');
  const expected = signature(secret, token.slice(0, last));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Number(expiresText) > now ? customerId : null;
}
