import { ConfigurationError, validateEnvironment } from './environment';

const problemsOf = (raw: Record<string, string>): string[] => {
  try {
    validateEnvironment(raw);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
};

describe('validateEnvironment', () => {
  it('applies the documented defaults to an empty environment', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'sqlite:data/hotline.sqlite',
      PUBLIC_BASE_URL: 'http://localhost:3000',
      TWILIO_API_BASE_URL: 'https://api.twilio.com',
      HOTLINE_TIMEZONE: 'Asia/Shanghai',
      HOTLINE_CLOCK_SPEED: 1,
      ACCESS_TOKEN_TTL_MINUTES: 720,
    });
  });

  it('derives the public address from the port and treats empty values as unset', () => {
    expect(validateEnvironment({ PORT: '8080', REDIS_URL: '' }).PUBLIC_BASE_URL).toBe(
      'http://localhost:8080',
    );
  });

  it('names each bad variable and what is expected, all at once', () => {
    expect(
      problemsOf({
        PORT: 'eighty',
        DATABASE_URL: 'postgres://x/y',
        HOTLINE_TIMEZONE: 'Moon/Base',
        DATA_ENCRYPTION_KEY: 'c2hvcnQ=',
        HOTLINE_CLOCK_SPEED: '0',
      }),
    ).toEqual([
      'PORT must be a TCP port number from 0 to 65535, got "eighty"',
      'DATABASE_URL must be sqlite:<file path> or mysql://user:password@host:3306/database, got "postgres://x/y"',
      'DATA_ENCRYPTION_KEY must be 32 random bytes in base64 (openssl rand -base64 32)',
      'HOTLINE_TIMEZONE must be an IANA time zone such as Asia/Shanghai, got "Moon/Base"',
      'HOTLINE_CLOCK_SPEED must be a number above 0 and at most 3600, got "0"',
    ]);
  });

  it('accepts former data encryption keys separated by commas, and names the setting when one is bad', () => {
    const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
    expect(
      validateEnvironment({ DATA_ENCRYPTION_PREVIOUS_KEYS: `${key(1)}, ${key(2)}` })
        .DATA_ENCRYPTION_PREVIOUS_KEYS,
    ).toBe(`${key(1)}, ${key(2)}`);
    const message =
      'DATA_ENCRYPTION_PREVIOUS_KEYS must be former DATA_ENCRYPTION_KEY values separated by commas, each 32 bytes in base64';
    expect(problemsOf({ DATA_ENCRYPTION_PREVIOUS_KEYS: `${key(1)},c2hvcnQ=` })).toEqual([message]);
    expect(problemsOf({ DATA_ENCRYPTION_PREVIOUS_KEYS: ' , ' })).toEqual([message]);
  });

  it('wants the Twilio settings together', () => {
    expect(problemsOf({ TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}` })).toEqual([
      '[TWILIO_ACCOUNT_SID] set without [TWILIO_AUTH_TOKEN, TWILIO_PHONE_NUMBER]: set all of them or none',
    ]);
  });

  it('accepts MySQL and MariaDB addresses', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/hotline' })).toEqual([]);
    expect(problemsOf({ DATABASE_URL: 'mariadb://u:p@db:3306/hotline?charset=utf8mb4' })).toEqual(
      [],
    );
  });

  it('refuses the simulation clock in production', () => {
    expect(
      problemsOf({
        NODE_ENV: 'production',
        ALLOW_GENERATED_KEY: 'true',
        HOTLINE_CLOCK_START: '2026-11-23T18:00:00+08:00',
      }),
    ).toEqual([
      'HOTLINE_CLOCK_START and HOTLINE_CLOCK_SPEED are for simulations and tests; they are refused when NODE_ENV=production',
    ]);
    expect(problemsOf({ HOTLINE_CLOCK_START: 'tonight' })).toEqual([
      'HOTLINE_CLOCK_START must be an ISO 8601 instant with its offset, like 2026-11-23T18:00:00+08:00',
    ]);
  });

  it('refuses in production to keep the encryption key next to the database, unless told to', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const [problem] = problemsOf({ NODE_ENV: 'production' });
    expect(problem).toMatch(/^DATA_ENCRYPTION_KEY is not set/);
    expect(problem).toContain('openssl rand -base64 32');
    expect(problem).toContain('ALLOW_GENERATED_KEY=true');
    expect(problemsOf({ NODE_ENV: 'production', DATA_ENCRYPTION_KEY: key })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'production', ALLOW_GENERATED_KEY: 'true' })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'development' })).toEqual([]);
    expect(problemsOf({ ALLOW_GENERATED_KEY: 'perhaps' })).toEqual([
      'ALLOW_GENERATED_KEY must be true or false, got "perhaps"',
    ]);
  });

  it('trusts no proxy unless told, and only named proxies or networks', () => {
    expect(validateEnvironment({}).TRUST_PROXY).toBeUndefined();
    expect(problemsOf({ TRUST_PROXY: 'loopback, 172.16.0.0/12' })).toEqual([]);
    expect(problemsOf({ TRUST_PROXY: 'true' })).toEqual([
      'TRUST_PROXY must be the proxies in front of the server: loopback, uniquelocal, or addresses and networks (CIDR) separated by commas, like 172.16.0.0/12, got "true"',
    ]);
  });

  it('serves metrics to this machine only unless told otherwise, and checks the networks and token given', () => {
    expect(validateEnvironment({}).METRICS_ALLOW).toBe('127.0.0.1/8, ::1');
    expect(validateEnvironment({}).METRICS_TOKEN).toBeUndefined();
    expect(problemsOf({ METRICS_ALLOW: '10.0.0.0/8, ::1', METRICS_TOKEN: 'x'.repeat(16) })).toEqual(
      [],
    );
    expect(problemsOf({ METRICS_ALLOW: '10.0.0.0/8, prometheus', METRICS_TOKEN: 'short' })).toEqual(
      [
        'METRICS_TOKEN must be at least 16 characters (openssl rand -hex 16)',
        'METRICS_ALLOW must be addresses or networks (CIDR) separated by commas, like 127.0.0.1/8, ::1, 10.0.0.0/8, got "10.0.0.0/8, prometheus"',
      ],
    );
  });

  it('gives several instances a key prefix and a five-second leader lease, and checks them', () => {
    expect(validateEnvironment({})).toMatchObject({
      REDIS_KEY_PREFIX: 'hotline',
      LEADER_LEASE_MS: 5000,
    });
    expect(validateEnvironment({}).INSTANCE_ID).toBeUndefined();
    expect(
      problemsOf({ REDIS_KEY_PREFIX: 'a b', INSTANCE_ID: 'web/1', LEADER_LEASE_MS: '200' }),
    ).toEqual([
      'REDIS_KEY_PREFIX must be 1 to 64 letters, digits or _ . : -, got "a b"',
      'INSTANCE_ID must be 1 to 64 letters, digits or _ . -, got "web/1"',
      'LEADER_LEASE_MS must be a whole number of milliseconds from 1000 to 60000, got "200"',
    ]);
  });

  it('formats the error so the start-up message lists every problem', () => {
    expect(() => validateEnvironment({ PORT: '-1' })).toThrow(
      'Invalid configuration:\n  - PORT must be a TCP port number from 0 to 65535, got "-1"',
    );
  });
});
