import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../support/project-root';
import { LatencySummary, summarize } from '../stats';

const run = promisify(execFile);
const ADMIN = 'admin@smartdesk.example';

export interface StatsResult {
  tickets: number;
  seedSeconds: number;
  /** Sequential GET /api/stats answer times per query, after one warm-up request each. */
  queries: { name: string; latencyMs: LatencySummary }[];
}

/** The product's own seed commands, run against the bench database. */
async function seed(vars: Record<string, string>, script: string, args: string[]): Promise<void> {
  await run(process.execPath, [join(PROJECT_ROOT, 'dist/apps/gateway/src/seed', script), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...vars },
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * Issue 5's analytics target: demo teams and accounts (`npm run seed`), then `tickets` of history
 * (`npm run seed:volume`), then GET /api/stats as an admin, `requests` times per range, one at a time.
 */
export async function measureStats(baseUrl: string, vars: Record<string, string>, tickets: number, requests: number, log: (line: string) => void): Promise<StatsResult> {
  const password = randomBytes(12).toString('base64url');
  await seed(vars, 'seed.main.js', ['--password', password]);
  const started = performance.now();
  await seed(vars, 'volume/volume-seed.main.js', ['--tickets', String(tickets), '--days', '90']);
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
  log(`stats: ${tickets} tickets seeded in ${seedSeconds} s`);

  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN, password }) });
  if (!login.ok) throw new Error(`stats: sign-in failed with ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  // The seeded history spans 90 days: the second range covers all of it.
  const ranges = [
    { name: 'last 30 days (default)', query: '' },
    { name: `all ${tickets} tickets`, query: `?from=${new Date(Date.now() - 91 * 86_400_000).toISOString().slice(0, 10)}` },
  ];
  const queries: StatsResult['queries'] = [];
  for (const range of ranges) {
    const samples: number[] = [];
    for (let i = 0; i <= requests; i++) {
      const sent = performance.now();
      const response = await fetch(`${baseUrl}/api/stats${range.query}`, { headers: { authorization: `Bearer ${accessToken}` } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`stats: GET /api/stats${range.query} answered ${response.status}`);
      if (i > 0) samples.push(performance.now() - sent);
    }
    queries.push({ name: range.name, latencyMs: summarize(samples) });
  }
  return { tickets, seedSeconds, queries };
}
