/** A fresh key per payment attempt; `crypto.randomUUID` needs a secure context, host pages may not be one. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `aisle-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
