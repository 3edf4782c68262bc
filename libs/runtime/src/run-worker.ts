import 'reflect-metadata';
import { Logger, LoggerService, LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Environment } from '@smartdesk/config';
import { DRAIN_BOUND_MS, QueueName } from '@smartdesk/contracts';
import { countJobFailure, createAppLogger, serveProcessMetrics } from '@smartdesk/observability';
import { bootEnvironment } from './boot-environment';
import { drainWithin } from './bounded-drain';
import { Dependency, waitForDependencies } from './dependencies';
import { closeOnSignals } from './graceful-shutdown';
import { redisConnection } from './redis-connection';
import type { QueueProcessor } from './queue-processor';
import { serveWorkerHealth } from './worker-health';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export function logLevels(level: Environment['LOG_LEVEL']): LogLevel[] {
  return LEVELS.slice(0, LEVELS.indexOf(level as LogLevel) + 1);
}

/** The app logger by LOG_FORMAT: JSON lines in production unless told otherwise, readable text elsewhere. */
export function appLogger(env: Pick<Environment, 'LOG_FORMAT' | 'LOG_LEVEL' | 'NODE_ENV'>): LoggerService {
  return createAppLogger(env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty'), logLevels(env.LOG_LEVEL));
}

/** What runWorker needs of a processor, whatever its queue. */
type AnyQueueProcessor = Pick<QueueProcessor<QueueName>, 'queue' | 'worker' | 'jobsInHand' | 'assertWiring' | 'prepare' | 'recordFailure'>;

export interface WorkerSpec {
  name: string;
  module: Type;
  /** The process's queues, one processor each; all are prepared before any takes a job. */
  processors: Type<AnyQueueProcessor>[];
  dependencies: Dependency[];
}

/**
 * Boots a worker process without HTTP: validates the environment, waits for its dependencies,
 * prepares its models, then starts taking jobs. On SIGTERM/SIGINT the BullMQ workers finish the
 * jobs in hand for at most DRAIN_BOUND_MS, give the rest back to the queue, and the process exits.
 */
export async function runWorker(spec: WorkerSpec): Promise<void> {
  const logger = new Logger(spec.name);
  const env = bootEnvironment(logger);
  const health = { ready: false, stopped: false };
  try {
    // Live from the start (a boot that waits for dependencies is not a hang), ready once jobs are taken.
    if (env.WORKER_HEALTH_PORT) await serveWorkerHealth(env.WORKER_HEALTH_PORT, { live: () => !health.stopped, ready: () => health.ready && !health.stopped });
    await waitForDependencies(env, spec.dependencies, logger);
    const app = await NestFactory.createApplicationContext(spec.module, { logger: appLogger(env) });
    const processors = spec.processors.map((type) => app.get(type));
    closeOnSignals(app, logger, () => drainWithin(processors, DRAIN_BOUND_MS, logger));
    for (const processor of processors) processor.assertWiring();
    for (const processor of processors) await processor.prepare();
    if (env.METRICS_PORT) {
      const metrics = await serveProcessMetrics({
        app: spec.name,
        port: env.METRICS_PORT,
        host: env.METRICS_HOST,
        queues: processors.map((p) => p.queue),
        redis: redisConnection(env.REDIS_URL, 'producer'),
        queuePrefix: env.QUEUE_PREFIX,
      });
      logger.log(`metrics on ${env.METRICS_HOST}:${metrics.port}/metrics`);
    }
    for (const processor of processors) {
      const worker = processor.worker;
      // The override scales the stage queues; a queue meant to run one job at a time (training) stays so.
      if (env.WORKER_CONCURRENCY && worker.concurrency > 1) worker.concurrency = env.WORKER_CONCURRENCY;
      worker.on('failed', (job, error) => {
        logger.warn(`job ${job?.id ?? '?'} on '${processor.queue}' failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
        countJobFailure(processor.queue, job, error);
        if (job) processor.recordFailure(job, error).catch((e) => logger.error(`could not record failure of ${job.id}: ${e}`));
      });
      worker.on('error', (error) => logger.error(`worker error: ${error.message}`));
      worker.run().catch((error) => {
        health.stopped = true;
        logger.error(`worker stopped: ${error}`);
      });
    }
    health.ready = true;
    const queues = processors.map((processor) => `'${processor.queue}' (concurrency ${processor.worker.concurrency})`).join(', ');
    logger.log(`ready: taking ${queues} jobs (pid ${process.pid})`);
  } catch (error) {
    logger.error(`could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}
