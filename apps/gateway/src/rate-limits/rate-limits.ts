import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerOptions } from '@nestjs/throttler';
import type { Environment } from '@smartdesk/config';
import type { AuthenticatedRequest } from '../auth/principal';

export const RATE_LIMITS = 'smartdesk:rate-limits';

/** The limits a route can opt into with @RateLimit; each counts in Redis, so it holds across gateway replicas. */
export const RATE_LIMIT_NAMES = ['intake', 'self-service', 'login-ip', 'login-email'] as const;
export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number];

const MINUTE_MS = 60_000;

/** The email a sign-in attempt is for, as accounts store it; guards run before validation, so the body is untrusted. */
function attemptedEmail(request: Record<string, any>): string {
  const email: unknown = request.body?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

export function rateLimits(env: Environment): ThrottlerOptions[] {
  const lockoutMs = env.LOGIN_LOCKOUT_SECONDS * 1000;
  return [
    { name: 'intake', ttl: MINUTE_MS, limit: env.RATE_LIMIT_INTAKE_PER_MINUTE },
    { name: 'self-service', ttl: MINUTE_MS, limit: env.RATE_LIMIT_SELF_SERVICE_PER_MINUTE },
    { name: 'login-ip', ttl: MINUTE_MS, limit: env.RATE_LIMIT_LOGIN_PER_MINUTE },
    // Per email from every IP, so a guess spread over many addresses still meets the limit; one more locks the email out.
    { name: 'login-email', ttl: lockoutMs, limit: env.LOGIN_LOCKOUT_ATTEMPTS, blockDuration: lockoutMs, getTracker: attemptedEmail },
  ];
}

/** What each limit tells the caller it ran into. */
export const LIMITED: Record<RateLimitName, string> = {
  intake: 'too many tickets from this address without signing in',
  'self-service': 'too many self-service requests from this address',
  'login-ip': 'too many sign-in attempts from this address',
  'login-email': 'too many sign-in attempts for this account; it is locked for now',
};

/**
 * Intake limits anonymous callers only: signed-in customers and integrations (with their own key quota) are known.
 * The per-email count needs an email: a malformed sign-in gets its 400, without locking out a shared empty key.
 */
export function appliesTo(name: RateLimitName, context: ExecutionContext): boolean {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (name === 'intake') return request.principal === undefined;
  if (name === 'login-email') return attemptedEmail(request) !== '';
  return true;
}
