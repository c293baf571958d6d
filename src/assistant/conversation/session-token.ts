/**
 * A session is reached with a secret token: 32 random bytes, shown once at start, kept only as a
 * SHA-256 hash so a leaked database does not hand out conversations.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sessionTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashSessionToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
