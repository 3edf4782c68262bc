import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { RateLimitGuard } from './rate-limit.guard';
import { RATE_LIMITS, RateLimitName } from './rate-limits';

/**
 * Applies the named limits to a route. A route guard runs after the app-wide AuthGuard, so a limit
 * can tell an anonymous caller from a signed-in one.
 */
export const RateLimit = (...names: RateLimitName[]) =>
  applyDecorators(
    SetMetadata(RATE_LIMITS, names),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({ description: 'Rate limited: `Retry-After` says when to try again' }),
    ...(names.some((name) => name.startsWith('login')) ? [ApiServiceUnavailableResponse({ description: 'The attempt counter (Redis) cannot be reached' })] : []),
  );
