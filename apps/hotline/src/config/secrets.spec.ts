import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, validateEnvironment } from './environment';
import { resolveSecrets } from './secrets';

describe('resolveSecrets', () => {
  it('generates missing secrets once, warns, and reuses them on the next start', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hotline-secrets-'));
    const env = validateEnvironment({ DATA_DIR: dataDir });
    const warnings: string[] = [];

    const first = resolveSecrets(env, (message) => warnings.push(message));
    const second = resolveSecrets(env, (message) => warnings.push(message));

    expect(first.dataEncryptionKey).toHaveLength(32);
    expect(second.dataEncryptionKey.equals(first.dataEncryptionKey)).toBe(true);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(first.previousDataEncryptionKeys).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /Generated DATA_ENCRYPTION_KEY and JWT_SECRET into .*secrets\.json/,
    );
    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('prefers the environment and writes nothing when both are given', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hotline-secrets-'));
    const key = Buffer.alloc(32, 7).toString('base64');
    const env = validateEnvironment({
      DATA_DIR: dataDir,
      DATA_ENCRYPTION_KEY: key,
      JWT_SECRET: 'x'.repeat(40),
    });

    const secrets = resolveSecrets(env, () => {
      throw new Error('no warning expected');
    });

    expect(secrets.dataEncryptionKey.toString('base64')).toBe(key);
    expect(() => readFileSync(join(dataDir, 'secrets.json'))).toThrow(/ENOENT/);
  });

  it('reads previous data encryption keys from the environment only, never storing them', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hotline-secrets-'));
    const previous = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    const env = validateEnvironment({
      DATA_DIR: dataDir,
      DATA_ENCRYPTION_PREVIOUS_KEYS: previous.map((key) => key.toString('base64')).join(','),
    });

    const secrets = resolveSecrets(env, () => {});

    expect(secrets.previousDataEncryptionKeys).toEqual(previous);
    const stored = readFileSync(join(dataDir, 'secrets.json'), 'utf8');
    expect(stored).not.toContain('DATA_ENCRYPTION_PREVIOUS_KEYS');
    for (const key of previous) expect(stored).not.toContain(key.toString('base64'));
  });

  it('stops on a bad previous key with a message naming the setting', () => {
    expect(() => validateEnvironment({ DATA_ENCRYPTION_PREVIOUS_KEYS: 'not-a-key' })).toThrow(
      ConfigurationError,
    );
    expect(() => validateEnvironment({ DATA_ENCRYPTION_PREVIOUS_KEYS: 'not-a-key' })).toThrow(
      /DATA_ENCRYPTION_PREVIOUS_KEYS must be/,
    );
  });
});
