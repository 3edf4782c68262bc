import { QueueName } from './queue-names';

export interface QueueWorkerSettings {
  /** Jobs one process runs at once. */
  concurrency: number;
  /**
   * How long a job's lock lives without renewal. A live worker renews it every half of it (BullMQ's
   * lockRenewTime), from a timer: the lock lapses only if the process dies or blocks its event loop that long.
   * A killed worker's job goes back to the queue within lockDuration + stalledInterval.
   */
  lockDuration: number;
  /** How often a worker looks for jobs whose lock lapsed (killed workers). */
  stalledInterval: number;
  /** A job that stalls more often than this is failed instead of retried forever. */
  maxStalledCount: number;
  attempts: number;
  backoff: { type: 'exponential'; delay: number };
}

/** One row per queue: adding a queue without settings does not compile. */
export const WORKER_SETTINGS: Record<QueueName, QueueWorkerSettings> = {
  // The ticket stages batch their reads and writes across the jobs in flight (one transaction for many
  // tickets), so many jobs in flight is what makes them cheap: 16 → 128 took the pipeline from 160 to 340 tickets/s.
  // A killed stage worker's jobs run again within 10 s. The locks are renewed every 4 s, so a batch may hold
  // the event loop for seconds (a loaded 2-core machine) before a live job is taken for stalled.
  [QueueName.Categorization]: { concurrency: 128, lockDuration: 8_000, stalledInterval: 2_000, maxStalledCount: 2, attempts: 5, backoff: { type: 'exponential', delay: 500 } },
  [QueueName.Sentiment]: { concurrency: 128, lockDuration: 8_000, stalledInterval: 2_000, maxStalledCount: 2, attempts: 5, backoff: { type: 'exponential', delay: 500 } },
  // Retrieval waits on Chroma and, when configured, an LLM for many seconds: that is I/O, during which the
  // event loop renews the lock, so a slow LLM needs no long lock; the margin is for CPU-bound local embedding.
  [QueueName.RagResponse]: { concurrency: 64, lockDuration: 10_000, stalledInterval: 2_000, maxStalledCount: 2, attempts: 5, backoff: { type: 'exponential', delay: 1_000 } },
  [QueueName.Escalation]: { concurrency: 128, lockDuration: 8_000, stalledInterval: 2_000, maxStalledCount: 2, attempts: 5, backoff: { type: 'exponential', delay: 500 } },
  // One training at a time per process; a training run takes seconds to a minute and holds the CPU.
  [QueueName.ModelTraining]: { concurrency: 1, lockDuration: 300_000, stalledInterval: 60_000, maxStalledCount: 1, attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
  [QueueName.SentimentTraining]: { concurrency: 1, lockDuration: 300_000, stalledInterval: 60_000, maxStalledCount: 1, attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
  [QueueName.Sla]: { concurrency: 8, lockDuration: 8_000, stalledInterval: 2_000, maxStalledCount: 2, attempts: 5, backoff: { type: 'exponential', delay: 500 } },
  // A receiver may be down for a while: 8 attempts back off from 1 s to about 2 min.
  [QueueName.Notifications]: { concurrency: 8, lockDuration: 10_000, stalledInterval: 2_000, maxStalledCount: 2, attempts: 8, backoff: { type: 'exponential', delay: 1_000 } },
  // Index runs are serialized by an advisory lock anyway; embedding a large article takes seconds.
  [QueueName.Knowledge]: { concurrency: 1, lockDuration: 120_000, stalledInterval: 30_000, maxStalledCount: 2, attempts: 5, backoff: { type: 'exponential', delay: 1_000 } },
  // An SMTP server may be down for a while: 8 attempts back off from 2 s to about 4 min. A stalled send is not
  // retried blindly (maxStalledCount 1, and the send job refuses a mail left 'sending': at most once).
  [QueueName.Mail]: { concurrency: 4, lockDuration: 60_000, stalledInterval: 15_000, maxStalledCount: 1, attempts: 8, backoff: { type: 'exponential', delay: 2_000 } },
  // A customer is waiting on the answer: one quick retry, then the gateway tells them it could not answer.
  [QueueName.Assistant]: { concurrency: 16, lockDuration: 30_000, stalledInterval: 10_000, maxStalledCount: 1, attempts: 2, backoff: { type: 'exponential', delay: 200 } },
};

/**
 * How long a stopping worker lets the jobs in hand finish before it gives them back to the queue and exits:
 * `npm start` and a k8s rollout stop within 10 s even with a backlog (the launcher and terminationGracePeriodSeconds allow a little more).
 */
export const DRAIN_BOUND_MS = 7_000;

/**
 * How long a stopping process may take in all (drain, closing its connections, last spans) before it exits anyway:
 * closing a client whose store has gone away (Redis cut) can wait for a reconnect that never comes.
 */
export const SHUTDOWN_BOUND_MS = 9_000;

/** Bounds on finished jobs kept in Redis: enough to dedupe re-publishes, not enough to fill memory. */
export const KEEP_COMPLETED = { age: 24 * 3600, count: 10_000 };
export const KEEP_FAILED = { age: 7 * 24 * 3600, count: 50_000 };

/** Retry and retention options of a job added straight to a queue (not through a flow). */
export function queueJobOptions(queue: QueueName) {
  const { attempts, backoff } = WORKER_SETTINGS[queue];
  return { attempts, backoff, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED };
}
