import type { Response } from 'express';
import { CONTENT_SECURITY_POLICY } from '../common/security-headers';

/** The one page a team's own site may put in an iframe: the assistant's chat, opened by widget.js. */
export const EMBED_PATH = '/assistant/embed';

/**
 * The gateway's CSP with `frame-ancestors` the allowed sites (WIDGET_ALLOWED_ORIGINS), replacing what helmet
 * set for every response. X-Frame-Options is dropped: it knows only DENY and SAMEORIGIN, and browsers that
 * read CSP ignore it anyway once frame-ancestors is present. No allowed site: 'none', as everywhere else.
 */
export function allowFramingBy(response: Response, origins: string[]): void {
  const directives = { ...CONTENT_SECURITY_POLICY, frameAncestors: origins.length ? origins : ["'none'"] };
  const policy = Object.entries(directives)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
  response.setHeader('Content-Security-Policy', policy);
  response.removeHeader('X-Frame-Options');
}
