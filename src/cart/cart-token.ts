/**
 * Anonymous carts are reached with a secret token: 32 random bytes, shown once, kept as a hash so
 * a leaked database does not hand out carts.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newCartToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashCartToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashCartToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
