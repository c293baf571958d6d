import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function encode(value: bigint, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(rest & 31n)] + out;
    rest >>= 5n;
  }
  return out;
}

/**
 * A prefixed identifier ("prod_01hx..."): 10 characters of millisecond time then 16 random
 * ones, so ids sort by creation time and say what they name.
 */
export function newId(prefix: string, now: number = Date.now()): string {
  const random = BigInt(`0x${randomBytes(10).toString('hex')}`);
  return `${prefix}_${encode(BigInt(now), 10)}${encode(random, 16)}`;
}
