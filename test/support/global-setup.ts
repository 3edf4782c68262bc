import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { freePort } from './free-port';
import { POSTGRES_SERVER, REDIS_URL } from './services';

async function assertReachable(): Promise<void> {
  const pg = new Client({ connectionString: `${POSTGRES_SERVER}/postgres`, connectionTimeoutMillis: 3000 });
  await pg.connect().catch((error) => {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_SERVER} (${error.message}); start it (see README)`);
  });
  await pg.end();
  const redis = new Redis(REDIS_URL, { lazyConnect: true, retryStrategy: () => null, connectTimeout: 3000 });
  await redis.connect().catch((error) => {
    throw new Error(`Redis is not reachable at ${REDIS_URL} (${error.message}); start it (see README)`);
  });
  redis.disconnect();
}

/** Starts one real Chroma server (from node_modules) for the whole run, unless CHROMA_URL names one. */
export default async function globalSetup(): Promise<void> {
  await assertReachable();
  if (process.env.CHROMA_URL) return;
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'smartdesk-chroma-'));
  const cli = join(__dirname, '../../node_modules/chromadb/dist/cli.mjs');
  const child = spawn(process.execPath, [cli, 'run', '--path', dataDir, '--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  child.unref();
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/v2/heartbeat`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`Chroma did not start on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.env.CHROMA_URL = url;
  // Teardown runs in this same process: keep the handle here, not in a file another run could overwrite.
  (globalThis as { smartdeskChroma?: { pid: number; dataDir: string } }).smartdeskChroma = { pid: child.pid!, dataDir };
}
