import { ExecutionContext, HttpException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import type { Response } from 'express';
import { OccasionalWarning } from './occasional-warning';
import { appliesTo, LIMITED, RATE_LIMITS, RateLimitName } from './rate-limits';
import { tooManyRequests } from './too-many-requests';

/** Thrown by the base guard's limit check and turned into a 429 that names the limit. */
class Limited extends Error {
  constructor(readonly detail: ThrottlerLimitDetail) {
    super('rate limited');
  }
}

/**
 * @nestjs/throttler's guard, counting in Redis, limited to the limits a route names with @RateLimit, and
 * deciding what happens when Redis cannot be reached:
 * - intake and self-service reads fail open, with a warning: the intake is built to take tickets without Redis (the outbox publishes
 *   them later), and turning customers away during an outage costs more than a short unthrottled window;
 * - sign-in fails closed (503): without the counter, login is an unlimited password-guessing oracle, and
 *   everyone already signed in keeps working, since tokens and keys are checked in Postgres.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly unlimited = new OccasionalWarning(RateLimitGuard.name);

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const name = request.throttler.name as RateLimitName;
    const named = this.reflector.getAllAndOverride<RateLimitName[] | undefined>(RATE_LIMITS, [request.context.getHandler(), request.context.getClass()]) ?? [];
    if (!named.includes(name) || !appliesTo(name, request.context)) return true;
    try {
      return await super.handleRequest(request);
    } catch (error) {
      if (error instanceof Limited) throw tooManyRequests(request.context.switchToHttp().getResponse<Response>(), LIMITED[name], error.detail.timeToBlockExpire);
      if (error instanceof HttpException) throw error;
      return this.withoutCounter(name, error as Error);
    }
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new Limited(detail);
  }

  private withoutCounter(name: RateLimitName, error: Error): boolean {
    if (name.startsWith('login')) throw new ServiceUnavailableException('sign-in is unavailable for a moment (its attempt counter cannot be reached): try again shortly');
    this.unlimited.warn(`${name} is not rate limited while Redis cannot be reached: ${error.message}`);
    return true;
  }
}
