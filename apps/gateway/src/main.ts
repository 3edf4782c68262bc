// First: tracing (when configured) must patch http and pg before anything loads them.
import '@smartdesk/observability/start-tracing';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { appLogger, bootEnvironment, closeOnSignals, waitForDependencies } from '@smartdesk/runtime';
import { GatewayModule } from './gateway.module';
import { configureHttp } from './http-setup';

async function bootstrap(): Promise<void> {
  const logger = new Logger('gateway');
  const env = bootEnvironment(logger);
  // Chroma is not needed to accept tickets: /health reports it, the gateway does not wait for it.
  await waitForDependencies(env, ['postgres', 'redis'], logger);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule, { bodyParser: false, logger: appLogger(env) });
  configureHttp(app, env);
  closeOnSignals(app, logger);
  await app.listen(env.PORT);
  logger.log(`listening on :${env.PORT} (API /api, docs /docs, health /health)`);
}

bootstrap().catch((error) => {
  new Logger('gateway').error(`could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
