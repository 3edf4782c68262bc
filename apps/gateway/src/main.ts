import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { config as loadDotenv } from 'dotenv';
import { Environment, loadEnvironment } from '@smartdesk/config';
import { closeOnSignals, logLevels, waitForDependencies } from '@smartdesk/runtime';
import { GatewayModule } from './gateway.module';
import { configureHttp } from './http-setup';

async function bootstrap(): Promise<void> {
  loadDotenv({ quiet: true });
  const logger = new Logger('gateway');
  let env: Environment;
  try {
    env = loadEnvironment();
  } catch (error) {
    logger.error((error as Error).message);
    process.exit(1);
  }
  // Chroma is not needed to accept tickets: /health reports it, the gateway does not wait for it.
  await waitForDependencies(env, ['postgres', 'redis'], logger);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule, { bodyParser: false, logger: logLevels(env.LOG_LEVEL) });
  configureHttp(app, env);
  closeOnSignals(app, logger);
  await app.listen(env.PORT);
  logger.log(`listening on :${env.PORT} (API /api, docs /docs, health /health)`);
}

bootstrap().catch((error) => {
  new Logger('gateway').error(`could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
