import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { join } from 'node:path';
import { allowFramingBy, EMBED_PATH } from './embed-frame-policy';

/** Paths the gateway answers itself; the web app's fallback never shadows them. */
const SERVER_PATHS = /^\/(api|docs|docs-json|health)(\/|$)/;

/** Vite puts content-hashed files under assets/: a new build gets new names, so they can be cached for good. */
const HASHED_ASSET = /[\\/]assets[\\/]/;

/** widget.js is loaded by other sites: a short cache, so a new build reaches them within minutes. */
const WIDGET_SCRIPT = /[\\/]widget\.js$/;

export function serveWebApp(app: Express, directory: string, widgetOrigins: string[] = []): void {
  const index = join(directory, 'index.html');
  app.use(
    express.static(directory, {
      index: false,
      fallthrough: true,
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : WIDGET_SCRIPT.test(path) ? 'public, max-age=300' : 'no-cache');
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

/** A browser navigating names text/html; an API client accepting any type gets the plain 404 of an unknown path, not the app. */
function asksForPage(req: Request): boolean {
  return /\btext\/html\b/.test(req.headers.accept ?? '');
}
