// Takes one job from a queue and dies with SIGKILL while holding it: a worker crashing mid-job. Its lock
// lives as long as the real worker's would (lockDuration, the last argument).
const { Worker } = require('bullmq');

const [queue, prefix, redisUrl, lockDuration] = process.argv.slice(2);
const url = new URL(redisUrl);
new Worker(
  queue,
  async () => {
    process.stdout.write('took a job\n');
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), 50);
    await new Promise(() => {});
  },
  { prefix, connection: { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null }, lockDuration: Number(lockDuration) },
);
process.stdout.write('ready\n');
