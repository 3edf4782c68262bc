import { createHash, randomBytes } from 'node:crypto';

const SCHEME = 'sdk_';

export interface NewApiKey {
  key: string;
  prefix: string;
  hash: string;
}

/**
 * 256 random bits: such a key cannot be guessed, so a plain SHA-256 is enough at rest (a slow hash protects
 * low-entropy passwords) and lets a request's key be found by an indexed lookup of its hash.
 */
export function newApiKey(): NewApiKey {
  const key = `${SCHEME}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, SCHEME.length + 8), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
