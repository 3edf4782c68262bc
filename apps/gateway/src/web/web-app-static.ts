import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { allowFramingBy, EMBED_PATH } from './embed-frame-policy';

/** Paths the gateway answers itself; the web app's fallback never shadows them. */
const SERVER_PATHS = /^\/(api|docs|docs-json|health)(\/|$)/;

/** Vite puts content-hashed files under assets/: a new build gets new names, so they can be cached for good. */
const HASHED_ASSET = /[\\/]assets[\\/]/;

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A hashed script or stylesheet, as requested: /assets/<name>.js or .css (one path segment, so no way out of assets/). */
const HASHED_SCRIPT_OR_STYLE = /^\/assets\/[^/]+\.(js|css)$/;

/** The files the web app's build writes beside each hashed script and stylesheet (apps/web/build/precompress.mts). */
const PRECOMPRESSED = { br: '.br', gzip: '.gz' } as const;

/** widget.js is loaded by other sites: a short cache, so a new build reaches them within minutes. */
const WIDGET_SCRIPT = /[\\/]widget\.js$/;

export function serveWebApp(app: Express, directory: string, widgetOrigins: string[] = []): void {
  const index = join(directory, 'index.html');
  app.use(precompressedAssets(directory));
  app.use(
    express.static(directory, {
      index: false,
      fallthrough: true,
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? IMMUTABLE : WIDGET_SCRIPT.test(path) ? 'public, max-age=300' : 'no-cache');
        // Helmet's Cross-Origin-Resource-Policy same-origin would stop other sites' <script> from loading it.
        if (WIDGET_SCRIPT.test(path)) res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      },
    }),
  );
  // Client-side routes (/inbox, /tickets/…) load index.html; the router in the page takes it from there.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path) || !asksForPage(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    if (req.path === EMBED_PATH) allowFramingBy(res, widgetOrigins);
    res.sendFile(index);
  });
}

/**
 * Hashed scripts and stylesheets as the build compressed them (brotli and gzip at their highest levels), to a client
 * that accepts one: smaller than compressing per response can afford to be, and no CPU spent per request. The
 * compression middleware leaves an answer that already has a Content-Encoding alone. Anything else (no such file,
 * a client that accepts neither) falls through to express.static and per-response compression.
 */
function precompressedAssets(directory: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !HASHED_SCRIPT_OR_STYLE.test(req.path)) return next();
    // Brotli when accepted at all: browsers list gzip first with the same weight, which a plain negotiation would pick.
    const encoding = (['br', 'gzip'] as const).find((candidate) => req.acceptsEncodings(candidate) === candidate);
    if (!encoding) return next();
    const file = req.path.slice(1) + PRECOMPRESSED[encoding];
    if (!existsSync(join(directory, file))) return next();
    res.type(extname(req.path));
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', IMMUTABLE);
    res.sendFile(file, { root: directory, cacheControl: false }, (error) => error && next(error));
  };
}

/** A browser navigating names text/html; an API client accepting any type gets the plain 404 of an unknown path, not the app. */
function asksForPage(req: Request): boolean {
  return /\btext\/html\b/.test(req.headers.accept ?? '');
}
