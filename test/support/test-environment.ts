import { randomBytes } from 'node:crypto';
import { ChromaClient } from 'chromadb';
import Redis from 'ioredis';
import { Client } from 'pg';
import { migrate } from '@smartdesk/database';
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
  const database = `smartdesk_test_${id}`;
  const databaseUrl = `${POSTGRES_SERVER}/${database}`;
  await migrate(databaseUrl);
  const prefix = `t-${id.replace(/_/g, '-')}`;
  const vars = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'log',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    CHROMA_URL: process.env.CHROMA_URL ?? 'http://127.0.0.1:8000',
    QUEUE_PREFIX: prefix,
    CHROMA_COLLECTION_PREFIX: prefix,
    DEPENDENCY_TIMEOUT_MS: '30000',
    OUTBOX_SWEEP_MS: '300',
    JWT_SECRET: randomBytes(32).toString('hex'),
  };
  return {
    vars,
    databaseUrl,
    async cleanup() {
      const redis = new Redis(REDIS_URL);
      for (let cursor = '0'; ; ) {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
        if (cursor === '0') break;
      }
      redis.disconnect();
      const chromaUrl = new URL(vars.CHROMA_URL);
      const chroma = new ChromaClient({ host: chromaUrl.hostname, port: Number(chromaUrl.port) });
      for (const collection of await chroma.listCollections().catch(() => [])) {
        if (collection.name.startsWith(prefix)) await chroma.deleteCollection({ name: collection.name });
      }
      const admin = new Client({ connectionString: `${POSTGRES_SERVER}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
