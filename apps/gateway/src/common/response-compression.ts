import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/**
 * gzip/brotli for every compressible answer: the web app's JS and CSS (the largest part of its first load) and
 * the API's JSON lists. Compressed per response rather than precompressed at build time: one path for assets
 * and API alike, and hashed assets are cached for good by browsers, so each is compressed about once per visitor.
 */
export const responseCompression: RequestHandler = compression({ filter: compressibleAndNotStream });

/**
 * A compressor buffers its output until enough has gathered, which would hold back server-sent events
 * (/api/events) until the buffer fills: a stream goes out as written. Nest's SSE also sends
 * `Cache-Control: no-transform`, which compression honours; this rule does not depend on that detail.
 */
function compressibleAndNotStream(req: Request, res: Response): boolean {
  if (/^text\/event-stream\b/.test(String(res.getHeader('Content-Type') ?? ''))) return false;
  return compression.filter(req, res);
}
