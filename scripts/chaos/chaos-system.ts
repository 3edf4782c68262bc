import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { AppName, AppProcess, WORKERS } from '../support/app-process';
import { createIsolatedStores, IsolatedStores } from '../support/isolated-stores';
import { PROJECT_ROOT } from '../support/project-root';
import { benchAppVars } from '../bench/bench-system';
import { ChaosChroma, ChaosPostgres, ChaosRedis } from './chaos-servers';

const BOOT_TIMEOUT_MS = 180_000;
/** Like the launcher: a process that dies is started again after a short pause. */
const RESTART_DELAY_MS = 500;
/** The gateway's log line for an answer of 500 or more (error-response.filter.ts). */
const SERVER_ERROR = / → 5\d\d/;

/**
 * The whole system on servers of its own (Postgres, Redis, Chroma on spare loopback ports), seeded with
 * the demo team, with the gateway and the four workers supervised: one that exits is started again.
 */
export class ChaosSystem {
  readonly db: Pool;
  private readonly apps = new Map<AppName, AppProcess>();
  private readonly readyWaiters = new Map<AppName, (() => void)[]>();
  private closing = false;

  private constructor(
    readonly postgres: ChaosPostgres,
    readonly redis: ChaosRedis,
    readonly chroma: ChaosChroma,
    private readonly stores: IsolatedStores,
    readonly vars: Record<string, string>,
    private readonly log: (line: string) => void,
  ) {
    // A small pool that outlives Postgres restarts: a broken client is dropped and the next query reconnects.
    this.db = new Pool({ connectionString: stores.databaseUrl, max: 2 });
    this.db.on('error', () => undefined);
  }

  static async create(options: { appendOnly: boolean }, log: (line: string) => void): Promise<ChaosSystem> {
    const postgres = await ChaosPostgres.start();
    const redis = await ChaosRedis.start(options.appendOnly);
    const chroma = await ChaosChroma.start();
    const prefix = `chaos-${randomBytes(4).toString('hex')}`;
    const stores = await createIsolatedStores('smartdesk_chaos', prefix, { postgresServer: postgres.url, redisUrl: redis.url, chromaUrl: chroma.url });
    const vars = await benchAppVars({ databaseUrl: stores.databaseUrl, redisUrl: redis.url, chromaUrl: chroma.url, prefix });
    return new ChaosSystem(postgres, redis, chroma, stores, vars, log);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.vars.PORT}`;
  }

  /** The demo teams, agents and routing rules, written by `npm run seed`'s own entry point. */
  async seed(): Promise<void> {
    await promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'dist/apps/gateway/src/seed/seed.main.js'), '--password', randomBytes(12).toString('hex')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...this.vars },
    });
  }

  async start(): Promise<void> {
    await Promise.all((['gateway', ...WORKERS] as AppName[]).map((name) => this.launch(name)));
  }

  /** SIGKILLs the app; resolves when the supervisor's new process is ready. */
  async kill(name: AppName): Promise<void> {
    const ready = this.nextReady(name);
    await this.apps.get(name)!.stop('SIGKILL');
    await ready;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.apps.values()].map((app) => app.stop()));
    await this.db.end();
    await this.stores.cleanup().catch(() => undefined);
    this.chroma.close();
    await this.redis.close();
    await this.postgres.close();
  }

  private nextReady(name: AppName): Promise<void> {
    return new Promise((resolve) => this.readyWaiters.set(name, [...(this.readyWaiters.get(name) ?? []), resolve]));
  }

  private async launch(name: AppName): Promise<void> {
    const app = AppProcess.spawn(name, this.vars);
    this.apps.set(name, app);
    // Server errors the client saw, with their cause, for the run's log.
    const echoServerErrors = (chunk: Buffer) =>
      chunk
        .toString()
        .split('\n')
        .filter((line) => SERVER_ERROR.test(line))
        .forEach((line) => this.log(`${name}: ${line.slice(0, 300)}`));
    app.child.stdout?.on('data', echoServerErrors);
    app.child.stderr?.on('data', echoServerErrors);
    app.child.once('exit', (code, signal) => {
      if (this.closing) return;
      this.log(`${name} exited (${signal ?? code}); starting it again`);
      setTimeout(() => void this.launch(name).catch((error: Error) => this.log(`${name} did not start again: ${error.message.split('\n')[0]}`)), RESTART_DELAY_MS);
    });
    await app.ready(BOOT_TIMEOUT_MS);
    const waiters = this.readyWaiters.get(name) ?? [];
    this.readyWaiters.delete(name);
    for (const resolve of waiters) resolve();
  }
}
