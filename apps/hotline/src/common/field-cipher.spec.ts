import { randomBytes } from 'node:crypto';
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
    const [version, iv, tag, body] = stored.split(':');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(() =>
      cipher.decrypt([version, iv, tag, flipped.toString('base64')].join(':')),
    ).toThrow();
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
