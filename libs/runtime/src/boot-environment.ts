import { Logger } from '@nestjs/common';
import { config as loadDotenv } from 'dotenv';
import { Environment, loadEnvironment } from '@smartdesk/config';

/** Reads `.env`, validates the environment, and exits naming every bad variable if it is invalid. */
export function bootEnvironment(logger: Logger): Environment {
  loadDotenv({ quiet: true });
  try {
    return loadEnvironment();
  } catch (error) {
    logger.error((error as Error).message);
    process.exit(1);
  }
}
