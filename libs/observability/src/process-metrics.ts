import type { RedisOptions } from 'ioredis';
import { collectProcessMetrics } from './metrics';
import { listeningPort, startMetricsServer } from './metrics-server';
import { watchQueueDepth } from './queue-depth';

export interface ProcessMetricsOptions {
  /** The app label on every series (gateway, categorization-worker, ...). */
  app: string;
  port: number;
  host: string;
  /** Queues whose depth this process reports on scrape. */
  queues: readonly string[];
  redis: RedisOptions;
  queuePrefix: string;
}

/** Starts a process's metrics: default process metrics, queue depth on scrape, and the /metrics listener. */
export async function serveProcessMetrics(options: ProcessMetricsOptions): Promise<{ port: number; close(): Promise<void> }> {
  collectProcessMetrics(options.app);
  const stopWatching = watchQueueDepth(options.queues, options.redis, options.queuePrefix);
  const server = await startMetricsServer(options.port, options.host);
  return {
    port: listeningPort(server),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopWatching();
    },
  };
}
