import Redis from 'ioredis';
import { Client } from 'pg';
import { ChromaServer, startChromaServer } from '../../scripts/support/chroma-server';
import { POSTGRES_SERVER, REDIS_URL } from './services';

async function assertReachable(): Promise<void> {
  const pg = new Client({ connectionString: `${POSTGRES_SERVER}/postgres`, connectionTimeoutMillis: 3000 });
  await pg.connect().catch((error) => {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_SERVER} (${error.message}); start it (see README)`);
  });
  await pg.end();
  const redis = new Redis(REDIS_URL, { lazyConnect: true, retryStrategy: () => null, connectTimeout: 3000 });
  await redis.connect().catch((error) => {
    throw new Error(`Redis is not reachable at ${REDIS_URL} (${error.message}); start it (see README)`);
  });
  redis.disconnect();
}

/** Starts one real Chroma server (from node_modules) for the whole run, unless CHROMA_URL names one. */
export default async function globalSetup(): Promise<void> {
  await assertReachable();
  if (process.env.CHROMA_URL) return;
  const chroma = await startChromaServer({ detached: true });
  process.env.CHROMA_URL = chroma.url;
  // Teardown runs in this same process: keep the handle here, not in a file another run could overwrite.
  (globalThis as { smartdeskChroma?: ChromaServer }).smartdeskChroma = chroma;
}
