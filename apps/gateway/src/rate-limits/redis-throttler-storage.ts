import { OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import Redis, { RedisOptions } from 'ioredis';

/** The record the throttler expects (its type is not exported from the package's entry point). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One hit, atomically: count it in the window (the first hit starts the window's expiry), and once the count
 * passes the limit, block for the block duration; a block that has expired lets the next hit be counted anew.
 * Returns [hits, window ms left, 1 if blocked else 0, block ms left].
 */
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
local windowLeft = redis.call('PTTL', KEYS[1])
if windowLeft < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  windowLeft = tonumber(ARGV[1])
end
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft < 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], 1, 'PX', ARGV[3])
  blockLeft = tonumber(ARGV[3])
end
if blockLeft < 0 then
  return { hits, windowLeft, 0, 0 }
end
return { hits, windowLeft, 1, blockLeft }
`;

/**
 * @nestjs/throttler's counters in Redis, shared by every gateway replica. Our own rather than
 * @nest-lab/throttler-storage-redis, whose peer range stops at Nest 11 (and has no newer release).
 * Keys keep that package's layout (`{key:throttler}:hits` / `:blocked`, one hash slot per counter).
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly redis: Redis;

  constructor(options: RedisOptions) {
    this.redis = new Redis(options);
    // Without a listener ioredis prints each failed reconnect as unhandled while Redis is away; the guard
    // already warns what a missing counter means (RateLimitGuard.withoutCounter).
    this.redis.on('error', () => undefined);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const counter = `{${key}:${throttlerName}}`;
    const result = await this.redis.eval(HIT_SCRIPT, 2, `${counter}:hits`, `${counter}:blocked`, ttl, limit, blockDuration);
    const [totalHits, windowLeftMs, blocked, blockLeftMs] = result as [number, number, number, number];
    return { totalHits, timeToExpire: Math.ceil(windowLeftMs / 1000), isBlocked: blocked === 1, timeToBlockExpire: Math.ceil(blockLeftMs / 1000) };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
