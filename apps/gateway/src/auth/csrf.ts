import type { Request } from 'express';

/** The header the web app sends on every fetch; a cross-site form or link cannot set it. */
export const WEB_APP_HEADER = 'x-requested-with';
export const WEB_APP_HEADER_VALUE = 'smartdesk-web';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a request authenticated by the session cookie alone may be a cross-site forgery, or undefined when it is fine.
 * SameSite=Strict already keeps the cookie off cross-site requests; this is the second lock, for browsers or
 * same-site subdomains that SameSite does not cover. Safe methods change nothing, so they need neither check
 * (a browser's EventSource cannot send headers).
 */
export function csrfProblem(request: Request): string | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  if (request.headers[WEB_APP_HEADER] !== WEB_APP_HEADER_VALUE) {
    return `a ${request.method} signed in by the session cookie must send the header "${WEB_APP_HEADER}: ${WEB_APP_HEADER_VALUE}"`;
  }
  const origin = request.headers.origin;
  if (origin !== undefined && hostOf(origin) !== request.headers.host) {
    return `the request comes from ${origin}, not from this site (${request.headers.host})`;
  }
  return undefined;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" (sandboxed frames, file://) is no site at all
  }
}
