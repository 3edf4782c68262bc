import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { QueueName, WORKER_SETTINGS } from '@smartdesk/contracts';
import { ApiClient, sampleTicket } from '../support/api-client';
import { AppName, AppProcess, startAll, stopAll, WORKERS } from '../support/app-process';
import { ADMIN, seedDemoAccounts } from '../support/demo-accounts';
import { freePort } from '@smartdesk/vector-store';
import { REDIS_URL } from '../support/services';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { waitFor } from '../support/wait-for';

/** Nothing is lost: workers down, a worker killed mid-job, Redis down at intake, several copies of a worker. */
describe('resilience', () => {
  let env: TestEnvironment;
  let gateway: AppProcess;
  let workers: AppProcess[] = [];
  /** Anonymous intake, as the web form submits. */
  let api: ApiClient;
  /** Reads, signed in as the demo admin. */
  let admin: ApiClient;
  let redisProxy: TcpProxy;

  beforeAll(async () => {
    env = await createTestEnvironment('e2e_resilience');
    const redis = new URL(REDIS_URL);
    redisProxy = new TcpProxy(await freePort(), { host: redis.hostname, port: Number(redis.port || 6379) });
    await redisProxy.open();
    const port = await freePort();
    // Only the gateway reaches Redis through the proxy, so the test can cut Redis for intake alone.
    gateway = await AppProcess.start('gateway', { ...env.vars, PORT: String(port), REDIS_URL: `redis://127.0.0.1:${redisProxy.port}` });
    api = new ApiClient(`http://127.0.0.1:${port}`);
    const { password } = await seedDemoAccounts(env.vars);
    admin = await api.signIn(ADMIN, password);
  }, 60_000);

  afterAll(async () => {
    await stopAll([gateway, ...workers].filter(Boolean));
    await redisProxy?.cut();
    await env?.cleanup();
  });

  const ticketState = async (id: string) => (await admin.get(`/api/tickets/${id}`)).body;
  const triaged = (id: string, timeoutMs = 20_000) =>
    waitFor(
      async () => {
        const ticket = await ticketState(id);
        return ticket.status === 'triaged' && ticket.suggestedResponse && ticket.results.escalation ? ticket : undefined;
      },
      timeoutMs,
      `ticket ${id} to be triaged`,
    );
  const start = async (names: AppName[], extra: Record<string, string> = {}) => {
    const started = await startAll(names, { ...env.vars, ...extra });
    workers.push(...started);
    return started;
  };

  it('processes a ticket posted while every worker was stopped once they start', async () => {
    const created = await api.post('/api/tickets', sampleTicket());
    expect(created.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await ticketState(created.body.id)).status).toBe('new');

    await start(WORKERS);
    const ticket = await triaged(created.body.id);
    expect(ticket.category).toBe('shipping');
  });

  it('stores a ticket while Redis is down and triages it once Redis is back', async () => {
    await redisProxy.cut();
    const created = await api.post('/api/tickets', sampleTicket({ subject: 'Printer offline', description: 'The printer on floor 3 shows offline and nothing prints.' }));
    expect(created.status).toBe(201);
    const health = await api.get('/health');
    expect(health.status).toBe(503);
    expect(health.body.error.redis.status).toBe('down');
    // Still ready: it takes tickets (the outbox publishes them once Redis is back).
    expect((await api.get('/health/ready')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await ticketState(created.body.id)).status).toBe('new');

    await redisProxy.open();
    const ticket = await triaged(created.body.id);
    expect(ticket.category).toBe('it_printer');
    const healthy = await waitFor(async () => ((await api.get('/health')).status === 200 ? true : undefined), 10_000, 'health to recover');
    expect(healthy).toBe(true);
  });

  it('recovers a job whose worker was killed while holding it, within its lock and a stalled check (seconds)', async () => {
    await Promise.all(workers.filter((worker) => worker.name === 'categorization-worker').map((worker) => worker.stop()));
    workers = workers.filter((worker) => worker.name !== 'categorization-worker');
    const { lockDuration, stalledInterval } = WORKER_SETTINGS[QueueName.Categorization];
    const crashing = spawn(
      process.execPath,
      [join(__dirname, '../support/crashing-worker.js'), QueueName.Categorization, env.vars.QUEUE_PREFIX, REDIS_URL, String(lockDuration), String(stalledInterval)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exit = new Promise<NodeJS.Signals | null>((resolve) => crashing.once('exit', (_code, signal) => resolve(signal)));
    let output = '';
    crashing.stdout.on('data', (chunk) => (output += chunk));
    await waitFor(async () => output.includes('ready'), 10_000, 'the crashing worker');

    const created = await api.post('/api/tickets', sampleTicket({ subject: 'Outlook', description: 'Outlook stopped syncing my mailbox since this morning.' }));
    expect(await exit).toBe('SIGKILL');
    expect(output).toContain('took a job');

    await start(['categorization-worker']);
    // The lock lapses, the new worker's stalled check puts the job back, and the rest of the flow runs: seconds, not a minute.
    const ticket = await triaged(created.body.id, lockDuration + stalledInterval + 15_000);
    expect(ticket.category).toBe('it_email');
    expect(ticket.timeline.filter((event: { type: string }) => event.type === 'categorized')).toHaveLength(1);
  }, 60_000);

  it('shares one queue between two copies of a worker without doing any job twice', async () => {
    await Promise.all(workers.filter((worker) => worker.name === 'sentiment-worker').map((worker) => worker.stop()));
    workers = workers.filter((worker) => worker.name !== 'sentiment-worker');
    const copies = await start(['sentiment-worker', 'sentiment-worker'], { WORKER_CONCURRENCY: '1' });

    const created = await Promise.all(Array.from({ length: 30 }, (_, i) => api.post('/api/tickets', sampleTicket({ subject: `Parcel ${i}` }))));
    await Promise.all(created.map((response) => triaged(response.body.id)));

    const queue = new Queue(QueueName.Sentiment, { prefix: env.vars.QUEUE_PREFIX, connection: { url: REDIS_URL } });
    const ids = new Set(created.map((response) => response.body.id));
    const jobs = (await queue.getJobs(['completed'])).filter((job) => ids.has(job.data.ticketId));
    await queue.close();
    expect(jobs).toHaveLength(30);
    for (const job of jobs) {
      expect(job.attemptsMade).toBe(1);
      expect(job.stalledCounter).toBe(0);
    }
    const processedBy = new Set(jobs.map((job) => job.processedBy));
    expect(processedBy).toEqual(new Set(copies.map((copy) => `${QueueName.Sentiment}@${require('node:os').hostname()}:${copy.pid}`)));
  }, 60_000);

  it('drains on SIGTERM: a stopped worker exits cleanly', async () => {
    const escalation = workers.find((worker) => worker.name === 'escalation-worker')!;
    expect(await escalation.stop('SIGTERM')).toBe(0);
    expect(escalation.output.join('\n')).toMatch(/SIGTERM: draining[\s\S]*drained, exiting/);
    workers = workers.filter((worker) => worker !== escalation);
    const pg = new Client({ connectionString: env.databaseUrl });
    await pg.connect();
    const { rows } = await pg.query(`SELECT count(*)::int AS stuck FROM tickets WHERE status = 'new'`);
    await pg.end();
    expect(rows[0].stuck).toBe(0);
  });
});
