import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Environment } from '@smartdesk/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveWebApp } from './web-app-static';

/** Where `npm run build` puts the web app: dist/web, beside dist/apps. */
const WEB_APP_DIR = join(__dirname, '../../../../web');

/**
 * Serves the web app at / from the gateway, so it shares the API's origin (the session cookie is
 * SameSite=Strict and the CSP allows only 'self'). Added in onModuleInit, after Nest has registered
 * every API route and before its 404 handler, so /api, /docs and /health always win.
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  private readonly logger = new Logger('web');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    if (!existsSync(join(WEB_APP_DIR, 'index.html'))) {
      this.logger.warn(`no web app at ${WEB_APP_DIR}: run \`npm run build\` to serve it at /`);
      return;
    }
    serveWebApp(this.adapterHost.httpAdapter.getInstance(), WEB_APP_DIR, this.env.WIDGET_ALLOWED_ORIGINS);
  }
}
