import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(randomBytes(32));

  it('round-trips a value without leaving it readable, and never encrypts twice the same way', () => {
    const first = cipher.encrypt('+8613800138000');
    const second = cipher.encrypt('+8613800138000');
    expect(first).not.toContain('13800138000');
    expect(first).not.toBe(second);
    expect(cipher.decrypt(first)).toBe('+8613800138000');
  });

  it('refuses a tampered value instead of returning garbage', () => {
    const stored = cipher.encrypt('note');
    const [version, kid, iv, tag, body] = stored.split(':');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(() =>
      cipher.decrypt([version, kid, iv, tag, flipped.toString('base64')].join(':')),
    ).toThrow(/altered/);
  });

  it('cannot be read with another key', () => {
    expect(() => new FieldCipher(randomBytes(32)).decrypt(cipher.encrypt('x'))).toThrow();
  });

  it('hashes equal values equally and keys the hash', () => {
    expect(cipher.keyedHash('+8613800138000')).toBe(cipher.keyedHash('+8613800138000'));
    expect(cipher.keyedHash('+8613800138000')).not.toBe(
      new FieldCipher(randomBytes(32)).keyedHash('+8613800138000'),
    );
  });
});

describe('FieldCipher key rotation', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const before = new FieldCipher(oldKey);
  const after = new FieldCipher(newKey, [oldKey]);

  /** A value as the cipher wrote it before key ids: `v1:iv:tag:ct`, same subkey. */
  const legacy = (key: Buffer, plaintext: string): string => {
    const subkey = Buffer.from(
      hkdfSync('sha256', key, Buffer.alloc(0), 'hotline field encryption', 32),
    );
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', subkey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body].map((part) => part.toString('base64')).join(':');
  };

  it('names each key by the first 8 hex digits of its HMAC and writes that id into values', () => {
    const expected = createHmac('sha256', newKey)
      .update('hotline key id')
      .digest('hex')
      .slice(0, 8);
    expect(after.keyId).toBe(expected);
    expect(after.keyId).not.toBe(before.keyId);
    const parts = after.encrypt('+8613800138000').split(':');
    expect(parts).toHaveLength(5);
    expect(parts.slice(0, 2)).toEqual(['v2', expected]);
  });

  it('reads a value written with the old key once the old key is a previous one', () => {
    const stored = before.encrypt('+8613800138000');
    expect(after.decrypt(stored)).toBe('+8613800138000');
    expect(after.decryptOptional(stored)).toBe('+8613800138000');
  });

  it('says which key is missing when a value was written with a key it does not have', () => {
    const stored = before.encrypt('+8613800138000');
    expect(() => new FieldCipher(newKey).decrypt(stored)).toThrow(
      `encrypted with key ${before.keyId}, which is not configured; add it to DATA_ENCRYPTION_PREVIOUS_KEYS`,
    );
  });

  it('still reads v1 values written before key ids, with the current or a previous key', () => {
    expect(new FieldCipher(oldKey).decrypt(legacy(oldKey, 'note'))).toBe('note');
    expect(after.decrypt(legacy(oldKey, 'note'))).toBe('note');
    expect(after.decrypt(legacy(newKey, 'note'))).toBe('note');
    expect(() => new FieldCipher(randomBytes(32)).decrypt(legacy(oldKey, 'note'))).toThrow(
      /none of the configured keys/,
    );
  });

  it('refuses tampered v2 values, a swapped key id and a truncated tag', () => {
    const [version, kid, iv, tag, body] = before.encrypt('note').split(':');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(() =>
      after.decrypt([version, kid, iv, tag, flipped.toString('base64')].join(':')),
    ).toThrow(/altered/);
    expect(() => after.decrypt([version, after.keyId, iv, tag, body].join(':'))).toThrow(/altered/);
    const short = Buffer.from(tag, 'base64').subarray(0, 8).toString('base64');
    expect(() => after.decrypt([version, kid, iv, short, body].join(':'))).toThrow();
    expect(() => after.decrypt('v2:abc')).toThrow('stored value is not an encrypted field');
  });

  it('hashes with the current key, and offers the old hash for matching older rows', () => {
    expect(after.keyedHash('+8613800138000')).toBe(
      new FieldCipher(newKey).keyedHash('+8613800138000'),
    );
    expect(after.keyedHashes('+8613800138000')).toEqual([
      after.keyedHash('+8613800138000'),
      before.keyedHash('+8613800138000'),
    ]);
    expect(new FieldCipher(newKey, [newKey, oldKey, oldKey]).keyedHashes('x')).toHaveLength(2);
  });

  it('knows which values are under the current key', () => {
    expect(after.isCurrent(after.encrypt('x'))).toBe(true);
    expect(after.isCurrent(before.encrypt('x'))).toBe(false);
    expect(after.isCurrent(legacy(newKey, 'x'))).toBe(false);
    expect(after.isCurrent('not encrypted')).toBe(false);
  });

  it('refuses a previous key of the wrong length', () => {
    expect(() => new FieldCipher(newKey, [randomBytes(16)])).toThrow(
      'each previous data encryption key must be 32 bytes',
    );
  });
});
