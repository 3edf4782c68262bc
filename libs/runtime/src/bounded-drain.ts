import type { Logger } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';

/** What the drain needs of a processor: its BullMQ worker and the jobs it is running now. */
export interface Drainable {
  readonly worker: Worker;
  readonly jobsInHand: ReadonlySet<Job>;
}

/**
 * Stops taking jobs and lets the ones in hand finish, for at most `boundMs`; then the workers close without
 * waiting, and the jobs still running go back to the queue (moveToWait with their lock token), so another worker
 * takes them at once instead of after a lapsed lock. BullMQ's own close() waits for every job however long it
 * takes, which is what kept `npm start` from stopping. Retries (delayed jobs) stay queued for the next worker.
 */
export async function drainWithin(processors: Drainable[], boundMs: number, logger: Logger): Promise<void> {
  await Promise.all(processors.map(({ worker }) => worker.pause(true)));
  const deadline = Date.now() + boundMs;
  while (processors.some((processor) => processor.jobsInHand.size > 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const unfinished = processors.filter(({ jobsInHand }) => jobsInHand.size > 0).map(({ worker, jobsInHand }) => ({ worker, jobs: [...jobsInHand] }));
  // Closed first: a worker still fetching would take a job given back straight away again.
  await Promise.all(processors.map(({ worker }) => worker.close(unfinished.length > 0)));
  if (unfinished.length === 0) return;
  logger.warn(`${unfinished.reduce((sum, { jobs }) => sum + jobs.length, 0)} job(s) still running after ${boundMs} ms: back to the queue`);
  await Promise.all(unfinished.map(({ worker, jobs }) => giveBack(worker, jobs, logger)));
}

/** On a connection of their own: the closed worker's are gone. */
async function giveBack(worker: Worker, jobs: Job[], logger: Logger): Promise<void> {
  const queue = new Queue(worker.name, { connection: worker.opts.connection, prefix: worker.opts.prefix });
  try {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await (await Job.fromId(queue, job.id!))?.moveToWait(job.token);
        } catch (error) {
          logger.warn(`job ${job.id} not given back (it returns once its lock lapses): ${(error as Error).message}`);
        }
      }),
    );
  } finally {
    await queue.close();
  }
}
