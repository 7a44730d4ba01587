import { base32Decode, base32Encode, hotp, matchingStep, otpauthUri, totp } from './totp';

// RFC 6238 appendix B, SHA-1: the 20-byte ASCII secret and the 8-digit codes.
const SECRET = Buffer.from('12345678901234567890', 'ascii');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it.each(VECTORS)('matches RFC 6238 at %i seconds', (time, code) => {
    expect(totp(SECRET, time, 8)).toBe(code);
    // The 6-digit code is the same truncation modulo 10^6.
    expect(totp(SECRET, time)).toBe(code.slice(2));
  });

  it('matches RFC 4226 HOTP values', () => {
    expect(hotp(SECRET, 0)).toBe('755224');
    expect(hotp(SECRET, 9)).toBe('520489');
  });

  it('accepts the step before and after, and no further', () => {
    const now = 1_111_111_111; // step 37037037
    const step = Math.floor(now / 30);
    expect(matchingStep(SECRET, totp(SECRET, now), now)).toBe(step);
    expect(matchingStep(SECRET, totp(SECRET, now - 30), now)).toBe(step - 1);
    expect(matchingStep(SECRET, totp(SECRET, now + 30), now)).toBe(step + 1);
    expect(matchingStep(SECRET, totp(SECRET, now - 60), now)).toBeNull();
    expect(matchingStep(SECRET, totp(SECRET, now + 60), now)).toBeNull();
    expect(matchingStep(SECRET, '12345', now)).toBeNull();
    expect(matchingStep(SECRET, 'abcdef', now)).toBeNull();
  });

  it('round-trips base32 as RFC 4648 writes it', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode(base32Encode(SECRET)).equals(SECRET)).toBe(true);
  });

  it('writes an otpauth URI authenticator apps read', () => {
    expect(otpauthUri(SECRET, 'Hotline', 'a@b.example')).toBe(
      'otpauth://totp/Hotline:a%40b.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Hotline&algorithm=SHA1&digits=6&period=30',
    );
  });
});
