import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read out (no 0/O, 1/I/L). */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Manage and offer links carry a token; only its SHA-256 is stored. */
export const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export const newToken = () => randomBytes(32).toString('base64url');

export const newReference = () =>
  `HB-${Array.from({ length: 5 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('')}`;

/**
 * Whether a row found by a token's hash holds that hash. The lookup is by hash; the comparison
 * of what was found takes constant time all the same.
 */
export function holdsHash(stored: string | null | undefined, hash: string): boolean {
  return !!stored && timingSafeEqual(Buffer.from(stored), Buffer.from(hash));
}
