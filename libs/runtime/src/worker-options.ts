import { hostname } from 'node:os';
import type { WorkerOptions } from 'bullmq';
import { QueueName, WORKER_SETTINGS } from '@smartdesk/contracts';

/** The BullMQ worker options of a queue, from the one settings table. Workers start paused (see runWorker). */
export function workerOptions(queue: QueueName): Omit<WorkerOptions, 'connection'> {
  const { concurrency, lockDuration, stalledInterval, maxStalledCount } = WORKER_SETTINGS[queue];
  // The name is stored on each job as `processedBy`: which process did the work.
  return { concurrency, lockDuration, stalledInterval, maxStalledCount, autorun: false, name: `${queue}@${hostname()}:${process.pid}` };
}
