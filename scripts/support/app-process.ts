import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-root';

export type AppName = 'gateway' | 'categorization-worker' | 'sentiment-worker' | 'rag-worker' | 'escalation-worker' | 'mail-worker';
export const WORKERS: AppName[] = ['categorization-worker', 'sentiment-worker', 'rag-worker', 'escalation-worker'];

const READY = /ready: taking|listening on/;

/** One real app process, started from the build the way ops start it: `node dist/apps/<app>/src/main.js`. */
export class AppProcess {
  readonly output: string[] = [];
  private constructor(
    readonly name: AppName,
    readonly child: ChildProcess,
  ) {
    const collect = (chunk: Buffer) => this.output.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  }

  /** Spawns the process (with extra node options, e.g. --cpu-prof); see ready() and start(). */
  static spawn(name: AppName, vars: Record<string, string>, nodeArgs: string[] = []): AppProcess {
    const child = spawn(process.execPath, [...nodeArgs, join(PROJECT_ROOT, 'dist/apps', name, 'src/main.js')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...vars, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(name, child);
  }

  /** Spawns the process and waits until it says it is ready; one that is not ready in time is killed. */
  static async start(name: AppName, vars: Record<string, string>, timeoutMs = 60_000): Promise<AppProcess> {
    const app = AppProcess.spawn(name, vars);
    try {
      await app.ready(timeoutMs);
    } catch (error) {
      await app.stop('SIGKILL');
      throw error;
    }
    return app;
  }

  /** Resolves once the app logs that it listens or takes jobs; rejects if it exits first or the timeout passes. */
  ready(timeoutMs: number): Promise<void> {
    const { child, name } = this;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} not ready after ${timeoutMs} ms:\n${this.output.join('\n')}`)), timeoutMs);
      const check = () => {
        if (this.output.some((line) => READY.test(line))) {
          clearTimeout(timer);
          child.stdout?.off('data', check);
          resolve();
        }
      };
      check();
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with ${code} before it was ready:\n${this.output.join('\n')}`));
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** SIGTERM (graceful drain) by default; resolves with the exit code. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => {
      this.child.once('exit', (code) => resolve(code));
      this.child.kill(signal);
    });
  }
}

export async function startAll(names: AppName[], vars: Record<string, string>): Promise<AppProcess[]> {
  return Promise.all(names.map((name) => AppProcess.start(name, vars)));
}

export async function stopAll(apps: AppProcess[]): Promise<void> {
  await Promise.all(apps.map((app) => app.stop()));
}
