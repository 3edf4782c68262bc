import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The policy of the gateway and of the web app it serves at `/` (the web app is built against exactly this:
 * no inline script, no eval, no third-party origins).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/** Helmet's headers with our CSP; HSTS is added by strictTransportSecurity below, not here. */
export const securityHeaders: RequestHandler = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
});

/**
 * HSTS on HTTPS requests (req.secure) and on every response in production, where TLS ends at the ingress
 * in front of the gateway; never on plain-HTTP development, where it would pin localhost to HTTPS.
 */
export function strictTransportSecurity(production: boolean): RequestHandler {
  const hsts = helmet.strictTransportSecurity({ maxAge: 31_536_000, includeSubDomains: true });
  return (request: Request, response: Response, next: NextFunction) => (production || request.secure ? hsts(request, response, next) : next());
}
