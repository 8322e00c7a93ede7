// Identifiers in Credyt's style: a short prefix (`cust_`, `sub_`, `prp_`, `whd_`, `evt_`) and a random tail.
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `length` random characters from [0-9a-z]; used for ids, tokens and secrets. */
export function randomToken(length = 24): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

export function newId(prefix: string): string {
  return `${prefix}_${randomToken(20)}`;
}

/** The same id for the same key on every start, so seeded products keep their ids across resets and restarts. */
export function stableId(prefix: string, key: string): string {
  const digest = createHash('sha256').update(`${prefix}:${key}`).digest();
  let out = '';
  for (const byte of digest.subarray(0, 20)) out += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${out}`;
}
