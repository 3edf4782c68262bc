import { Worker } from 'bullmq';
import Redis from 'ioredis';

/**
 * One bare pipeline stage as its own process: a plain BullMQ worker whose jobs do nothing.
 * argv: queue prefix redisUrl concurrency expected. Tells its parent (IPC) when it is ready and,
 * if `expected` > 0, when that many jobs have completed.
 */
const [queue, prefix, redisUrl, concurrency, expected] = process.argv.slice(2);
let completed = 0;

const worker = new Worker(queue, async () => undefined, { prefix, connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), concurrency: Number(concurrency) });
worker.on('completed', () => {
  if (++completed === Number(expected)) process.send!({ done: Date.now() });
});
worker.on('error', (error) => process.stderr.write(`${queue}: ${error.message}\n`));
void worker.waitUntilReady().then(() => process.send!({ ready: true }));
process.on('message', (message) => {
  if (message === 'stop') void worker.close().then(() => process.exit(0));
});
