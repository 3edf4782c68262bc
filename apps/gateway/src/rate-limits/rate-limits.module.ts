import { Global, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { Environment } from '@smartdesk/config';
import { redisConnection } from '@smartdesk/runtime';
import { ApiKeyQuota } from './api-key-quota.service';
import { RateLimitGuard } from './rate-limit.guard';
import { rateLimits } from './rate-limits';
import { RedisThrottlerStorage } from './redis-throttler-storage';

/** How long one counter update may take before the request goes on without it (a Redis that hangs, not refuses). */
const COUNTER_TIMEOUT_MS = 1000;

/**
 * Rate limits counted in the app's Redis under its key prefix. The connection is a producer's: it fails fast
 * while Redis is away (no offline queue), so a request never waits on a missing counter.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => {
        const storage = new RedisThrottlerStorage({ ...redisConnection(env.REDIS_URL, 'producer'), keyPrefix: `${env.QUEUE_PREFIX}:rate-limit:`, commandTimeout: COUNTER_TIMEOUT_MS });
        return {
          throttlers: rateLimits(env),
          // Retry-After is set on a 429 only; per-limit X-RateLimit headers would tell a guesser how far to go.
          setHeaders: false,
          storage,
        };
      },
    }),
  ],
  providers: [RateLimitGuard, ApiKeyQuota],
  exports: [RateLimitGuard, ApiKeyQuota],
})
export class RateLimitsModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly env: Environment,
  ) {}

  /** Limits count per client address: behind a proxy, that address is in X-Forwarded-For, trusted only as configured. */
  onModuleInit(): void {
    const trustProxy = this.env.TRUST_PROXY;
    if (trustProxy === undefined) return;
    this.adapterHost.httpAdapter.getInstance().set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  }
}
