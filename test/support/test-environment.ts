import { randomBytes } from 'node:crypto';
import { createIsolatedStores } from '../../scripts/support/isolated-stores';
import { POSTGRES_SERVER, REDIS_URL } from './services';

export interface TestEnvironment {
  /** Environment variables for the apps under test: own database, queue prefix and collections. */
  vars: Record<string, string>;
  databaseUrl: string;
  cleanup(): Promise<void>;
}

/** A fresh, migrated database plus a unique Redis prefix and Chroma collection prefix for one suite. */
export async function createTestEnvironment(suite: string): Promise<TestEnvironment> {
  const id = `${suite.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  const chromaUrl = process.env.CHROMA_URL ?? 'http://127.0.0.1:8000';
  const stores = await createIsolatedStores(`smartdesk_test_${id}`, `t-${id.replace(/_/g, '-')}`, { postgresServer: POSTGRES_SERVER, redisUrl: REDIS_URL, chromaUrl });
  const vars = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'log',
    DATABASE_URL: stores.databaseUrl,
    REDIS_URL,
    CHROMA_URL: chromaUrl,
    QUEUE_PREFIX: stores.prefix,
    CHROMA_COLLECTION_PREFIX: stores.prefix,
    DEPENDENCY_TIMEOUT_MS: '30000',
    OUTBOX_SWEEP_MS: '300',
    JWT_SECRET: randomBytes(32).toString('hex'),
    // Suites post hundreds of anonymous tickets and sign in many times from 127.0.0.1: limits far above that.
    // test/integration/rate-limits.test.ts sets its own low limits to check them.
    RATE_LIMIT_INTAKE_PER_MINUTE: '100000',
    RATE_LIMIT_SELF_SERVICE_PER_MINUTE: '100000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
    LOGIN_LOCKOUT_ATTEMPTS: '10000',
  };
  return { vars, databaseUrl: stores.databaseUrl, cleanup: stores.cleanup };
}
