import type { CookieOptions, Request, Response } from 'express';
import type { Environment } from '@smartdesk/config';

/** The web app's session: the sign-in JWT in an httpOnly cookie, so page scripts never see it. */
export const SESSION_COOKIE = 'sd_session';

function cookieOptions(request: Request, env: Environment): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: request.secure || env.NODE_ENV === 'production' };
}

export function setSessionCookie(request: Request, response: Response, env: Environment, token: string): void {
  response.cookie(SESSION_COOKIE, token, { ...cookieOptions(request, env), maxAge: env.JWT_TTL_SECONDS * 1000 });
}

export function clearSessionCookie(request: Request, response: Response, env: Environment): void {
  response.clearCookie(SESSION_COOKIE, cookieOptions(request, env));
}

/** The cookie's token, when the request carries one (cookie-parser fills `request.cookies`). */
export function sessionCookieOf(request: Request): string | undefined {
  const value: unknown = request.cookies?.[SESSION_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
