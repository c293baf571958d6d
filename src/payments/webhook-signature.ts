/**
 * Signed webhooks in the scheme card processors use: the header carries a timestamp and an
 * HMAC-SHA256 of "timestamp.body"; a receiver recomputes it and refuses old timestamps, so a
 * captured request cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../core/index.js';
import { WebhookSignatureError } from './errors.js';
import type { WebhookHeaders } from './types.js';

export const SIGNATURE_HEADER = 'aisle-signature';
const DEFAULT_TOLERANCE_SECONDS = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, body: string, clock: Clock): string {
  const timestamp = Math.floor(clock.now() / 1000);
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return typeof value === 'string' ? value : value?.[0];
  }
  return undefined;
}

/** Returns the body as text once its signature checks out. */
export function verifySignature(
  secret: string,
  rawBody: string | Buffer,
  headers: WebhookHeaders,
  clock: Clock,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): string {
  const header = headerValue(headers, SIGNATURE_HEADER);
  if (header === undefined) throw new WebhookSignatureError(`missing ${SIGNATURE_HEADER} header`);
  const parts = new Map<string, string[]>();
  for (const part of header.split(',')) {
    const [name, value] = part.split('=', 2);
    if (name === undefined || value === undefined) continue;
    parts.set(name.trim(), [...(parts.get(name.trim()) ?? []), value.trim()]);
  }
  const timestamp = Number(parts.get('t')?.[0]);
  const signatures = parts.get('v1') ?? [];
  if (!Number.isInteger(timestamp) || signatures.length === 0) {
    throw new WebhookSignatureError('malformed signature header');
  }
  const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookSignatureError('signature does not match the body');
  if (Math.abs(Math.floor(clock.now() / 1000) - timestamp) > toleranceSeconds) {
    throw new WebhookSignatureError('timestamp outside the tolerance window');
  }
  return body;
}
