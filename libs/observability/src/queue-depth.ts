import { Queue } from 'bullmq';
import IORedis, { RedisOptions } from 'ioredis';
import { Gauge } from 'prom-client';
import { metricsRegistry } from './metrics';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Queues measured on each scrape, by this process (the gateway: all of them; a worker: its own). */
const watched = new Map<string, Queue>();

/**
 * Read from BullMQ on scrape, not on a timer: one job-count call and one single-job range per queue,
 * a few Redis round trips however long the queues are. A queue whose Redis does not answer is left out
 * of that scrape rather than failing the whole exposition.
 */
const queueDepth = new Gauge({
  name: 'smartdesk_queue_jobs',
  help: 'Jobs per queue and state (waiting includes prioritized), read from BullMQ on scrape',
  labelNames: ['queue', 'state'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    await Promise.all(
      [...watched].map(async ([name, queue]) => {
        const counts = await queue.getJobCounts('wait', 'prioritized', 'active', 'delayed', 'failed').catch(() => undefined);
        if (!counts) return;
        const value = { waiting: counts.wait + counts.prioritized, active: counts.active, delayed: counts.delayed, failed: counts.failed };
        for (const state of STATES) this.set({ queue: name, state }, value[state]);
      }),
    );
  },
});

const oldestWaitingAge = new Gauge({
  name: 'smartdesk_queue_oldest_waiting_seconds',
  help: 'Age of the oldest job waiting in each queue (0 when none waits), read from BullMQ on scrape',
  labelNames: ['queue'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    await Promise.all(
      [...watched].map(async ([name, queue]) => {
        // BullMQ pushes new jobs on the left of the wait list: ascending order from index 0 is the oldest.
        const oldest = await queue.getJobs(['wait'], 0, 0, true).catch(() => undefined);
        if (!oldest) return;
        this.set({ queue: name }, oldest[0] ? Math.max(0, (Date.now() - oldest[0].timestamp) / 1000) : 0);
      }),
    );
  },
});

/**
 * Starts measuring the named queues on scrape, over one shared Redis connection
 * (a producer's: a scrape during a Redis outage fails fast instead of hanging). Returns the closer.
 */
export function watchQueueDepth(names: readonly string[], connection: RedisOptions, prefix: string): () => Promise<void> {
  const redis = new IORedis({ ...connection, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
  redis.on('error', () => undefined); // reported by the scrape leaving the queue out, not by an unhandled event
  const queues = names.map((name) => new Queue(name, { connection: redis, prefix }));
  for (const queue of queues) watched.set(queue.name, queue);
  return async () => {
    for (const queue of queues) watched.delete(queue.name);
    await Promise.all(queues.map((queue) => queue.close()));
    redis.disconnect();
  };
}

export { queueDepth, oldestWaitingAge };
