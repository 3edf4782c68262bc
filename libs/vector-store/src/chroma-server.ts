import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface ChromaServer {
  url: string;
  pid: number;
  dataDir: string;
  stop(): void;
}

/**
 * Starts a real Chroma server from the `chromadb` npm package on a free loopback port, with its data
 * in a new temporary folder, and resolves once its heartbeat answers. For test runs and `npm run eval`.
 * `detached` lets it outlive a parent that only keeps its pid (jest's global setup and teardown).
 */
export async function startChromaServer(options: { detached?: boolean; timeoutMs?: number; port?: number; dataDir?: string } = {}): Promise<ChromaServer> {
  // A given port and folder start a stopped server again with its data (npm run chaos).
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'smartdesk-chroma-'));
  // The package's CommonJS entry is dist/cjs/chromadb.cjs; its CLI is dist/cli.mjs.
  const cli = join(dirname(require.resolve('chromadb')), '..', 'cli.mjs');
  const child = spawn(process.execPath, [cli, 'run', '--path', dataDir, '--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore', detached: options.detached });
  if (options.detached) child.unref();
  const server: ChromaServer = {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    dataDir,
    stop: () => stopChromaServer(server),
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    try {
      if ((await fetch(`${server.url}/api/v2/heartbeat`)).ok) return server;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      server.stop();
      throw new Error(`Chroma did not start on ${server.url}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function stopChromaServer(server: Pick<ChromaServer, 'pid' | 'dataDir'>): void {
  try {
    process.kill(server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(server.dataDir, { recursive: true, force: true });
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
