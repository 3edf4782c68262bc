import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { drainWithin, redisConnection } from '@smartdesk/runtime';
import { REDIS_URL } from '../support/services';
import { waitFor } from '../support/wait-for';

/**
 * A stopping worker on real Redis: jobs that finish within the bound complete; one that would run on is given
 * back to the queue (waiting, lock released, not failed) so that another worker takes it at once, and the
 * worker closes without waiting for it. Nothing new is taken meanwhile.
 */
describe('bounded drain', () => {
  const prefix = `t-drain-${randomBytes(4).toString('hex')}`;
  const name = 'drain-test';
  let queue: Queue;

  beforeAll(() => {
    queue = new Queue(name, { prefix, connection: redisConnection(REDIS_URL, 'producer') });
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('finishes quick jobs, gives back one that runs on, and takes nothing new', async () => {
    const running = new Set<Job>();
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    const worker = new Worker(
      name,
      async (job) => {
        running.add(job);
        try {
          if (job.data.slow) await stuck;
          else await new Promise((resolve) => setTimeout(resolve, 100));
        } finally {
          running.delete(job);
        }
      },
      { prefix, connection: redisConnection(REDIS_URL, 'worker'), concurrency: 4, lockDuration: 30_000 },
    );
    const [slow, quick] = await queue.addBulk([
      { name: 'slow', data: { slow: true } },
      { name: 'quick', data: { slow: false } },
    ]);
    await waitFor(async () => running.size === 2, 10_000, 'the worker to take both jobs');

    await drainWithin([{ worker, jobsInHand: running }], 1_000, new Logger('drain-test', { timestamp: false }));
    const late = await queue.add('late', { slow: false });
    expect(worker.closing).toBeDefined();
    expect(await quick.getState()).toBe('completed');
    // Back in the queue, at once, without its lock: not stalled, not failed, not retried.
    expect(await slow.getState()).toBe('waiting');
    expect(await queue.getJobCounts('active', 'failed', 'delayed')).toEqual({ active: 0, failed: 0, delayed: 0 });
    expect(await late.getState()).toBe('waiting');
    release();
  });
});
