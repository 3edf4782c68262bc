#!/usr/bin/env node
// Lighthouse (its Node API) in Debian's Chromium on the portal and the agent inbox, with its desktop and its default
// (mobile) preset: performance and accessibility scores, FCP, LCP, TBT and CLS, and the JavaScript each page loads,
// gzipped. Each page runs AUDIT_RUNS times (3 by default) and Lighthouse's own median run is reported, since one run
// on a busy machine can be far off.
//
// Usage (a running gateway serving the built web app, e.g. after `npm run build` and `npm run start:gateway`):
//   AUDIT_URL=http://127.0.0.1:3000 AUDIT_EMAIL=ana.agent@smartdesk.example AUDIT_PASSWORD=... npm run audit:web
// The inbox signs in as AUDIT_EMAIL (a staff account); it is skipped without AUDIT_EMAIL and AUDIT_PASSWORD.
// Exits 1 when a page misses the targets of issue #17 in either preset: the portal and the inbox must meet them on a
// phone as on a desktop.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';

const BASE_URL = process.env.AUDIT_URL ?? 'http://127.0.0.1:3000';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.AUDIT_RUNS ?? 3);
/** Lighthouse runs of one page that may fail (see audit) before the audit gives up. */
const MAX_FAILED_RUNS = 3;
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Issue #17: performance >= 90 and accessibility >= 95 on both pages, initial JavaScript <= 300 KB gzipped. */
const TARGET = { performance: 90, accessibility: 95, jsGzippedKb: 300 };

const PRESETS = [
  { name: 'desktop', config: desktopConfig },
  // Lighthouse's default: a mid-range phone, 4x CPU slowdown, slow 4G.
  { name: 'mobile', config: undefined },
];
const PAGES = [
  { name: 'portal', path: '/' },
  { name: 'inbox', path: '/inbox', signedIn: true },
];

/** The web app's session: the sd_session cookie that POST /api/auth/login sets, sent by Lighthouse on every request. */
async function sessionCookie() {
  const response = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: process.env.AUDIT_EMAIL, password: process.env.AUDIT_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${process.env.AUDIT_EMAIL} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('sd_session='));
  if (!cookie) throw new Error('the sign-in set no sd_session cookie');
  return cookie.split(';')[0];
}

/**
 * The page's scripts gzipped as the gateway sends them to a client that asks for gzip: Lighthouse counts bytes on
 * the wire, which for Chromium are brotli, while the budget is stated gzipped.
 */
async function scriptsGzipped(lhr, headers) {
  const scripts = lhr.audits['network-requests'].details.items.filter((request) => request.resourceType === 'Script');
  const sizes = await Promise.all(scripts.map(async ({ url }) => gzipSync(Buffer.from(await (await fetch(url, { headers })).arrayBuffer())).length));
  return { files: scripts.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

async function audit(chrome, preset, target, cookie) {
  const headers = target.signedIn ? { Cookie: cookie } : {};
  const runs = [];
  let failures = 0;
  while (runs.length < RUNS) {
    const { lhr } = await lighthouse(
      `${BASE_URL}${target.path}`,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], extraHeaders: headers },
      preset.config,
    );
    if (!lhr.runtimeError) {
      runs.push(lhr);
      continue;
    }
    // Lighthouse itself failed (e.g. NO_NAVSTART, a trace it could not read, which it asks to run again): the run measured
    // nothing, so it is run again, a few times at most. It is reported, and a page that never painted fails here.
    failures += 1;
    console.log(`  ${preset.name} ${target.name}: run failed, ${lhr.runtimeError.code}${failures < MAX_FAILED_RUNS ? ', running again' : ''}`);
    if (failures >= MAX_FAILED_RUNS) throw new Error(`${preset.name} ${target.name}: ${failures} Lighthouse runs failed (${lhr.runtimeError.message})`);
  }
  const lhr = computeMedianRun(runs);
  const score = (category) => Math.round(lhr.categories[category].score * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    allPerformance: runs.map((run) => Math.round(run.categories.performance.score * 100)),
    metrics: ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map((id) => lhr.audits[id].displayValue),
    js: await scriptsGzipped(lhr, headers),
    // What keeps the scores down: failed accessibility audits, and performance audits Lighthouse rates below 0.9.
    flagged: Object.values(lhr.categories.accessibility.auditRefs)
      .concat(lhr.categories.performance.auditRefs)
      .map((ref) => lhr.audits[ref.id])
      .filter((item) => item.score !== null && item.score < 0.9 && item.scoreDisplayMode !== 'informative' && item.scoreDisplayMode !== 'manual')
      .map((item) => item.id),
  };
}

const cookie = process.env.AUDIT_EMAIL && process.env.AUDIT_PASSWORD ? await sessionCookie() : undefined;
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
let missed = false;
try {
  console.log(
    `Lighthouse of ${BASE_URL}, median of ${RUNS} runs, load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} (${new Date().toISOString()})\n`,
  );
  for (const preset of PRESETS) {
    for (const target of PAGES) {
      if (target.signedIn && !cookie) {
        console.log(`${preset.name} ${target.name}: skipped (set AUDIT_EMAIL and AUDIT_PASSWORD of a staff account)`);
        continue;
      }
      const result = await audit(chrome, preset, target, cookie);
      const jsKb = result.js.bytes / 1024;
      const met = result.performance >= TARGET.performance && result.accessibility >= TARGET.accessibility && jsKb <= TARGET.jsGzippedKb;
      if (!met) missed = true;
      console.log(
        `${preset.name} ${target.name} (${target.path}): performance ${result.performance} (runs ${result.allPerformance.join(', ')}), accessibility ${result.accessibility}${met ? '' : '  BELOW TARGET'}`,
      );
      console.log(`  FCP ${result.metrics[0]}, LCP ${result.metrics[1]}, TBT ${result.metrics[2]}, CLS ${result.metrics[3]}; JS ${jsKb.toFixed(1)} KB gzipped in ${result.js.files} files`);
      if (result.flagged.length) console.log(`  flagged: ${result.flagged.join(', ')}`);
    }
  }
  console.log(`\ntargets: performance >= ${TARGET.performance}, accessibility >= ${TARGET.accessibility}, JS <= ${TARGET.jsGzippedKb} KB gzipped, in both presets`);
} finally {
  chrome.kill();
}
process.exitCode = missed ? 1 : 0;
