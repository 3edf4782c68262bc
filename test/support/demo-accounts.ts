import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_USERS } from '../../apps/gateway/src/seed/demo-data';
import { ApiClient } from './api-client';

const SEED = join(__dirname, '../../dist/apps/gateway/src/seed/seed.main.js');

/** Runs the real seed command (`npm run seed` without the build) on a suite's database; returns the demo password. */
export async function seedDemoAccounts(vars: Record<string, string>): Promise<{ password: string; output: string }> {
  const password = randomBytes(9).toString('base64url');
  const { stdout } = await promisify(execFile)(process.execPath, [SEED, '--password', password], { env: { ...process.env, ...vars } });
  return { password, output: stdout };
}

/** Signed-in clients for the demo accounts, by email. */
export async function signInAll(api: ApiClient, password: string): Promise<Record<string, ApiClient>> {
  const entries = await Promise.all(DEMO_USERS.map(async (user) => [user.email, await api.signIn(user.email, password)] as const));
  return Object.fromEntries(entries);
}

export const ADMIN = 'admin@smartdesk.example';
