import { performance } from 'node:perf_hooks';
import { summarize } from './stats';

/**
 * `npm run bench:inbox -- --url http://127.0.0.1:3000 --password P [--runs 30]`: latency of the inbox's list
 * queries (GET /api/tickets) against a running gateway, e.g. after `npm run seed:volume -- --tickets 100000`.
 * Each query runs `--runs` times after two warm-up calls, one at a time, timed end to end over HTTP. Deep pages
 * are read both ways: at an offset (`page`) and, when the API gives one, after a cursor reached by following `nextCursor`.
 */
const ADMIN = 'admin@smartdesk.example';
const AGENT = 'ana.agent@smartdesk.example';

function option(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

const baseUrl = option('url', 'http://127.0.0.1:3000');
const runs = Number(option('runs', '30'));

async function signIn(email: string): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: option('password') }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email}: ${response.status} ${await response.text()}`);
  return { authorization: `Bearer ${((await response.json()) as { accessToken: string }).accessToken}` };
}

async function get(path: string, headers: Record<string, string>): Promise<{ ms: number; body: any }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers });
  const body = await response.json();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

async function time(label: string, path: string, headers: Record<string, string>): Promise<void> {
  for (let warmup = 0; warmup < 2; warmup += 1) await get(path, headers);
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) samples.push((await get(path, headers)).ms);
  report(label, samples);
}

function report(label: string, samples: number[]): void {
  const { n, p50, p95 } = summarize(samples);
  console.log(`${label.padEnd(46)} p50 ${String(p50).padStart(7)} ms  p95 ${String(p95).padStart(7)} ms  (n=${n})`);
}

/** Follows nextCursor from the first page (pages of 100) to `depth` tickets in, then times the next page of 25 there. */
async function deepCursor(label: string, query: string, depth: number, headers: Record<string, string>): Promise<void> {
  let cursor = '';
  for (let seen = 0; seen < depth; seen += 100) {
    const { body } = await get(`/api/tickets?pageSize=100${query}${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`, headers);
    if (!('nextCursor' in body)) return console.log(`${label.padEnd(46)} (this API has no cursor)`);
    if (body.nextCursor === null) throw new Error(`${label}: fewer than ${depth} tickets`);
    cursor = body.nextCursor;
  }
  await time(label, `/api/tickets?pageSize=25${query}&after=${encodeURIComponent(cursor)}`, headers);
}

async function main(): Promise<void> {
  const admin = await signIn(ADMIN);
  const agent = await signIn(AGENT);
  const [team] = (await get('/api/teams', admin)).body as { id: string }[];
  const me = (await get('/api/auth/me', agent)).body as { userId?: string; id?: string };
  const total = (await get('/api/tickets?pageSize=1', admin)).body.total as number;
  console.log(`GET /api/tickets on ${baseUrl}: ${total} tickets, ${runs} runs each, pageSize 25 unless said\n`);
  await time('newest first (admin)', '/api/tickets?pageSize=25', admin);
  await time("agent's queue, newest first", '/api/tickets?pageSize=25', agent);
  await time('status=open', '/api/tickets?pageSize=25&status=open', admin);
  await time('category=billing', '/api/tickets?pageSize=25&category=billing', admin);
  await time('teamId (a team queue)', `/api/tickets?pageSize=25&teamId=${team.id}`, admin);
  await time('assigneeId (an agent)', `/api/tickets?pageSize=25&assigneeId=${me.userId ?? me.id}`, admin);
  await time('sort=priority', '/api/tickets?pageSize=25&sort=priority', admin);
  await time('sort=updatedAt, status=closed', '/api/tickets?pageSize=25&sort=updatedAt&status=closed', admin);
  await time('search q=refund', '/api/tickets?pageSize=25&q=refund', admin);
  await time('page 100 (offset 2,475)', '/api/tickets?pageSize=25&page=100', admin);
  await time('page 2000 (offset 49,975)', '/api/tickets?pageSize=25&page=2000', admin);
  await deepCursor('after a cursor 50,000 in', '', 50_000, admin);
  await deepCursor('after a cursor 20,000 in, closed by priority', '&status=closed&sort=priority', 20_000, admin);
}

main().catch((error) => {
  console.error(`bench:inbox failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
