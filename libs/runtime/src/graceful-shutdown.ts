import { INestApplicationContext, Logger } from '@nestjs/common';
import { SHUTDOWN_BOUND_MS } from '@smartdesk/contracts';
import { flushTracing } from '@smartdesk/observability';

/**
 * On SIGTERM/SIGINT: `beforeClose` (a worker's bounded drain), then close the app (HTTP stops accepting,
 * connections close), send the last spans when tracing, then exit 0; if that takes longer than `boundMs`, exit 1 anyway
 * (a connection to a store that went away may never close). The same signal again while draining exits at once (Ctrl-C twice).
 * The other one is ignored: a terminal's Ctrl-C reaches the whole process group, so an app run by
 * `npm start` gets SIGINT from the terminal and then SIGTERM from the launcher, and must keep draining.
 */
export function closeOnSignals(app: INestApplicationContext, logger: Logger, beforeClose: () => Promise<void> = async () => undefined, boundMs = SHUTDOWN_BOUND_MS): void {
  let first: NodeJS.Signals | undefined;
  const shutdown = (signal: NodeJS.Signals) => {
    if (first) {
      if (signal === first) process.exit(1);
      return;
    }
    first = signal;
    logger.log(`${signal}: draining`);
    setTimeout(() => {
      logger.warn(`still closing after ${boundMs} ms (a store out of reach?): exiting`);
      process.exit(1);
    }, boundMs).unref();
    beforeClose()
      .then(() => app.close())
      .then(flushTracing)
      .then(() => {
        logger.log('drained, exiting');
        process.exit(0);
      })
      .catch((error) => {
        logger.error(`shutdown failed: ${error}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
