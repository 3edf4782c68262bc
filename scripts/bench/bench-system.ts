import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Pool } from 'pg';
import { loadEnvironment } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { redisConnection } from '@smartdesk/runtime';
import { AppName, AppProcess, WORKERS } from '../support/app-process';
import { createIsolatedStores, IsolatedStores } from '../support/isolated-stores';
import { ChromaServer, freePort, startChromaServer, stopChromaServer } from '@smartdesk/vector-store';
import { CONFIGURED_CHROMA_URL } from './configured-chroma';
import { CpuSnapshot, cpuMs, machineTicks, PeakRss, pidsWhere } from './process-stats';

const BOOT_TIMEOUT_MS = 180_000;
const RSS_SAMPLE_MS = 1000;

/** The environment the apps run with under load: production mode, stores of their own, no intake limit. */
export async function benchAppVars(stores: { databaseUrl: string; redisUrl: string; chromaUrl: string; prefix: string }): Promise<Record<string, string>> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'log',
    PORT: String(await freePort()),
    DATABASE_URL: stores.databaseUrl,
    REDIS_URL: stores.redisUrl,
    CHROMA_URL: stores.chromaUrl,
    QUEUE_PREFIX: stores.prefix,
    CHROMA_COLLECTION_PREFIX: stores.prefix,
    // Production mode needs a secret of its own.
    JWT_SECRET: randomBytes(32).toString('hex'),
    // The load comes anonymously from one address: the intake limit must not be what is measured.
    RATE_LIMIT_INTAKE_PER_MINUTE: '100000000',
  };
}

/**
 * The system under test, on the configured Postgres and Redis (from .env or the environment) but in a
 * database and queue prefix of its own, and on Chroma (started from node_modules unless CHROMA_URL is
 * set). Starts and stops the real app processes, tracks their peak RSS, and removes everything at close.
 */
export class BenchSystem {
  readonly peakRss = new PeakRss();
  readonly db: Pool;
  private apps: AppProcess[] = [];
  private readonly queues: Queue[];
  private readonly sampler: NodeJS.Timeout;
  private closing?: Promise<void>;

  private constructor(
    readonly vars: Record<string, string>,
    readonly redisUrl: string,
    /** The EMBEDDING_PROVIDER the apps run with (from .env or the environment). */
    readonly embeddingProvider: string,
    private readonly stores: IsolatedStores,
    private readonly nodeArgs: string[],
    private readonly chroma?: ChromaServer,
  ) {
    this.db = new Pool({ connectionString: stores.databaseUrl, max: 2 });
    this.queues = Object.values(QueueName).map((name) => new Queue(name, { prefix: stores.prefix, connection: redisConnection(redisUrl, 'worker') }));
    this.sampler = setInterval(() => this.sampleRss(), RSS_SAMPLE_MS);
  }

  static async create(profileDir?: string): Promise<BenchSystem> {
    const env = loadEnvironment();
    const chroma = CONFIGURED_CHROMA_URL ? undefined : await startChromaServer();
    const chromaUrl = chroma?.url ?? env.CHROMA_URL;
    const server = new URL(env.DATABASE_URL);
    server.pathname = '';
    server.search = '';
    const id = randomBytes(4).toString('hex');
    let stores: IsolatedStores;
    try {
      stores = await createIsolatedStores(`smartdesk_bench_${id}`, `bench-${id}`, { postgresServer: server.toString(), redisUrl: env.REDIS_URL, chromaUrl });
    } catch (error) {
      if (chroma) stopChromaServer(chroma);
      throw error;
    }
    const vars = await benchAppVars({ databaseUrl: stores.databaseUrl, redisUrl: env.REDIS_URL, chromaUrl, prefix: stores.prefix });
    return new BenchSystem(vars, env.REDIS_URL, env.EMBEDDING_PROVIDER, stores, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [], chroma);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.vars.PORT}`;
  }

  get prefix(): string {
    return this.stores.prefix;
  }

  get databaseUrl(): string {
    return this.stores.databaseUrl;
  }

  /** Starts `scale` processes of each worker (and the gateway once, if asked) and waits until all are ready. */
  async start(options: { gateway: boolean; scale: number }): Promise<void> {
    const names: AppName[] = [...(options.gateway ? (['gateway'] as AppName[]) : []), ...WORKERS.flatMap((name) => Array<AppName>(options.scale).fill(name))];
    // Tracked from the spawn on, so close() stops a process that never became ready too.
    const apps = names.map((name) => AppProcess.spawn(name, this.vars, this.nodeArgs));
    this.apps.push(...apps);
    await Promise.all(apps.map((app) => app.ready(BOOT_TIMEOUT_MS)));
  }

  /** Drains and stops the workers (or every app), reading their peak RSS first. */
  async stop(which: 'workers' | 'all'): Promise<void> {
    const stopping = this.apps.filter((app) => which === 'all' || app.name !== 'gateway');
    this.sampleRss();
    this.apps = this.apps.filter((app) => !stopping.includes(app));
    await Promise.all(stopping.map((app) => app.stop()));
  }

  /**
   * CPU time used so far per app name (summed over its live processes), by the Postgres backends
   * serving this run's database, by the Chroma server if this run started it, by a Redis server on this
   * machine (all of it: other users of that server count too), and by the whole machine.
   */
  cpuSnapshot(): CpuSnapshot {
    const apps: Record<string, number> = {};
    const add = (name: string, pid: number) => (apps[name] = (apps[name] ?? 0) + (cpuMs(pid) ?? 0));
    for (const app of this.apps) add(app.name, app.pid);
    const database = new URL(this.stores.databaseUrl).pathname.slice(1);
    for (const pid of pidsWhere((commandLine) => commandLine.startsWith('postgres: ') && commandLine.includes(` ${database} `))) add('postgres', pid);
    if (this.chroma) add('chroma', this.chroma.pid);
    const redisPort = `:${new URL(this.redisUrl).port || 6379}`;
    for (const pid of pidsWhere((commandLine) => commandLine.startsWith('redis-server ') && commandLine.includes(redisPort))) add('redis', pid);
    return { apps, machine: machineTicks() };
  }

  queue(name: QueueName): Queue {
    return this.queues.find((queue) => queue.name === name)!;
  }

  /** Paused queues take jobs but hand none out: a backlog builds up behind them. */
  async pauseQueues(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.pause()));
  }

  async resumeQueues(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.resume()));
  }

  /** Empties the queues and the ticket tables between runs, so each run counts only its own tickets. */
  async reset(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.obliterate({ force: true })));
    await this.db.query('TRUNCATE tickets, outbox_messages CASCADE');
  }

  /** Stops everything and removes what this run created; safe to call again (Ctrl-C during a run). */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    clearInterval(this.sampler);
    await this.stop('all').catch(() => undefined);
    await Promise.all(this.queues.map((queue) => queue.close()));
    await this.db.end();
    await this.stores.cleanup();
    if (this.chroma) stopChromaServer(this.chroma);
  }

  private sampleRss(): void {
    for (const app of this.apps) this.peakRss.read(app.name, app.pid);
  }
}
