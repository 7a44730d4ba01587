import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Written before key ids: `v1:iv:tag:ct`, read by trying every configured key. */
const LEGACY = 'v1';
/** `v2:kid:iv:tag:ct`: the key id says which configured key opens the value. */
const VERSION = 'v2';
const TAG_BYTES = 16;

interface Key {
  id: string;
  encryptionKey: Buffer;
  hashKey: Buffer;
}

/** Public and stable: names a key in stored values without revealing anything usable. */
function keyIdOf(masterKey: Buffer): string {
  return createHmac('sha256', masterKey).update('hotline key id').digest('hex').slice(0, 8);
}

function deriveKey(masterKey: Buffer, which: string): Key {
  if (masterKey.length !== 32) throw new RangeError(`${which} must be 32 bytes`);
  // The same derivation as v1, so keyed hashes made before key ids existed still match.
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  return {
    id: keyIdOf(masterKey),
    encryptionKey: derive('hotline field encryption'),
    hashKey: derive('hotline keyed hash'),
  };
}

/**
 * Encrypts confidential fields (phone numbers, notes) for storage with AES-256-GCM, and makes
 * keyed hashes so that equal values (a repeat caller's number) can be matched without
 * storing them in the clear. Separate subkeys are derived for the two uses.
 *
 * Keys rotate: new values are written with the current key and tagged with its id; values
 * written with a previous key stay readable while that key is configured, until the rekey
 * command has rewritten them.
 */
export class FieldCipher {
  private readonly current: Key;
  /** Current first, then previous ones, without duplicates. */
  private readonly keys: Key[];

  constructor(currentKey: Buffer, previousKeys: Buffer[] = []) {
    this.current = deriveKey(currentKey, 'the data encryption key');
    this.keys = [this.current];
    for (const previous of previousKeys) {
      const key = deriveKey(previous, 'each previous data encryption key');
      if (!this.keys.some((known) => known.encryptionKey.equals(key.encryptionKey))) {
        this.keys.push(key);
      }
    }
  }

  /** The id of the key new values are written with. */
  get keyId(): string {
    return this.current.id;
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      VERSION,
      this.current.id,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join(':');
  }

  decrypt(stored: string): string {
    const parts = stored.split(':');
    if (parts[0] === VERSION && parts.length === 5) {
      const [, kid, iv, tag, body] = parts;
      // Two keys sharing a 32-bit id is unlikely but possible: try each one that has it.
      const candidates = this.keys.filter((key) => key.id === kid);
      if (candidates.length === 0) {
        throw new Error(
          `encrypted with key ${kid}, which is not configured; add it to DATA_ENCRYPTION_PREVIOUS_KEYS`,
        );
      }
      return this.open(
        candidates,
        iv,
        tag,
        body,
        'stored value failed authentication: it was altered or is corrupt',
      );
    }
    if (parts[0] === LEGACY && parts.length === 4) {
      const [, iv, tag, body] = parts;
      return this.open(
        this.keys,
        iv,
        tag,
        body,
        'stored value (v1, without a key id) opens with none of the configured keys: it was altered, or its key is not configured',
      );
    }
    throw new Error('stored value is not an encrypted field');
  }

  encryptOptional(plaintext: string | null | undefined): string | null {
    return plaintext ? this.encrypt(plaintext) : null;
  }

  decryptOptional(stored: string | null): string | null {
    return stored ? this.decrypt(stored) : null;
  }

  /** True when `stored` was written with the current key, so rekeying can skip it. */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`${VERSION}:${this.current.id}:`);
  }

  /** A stable, keyed hash (hex) for matching equal values without storing them. */
  keyedHash(value: string): string {
    return this.hashWith(this.current, value);
  }

  /**
   * The value's hash under every configured key, current first: rows hashed before a
   * rotation (and not yet rekeyed) still match one of them.
   */
  keyedHashes(value: string): string[] {
    return this.keys.map((key) => this.hashWith(key, value));
  }

  private hashWith(key: Key, value: string): string {
    return createHmac('sha256', key.hashKey).update(value).digest('hex');
  }

  private open(candidates: Key[], iv: string, tag: string, body: string, failure: string): string {
    const authTag = Buffer.from(tag, 'base64');
    // A short tag would make forgery easier; GCM here always writes the full 16 bytes.
    if (!iv || authTag.length !== TAG_BYTES)
      throw new Error('stored value is not an encrypted field');
    for (const key of candidates) {
      try {
        const decipher = createDecipheriv(
          'aes-256-gcm',
          key.encryptionKey,
          Buffer.from(iv, 'base64'),
          {
            authTagLength: TAG_BYTES,
          },
        );
        decipher.setAuthTag(authTag);
        return Buffer.concat([
          decipher.update(Buffer.from(body, 'base64')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        // Authentication failed: the next candidate key may be the right one.
      }
    }
    throw new Error(failure);
  }
}
