import type { RedisOptions } from 'ioredis';

/**
 * ioredis options whose retryStrategy is always a function: ioredis also allows null, which BullMQ 6's own
 * (structural) RedisOptions type refuses, so these options serve both ioredis clients and BullMQ.
 */
export type RedisConnectionOptions = RedisOptions & { retryStrategy: (times: number) => number };

/**
 * ioredis options from a redis:// URL, per role (BullMQ's production guide):
 * workers wait for Redis forever (`maxRetriesPerRequest: null`) so a Redis restart pauses them;
 * producers fail fast (`enableOfflineQueue: false`) so a request never hangs on a missing Redis.
 */
export function redisConnection(url: string, role: 'worker' | 'producer'): RedisConnectionOptions {
  const parsed = new URL(url);
  const options: RedisConnectionOptions = {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
  return role === 'worker' ? { ...options, maxRetriesPerRequest: null } : { ...options, maxRetriesPerRequest: 1, enableOfflineQueue: false };
}
