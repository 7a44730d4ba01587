import { browserExpiry } from './api';

const base64url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const token = (claims: object) => `${base64url({ alg: 'HS256' })}.${base64url(claims)}.signature`;

describe('the session expiry', () => {
  it('counts the token lifetime from the browser clock, whatever the hotline clock says', () => {
    // The hotline clock runs a day behind (a simulation): the token lives 12 hours from now.
    const issued = Date.parse('2026-11-23T11:00:00.000Z');
    const now = Date.parse('2026-11-24T11:20:00.000Z');
    expect(
      browserExpiry(token({ sub: 'v1', iat: issued / 1000 }), '2026-11-23T23:00:00.000Z', now),
    ).toBe('2026-11-24T23:20:00.000Z');
  });

  it('falls back to the stated expiry when the token cannot be read', () => {
    expect(browserExpiry('not-a-jwt', '2026-11-23T23:00:00.000Z')).toBe('2026-11-23T23:00:00.000Z');
    expect(browserExpiry(token({ sub: 'v1' }), '2026-11-23T23:00:00.000Z')).toBe(
      '2026-11-23T23:00:00.000Z',
    );
  });
});
