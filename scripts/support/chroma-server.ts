import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { PROJECT_ROOT } from './project-root';

export interface ChromaServer {
  url: string;
  pid: number;
  dataDir: string;
}

/**
 * A real Chroma server from node_modules on a free loopback port, with its data in a fresh temporary
 * folder. `detached` lets it outlive the calling process's event loop (jest's globalSetup).
 */
export async function startChromaServer(options: { detached?: boolean; timeoutMs?: number } = {}): Promise<ChromaServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'smartdesk-chroma-'));
  const cli = join(PROJECT_ROOT, 'node_modules/chromadb/dist/cli.mjs');
  const child = spawn(process.execPath, [cli, 'run', '--path', dataDir, '--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore', detached: options.detached });
  if (options.detached) child.unref();
  const server = { url: `http://127.0.0.1:${port}`, pid: child.pid!, dataDir };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${server.url}/api/v2/heartbeat`)).ok) return server;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stopChromaServer(server);
  throw new Error(`Chroma did not start on ${server.url}`);
}

export function stopChromaServer(server: ChromaServer): void {
  try {
    process.kill(server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(server.dataDir, { recursive: true, force: true });
}
