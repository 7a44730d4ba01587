import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

// OWASP's argon2id baseline: strong enough for sign-in, quick enough for a busy evening.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private readonly dummyHash = argon2.hash('a password nobody has', OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password);
  }

  /** Spends the time of a real check, so an unknown email answers as slowly as a wrong password. */
  async verifyNobody(password: string): Promise<false> {
    await argon2.verify(await this.dummyHash, password);
    return false;
  }
}
