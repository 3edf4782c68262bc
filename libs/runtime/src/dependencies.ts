import { Logger } from '@nestjs/common';
import { ChromaClient } from 'chromadb';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { Environment } from '@smartdesk/config';
import { redisConnection } from './redis-connection';

export type Dependency = 'postgres' | 'redis' | 'chroma';

const PROBE_TIMEOUT_MS = 2000;

/** One quick look: does the service answer right now? Rejects with the reason if not. */
export async function probe(dependency: Dependency, env: Environment): Promise<void> {
  switch (dependency) {
    case 'postgres': {
      const client = new Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => undefined);
      }
      return;
    }
    case 'redis': {
      const redis = new Redis({ ...redisConnection(env.REDIS_URL, 'producer'), lazyConnect: true, connectTimeout: PROBE_TIMEOUT_MS, retryStrategy: () => null });
      try {
        await redis.connect();
        await redis.ping();
      } finally {
        redis.disconnect();
      }
      return;
    }
    case 'chroma': {
      const url = new URL(env.CHROMA_URL);
      const client = new ChromaClient({ host: url.hostname, port: Number(url.port || 80), ssl: url.protocol === 'https:', fetchOptions: { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) } });
      await client.heartbeat();
      return;
    }
  }
}

/**
 * Blocks until every dependency answers, retrying with backoff up to DEPENDENCY_TIMEOUT_MS, so a
 * process started before its database or queue (compose, k8s, a reboot) waits instead of crashing.
 */
export async function waitForDependencies(env: Environment, dependencies: Dependency[], logger: Logger): Promise<void> {
  const deadline = Date.now() + env.DEPENDENCY_TIMEOUT_MS;
  for (const dependency of dependencies) {
    for (let attempt = 1; ; attempt++) {
      try {
        await probe(dependency, env);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`${dependency} did not answer within ${env.DEPENDENCY_TIMEOUT_MS} ms: ${(error as Error).message}`);
        if (attempt === 1 || attempt % 10 === 0) logger.warn(`waiting for ${dependency}: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2000)));
      }
    }
  }
}
