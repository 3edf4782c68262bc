import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEVELOPMENT_JWT_SECRET, Environment } from '@smartdesk/config';

/**
 * The signing key. Production needs JWT_SECRET. Elsewhere, without one, a random key is generated once into
 * JWT_SECRET_FILE (mode 0600), so sessions survive a restart and replicas on one machine share it. The
 * formerly published development default is never used: anyone could sign tokens with it.
 */
export function jwtSecret(env: Environment): string {
  const configured = env.JWT_SECRET === DEVELOPMENT_JWT_SECRET ? undefined : env.JWT_SECRET;
  if (configured) return configured;
  if (env.NODE_ENV === 'production') {
    throw new Error(`JWT_SECRET is ${env.JWT_SECRET ? 'the published development default' : 'not set'}; set a secret of your own in production (e.g. openssl rand -base64 48)`);
  }
  return generatedSecret(env.JWT_SECRET_FILE);
}

function generatedSecret(file: string): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': of two processes starting at once, one writes and the other reads what it wrote.
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stored = readFileSync(file, 'utf8').trim();
  if (stored.length < 32) throw new Error(`${file} holds no usable JWT secret (under 32 characters): delete it to generate a new one`);
  return stored;
}
