import { ChromaClient } from 'chromadb';
import Redis from 'ioredis';
import { Client } from 'pg';
import { migrate } from '@smartdesk/database';

export interface IsolatedStores {
  /** A fresh, migrated database of its own. */
  databaseUrl: string;
  /** For QUEUE_PREFIX and CHROMA_COLLECTION_PREFIX: nothing else in Redis or Chroma starts with it. */
  prefix: string;
  /** Deletes the prefix's Redis keys and Chroma collections and drops the database. */
  cleanup(): Promise<void>;
}

export interface StoreServers {
  /** postgres://user@host:port, without a database name. */
  postgresServer: string;
  redisUrl: string;
  chromaUrl: string;
}

/** Isolation for one test suite or benchmark run on shared Postgres, Redis and Chroma servers. */
export async function createIsolatedStores(database: string, prefix: string, servers: StoreServers): Promise<IsolatedStores> {
  const databaseUrl = `${servers.postgresServer}/${database}`;
  await migrate(databaseUrl);
  return {
    databaseUrl,
    prefix,
    async cleanup() {
      const redis = new Redis(servers.redisUrl);
      for (let cursor = '0'; ; ) {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
        if (cursor === '0') break;
      }
      redis.disconnect();
      const chromaUrl = new URL(servers.chromaUrl);
      const chroma = new ChromaClient({ host: chromaUrl.hostname, port: Number(chromaUrl.port) });
      for (const collection of await chroma.listCollections().catch(() => [])) {
        if (collection.name.startsWith(prefix)) await chroma.deleteCollection({ name: collection.name });
      }
      const admin = new Client({ connectionString: `${servers.postgresServer}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
