import { INestApplicationContext, Logger } from '@nestjs/common';

/**
 * On SIGTERM/SIGINT: close the app (BullMQ workers finish the jobs in hand, HTTP stops accepting,
 * connections close), then exit 0. A second signal while draining exits at once.
 */
export function closeOnSignals(app: INestApplicationContext, logger: Logger): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.log(`${signal}: draining`);
    app
      .close()
      .then(() => {
        logger.log('drained, exiting');
        process.exit(0);
      })
      .catch((error) => {
        logger.error(`shutdown failed: ${error}`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
