import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_CHARACTERS = 16;

// Ids are minted on hot paths (every hold, line and ledger row): drawing random bytes in large
// blocks and encoding with plain arithmetic costs a fraction of a fresh draw and BigInt maths.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

function randomCharacters(): string {
  if (poolOffset + RANDOM_CHARACTERS > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  let out = '';
  for (let i = 0; i < RANDOM_CHARACTERS; i++) out += ALPHABET[pool[poolOffset + i]! & 31];
  poolOffset += RANDOM_CHARACTERS;
  return out;
}

function encodeTime(now: number): string {
  let out = '';
  let rest = Math.floor(now);
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/**
 * A prefixed identifier ("prod_01hx..."): 10 characters of millisecond time then 16 random
 * ones (80 bits), so ids sort by creation time and say what they name.
 */
export function newId(prefix: string, now: number = Date.now()): string {
  return `${prefix}_${encodeTime(now)}${randomCharacters()}`;
}
