import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { ChromaServer, freePort, startChromaServer, stopChromaServer } from '@smartdesk/vector-store';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const READY_TIMEOUT_MS = 30_000;

/**
 * A PostgreSQL cluster of its own in a temporary folder, on a spare loopback port, so faults leave the
 * machine's server alone. initdb refuses to run as root: as root, the cluster belongs to `postgres`.
 */
export class ChaosPostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<ChaosPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'smartdesk-chaos-pg-'));
    if (userInfo().uid === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      chownSync(dir, uid, gid);
    }
    const server = new ChaosPostgres(await freePort(), dir);
    await server.run('initdb', ['-D', server.dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    await server.ctl('start');
    return server;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}`;
  }

  /** `pg_ctl restart -m fast`: open connections are cut, and the server is back when this returns. */
  restart(): Promise<void> {
    return this.ctl('restart');
  }

  async close(): Promise<void> {
    try {
      await this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private ctl(action: 'start' | 'restart'): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1`;
    return this.run('pg_ctl', ['-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-m', 'fast', '-w', '-o', options, action]);
  }

  /** Asynchronous, so the load keeps its pace while the server restarts. */
  private async run(binary: string, args: string[]): Promise<void> {
    const command = join(PG_BIN, binary);
    const [file, argv] = userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    await promisify(execFile)(file, argv, { timeout: READY_TIMEOUT_MS });
  }
}

/** A redis-server of its own on a spare port; with appendonly, a restart keeps the queues. */
export class ChaosRedis {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    readonly appendOnly: boolean,
  ) {}

  static async start(appendOnly: boolean): Promise<ChaosRedis> {
    const server = new ChaosRedis(await freePort(), mkdtempSync(join(tmpdir(), 'smartdesk-chaos-redis-')), appendOnly);
    await server.launch();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** SIGTERM (Redis writes its append-only file and exits), then the same server again. */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', this.appendOnly ? 'yes' : 'no'];
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined);
      const up = await probe.connect().then(
        () => probe.ping(),
        () => undefined,
      );
      probe.disconnect();
      if (up === 'PONG') return;
      if (Date.now() > deadline) throw new Error(`redis-server did not start on ${this.url}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

/** The Chroma server from node_modules, stopped and started again on the same port with the same data. */
export class ChaosChroma {
  private constructor(private server: ChromaServer) {}

  static async start(): Promise<ChaosChroma> {
    return new ChaosChroma(await startChromaServer());
  }

  get url(): string {
    return this.server.url;
  }

  async stop(): Promise<void> {
    const { pid } = this.server;
    process.kill(pid, 'SIGTERM');
    while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  async start(): Promise<void> {
    const { port } = new URL(this.server.url);
    this.server = await startChromaServer({ port: Number(port), dataDir: this.server.dataDir });
  }

  close(): void {
    stopChromaServer(this.server);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
