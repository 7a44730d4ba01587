import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitKeyList, type Environment } from './environment';

export interface Secrets {
  /** 32-byte key for confidential fields (AES-256-GCM) and keyed hashes. */
  dataEncryptionKey: Buffer;
  /** Former data encryption keys, still read after a rotation; only ever from the environment. */
  previousDataEncryptionKeys: Buffer[];
  jwtSecret: string;
}

interface StoredSecrets {
  DATA_ENCRYPTION_KEY?: string;
  JWT_SECRET?: string;
}

export const SECRETS_FILE = 'secrets.json';

/**
 * Secrets come from the environment; a missing one is generated once into
 * `<DATA_DIR>/secrets.json` (mode 0600) and reused on every later start, because a lost
 * encryption key makes every stored phone number and note unreadable.
 */
export function resolveSecrets(
  env: Pick<
    Environment,
    'DATA_DIR' | 'DATA_ENCRYPTION_KEY' | 'DATA_ENCRYPTION_PREVIOUS_KEYS' | 'JWT_SECRET'
  >,
  warn: (message: string) => void,
): Secrets {
  const file = join(env.DATA_DIR, SECRETS_FILE);
  const stored: StoredSecrets = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const generated: string[] = [];

  const pick = (name: keyof StoredSecrets, create: () => string): string => {
    const value = env[name] ?? stored[name];
    if (value) return value;
    stored[name] = create();
    generated.push(name);
    return stored[name]!;
  };

  const dataEncryptionKey = pick('DATA_ENCRYPTION_KEY', () => randomBytes(32).toString('base64'));
  const jwtSecret = pick('JWT_SECRET', () => randomBytes(48).toString('base64url'));

  if (generated.length > 0) {
    mkdirSync(env.DATA_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
    warn(
      `Generated ${generated.join(' and ')} into ${file}. Back this file up or set the variables: ` +
        'without the same DATA_ENCRYPTION_KEY, stored phone numbers and notes cannot be read.',
    );
  }
  return {
    dataEncryptionKey: Buffer.from(dataEncryptionKey, 'base64'),
    // Never generated nor stored: a previous key only exists because someone rotated one.
    previousDataEncryptionKeys: splitKeyList(env.DATA_ENCRYPTION_PREVIOUS_KEYS).map((key) =>
      Buffer.from(key, 'base64'),
    ),
    jwtSecret,
  };
}
