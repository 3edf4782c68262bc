#!/usr/bin/env node
// `npm start`: the whole system on this machine without Docker. Installs dependencies if needed,
// builds, starts Chroma (unless CHROMA_URL is set), migrates, then runs the gateway and the four
// workers, restarting any that crash (Chroma too, on its port). Ctrl-C stops everything within 10 s:
// workers finish what they hold for up to 7 s (DRAIN_BOUND_MS) and give the rest back to the queue.
// Scale a worker: `npm start -- --scale sentiment-worker=2`.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const APPS = ['gateway', 'categorization-worker', 'sentiment-worker', 'rag-worker', 'escalation-worker', 'mail-worker'];
const COLORS = [36, 33, 35, 32, 34, 31];
/** Running child → its name. */
const children = new Map();
let stopping = false;
/** After a worker's bounded drain (7 s) and its close: what still runs then is killed. */
const STOP_BOUND_MS = 9_500;

const say = (message) => console.log(`\x1b[1m[smartdesk]\x1b[0m ${message}`);
const run = (command) => execSync(command, { stdio: 'inherit' });

function installIfNeeded() {
  const marker = join(root, 'node_modules/.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs)) return;
  say('installing dependencies');
  run('npm install --no-audit --no-fund');
}

function parseScale(args) {
  const scale = Object.fromEntries(APPS.map((app) => [app, 1]));
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--scale') continue;
    const [app, count] = (args[++i] ?? '').split('=');
    if (!APPS.includes(app) || !(Number(count) >= 1)) throw new Error(`--scale expects APP=N with APP one of ${APPS.join(', ')}`);
    // Copies of the gateway would all bind PORT; replicas belong behind a load balancer (deploy/k8s runs two).
    if (app === 'gateway' && Number(count) > 1) throw new Error('--scale gateway: one gateway listens on PORT here; run replicas behind a load balancer (deploy/k8s)');
    scale[app] = Number(count);
  }
  return scale;
}

function freePort(preferred) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => (preferred ? freePort(0).then(resolve) : resolve(0)));
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function pipeOutput(child, name, color) {
  const label = `\x1b[${color}m${name.padEnd(24)}\x1b[0m|`;
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) console.log(`${label} ${line}`);
    });
  }
}

/** Chroma from node_modules, kept running on one port (the apps know its URL) like any app; resolves once it first answers. */
async function startChroma() {
  const port = await freePort(8000);
  const dataDir = join(root, '.data/chroma');
  mkdirSync(dataDir, { recursive: true });
  const args = ['node_modules/chromadb/dist/cli.mjs', 'run', '--path', dataDir, '--host', '127.0.0.1', '--port', String(port)];
  const first = supervise('chroma', args, COLORS[5]);
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    if (first.exitCode !== null) throw new Error('chroma exited during start-up');
    try {
      if ((await fetch(`${url}/api/v2/heartbeat`)).ok) return url;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`chroma did not answer on ${url}`);
}

/** Runs `node args`, restarting it whenever it exits until the launcher stops; answers the first child. */
function supervise(name, args, color, restarts = 0) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  children.set(child, name);
  pipeOutput(child, name, color);
  const startedAt = Date.now();
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) return;
    // A process that ran a while gets a fresh backoff; one that keeps crashing waits longer each time.
    const attempt = Date.now() - startedAt > 60_000 ? 0 : restarts + 1;
    const delay = Math.min(1000 * 2 ** attempt, 30_000);
    say(`${name} exited (${signal ?? code}); restarting in ${delay / 1000}s`);
    setTimeout(() => !stopping && supervise(name, args, color, attempt), delay);
  });
  return child;
}

/** SIGTERM, then SIGKILL for what still runs after `boundMs`. */
async function stopChildren(list, boundMs) {
  const exits = list.map((child) => (child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((resolve) => child.once('exit', resolve))));
  for (const child of list) child.kill('SIGTERM');
  const forced = setTimeout(() => list.forEach((child) => child.kill('SIGKILL')), boundMs);
  await Promise.all(exits);
  clearTimeout(forced);
}

async function main() {
  const scale = parseScale(process.argv.slice(2));
  installIfNeeded();
  say('building');
  run('npm run build --silent');
  const { config } = await import('dotenv');
  config({ quiet: true });
  if (!process.env.CHROMA_URL) {
    process.env.CHROMA_URL = await startChroma();
    say(`chroma running at ${process.env.CHROMA_URL} (data in .data/chroma)`);
  }
  say('migrating the database');
  run(`"${process.execPath}" dist/libs/database/src/migrate.main.js`);
  APPS.forEach((app, i) => {
    for (let copy = 0; copy < scale[app]; copy++) supervise(copy > 0 ? `${app}#${copy + 1}` : app, [`dist/apps/${app}/src/main.js`], COLORS[i]);
  });
  say(`gateway on http://localhost:${process.env.PORT ?? 3000} (API /api/tickets, docs /docs, health /health); Ctrl-C stops`);

  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: draining workers and stopping`);
    // The apps first (a draining rag worker still reads Chroma), then Chroma.
    const [chroma, apps] = [[...children.keys()].filter((child) => children.get(child) === 'chroma'), [...children.keys()].filter((child) => children.get(child) !== 'chroma')];
    await stopChildren(apps, STOP_BOUND_MS);
    await stopChildren(chroma, 2_000);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  say(`could not start: ${error.message}`);
  for (const child of children.keys()) child.kill('SIGTERM');
  process.exit(1);
});
