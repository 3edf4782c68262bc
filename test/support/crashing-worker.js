// Takes one job from a queue and dies with SIGKILL while holding it: a worker crashing mid-job. Its lock lives
// as long as the real worker's would (lockDuration), and it checks for stalled jobs at the real worker's interval:
// BullMQ lets one stalled check per interval run across the queue (a Redis key that expires after the interval of
// the worker that set it), so a copy left at BullMQ's 30 s default would hold the real workers' checks off for 30 s.
const { Worker } = require('bullmq');

const [queue, prefix, redisUrl, lockDuration, stalledInterval] = process.argv.slice(2);
const url = new URL(redisUrl);
new Worker(
  queue,
  async () => {
    process.stdout.write('took a job\n');
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), 50);
    await new Promise(() => {});
  },
  { prefix, connection: { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null }, lockDuration: Number(lockDuration), stalledInterval: Number(stalledInterval) },
);
process.stdout.write('ready\n');
