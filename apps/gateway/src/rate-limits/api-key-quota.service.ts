import { Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import type { Response } from 'express';
import { Environment } from '@smartdesk/config';
import type { Principal } from '../auth/principal';
import { OccasionalWarning } from './occasional-warning';
import { tooManyRequests } from './too-many-requests';

const MINUTE_MS = 60_000;

/**
 * Requests per minute per API key (the key's own quota, or API_KEY_REQUESTS_PER_MINUTE), counted in the
 * throttler's Redis storage so every replica shares the count. The key is known only once the caller is
 * authenticated, so the AuthGuard calls this rather than a route decorator.
 */
@Injectable()
export class ApiKeyQuota {
  private readonly unlimited = new OccasionalWarning(ApiKeyQuota.name);

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly env: Environment,
  ) {}

  async consume(apiKey: NonNullable<Principal['apiKey']>, response: Response): Promise<void> {
    const limit = apiKey.requestsPerMinute ?? this.env.API_KEY_REQUESTS_PER_MINUTE;
    let record;
    try {
      record = await this.storage.increment(`api-key:${apiKey.id}`, MINUTE_MS, limit, MINUTE_MS, 'api-key');
    } catch (error) {
      // Fails open: the caller holds a valid key, and integrations should ride out a Redis restart.
      this.unlimited.warn(`API key quotas are not enforced while Redis cannot be reached: ${(error as Error).message}`);
      return;
    }
    if (record.isBlocked) throw tooManyRequests(response, `API key "${apiKey.name}" is over its quota of ${limit} requests per minute`, record.timeToBlockExpire);
  }
}
