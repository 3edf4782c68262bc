import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (19 MiB, 2 passes: the OWASP minimum), native so it does not block the event loop. */
@Injectable()
export class PasswordHasher {
  private decoy?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /** False for a null hash too, after the same work as a real check: timing does not tell which accounts exist. */
  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    this.decoy ??= hash(randomBytes(16).toString('hex'));
    const matches = await verify(passwordHash ?? (await this.decoy), password).catch(() => false);
    return passwordHash !== null && matches;
  }
}
