#!/usr/bin/env node
// A Lighthouse-like audit of the web app in Debian's Chromium, with what this repository already has
// (playwright-core, CDP, axe-core): Lighthouse itself (the `lighthouse` package) is not a dependency, so its
// score is not computed. Per page it measures, on a cold cache:
//   FCP and LCP (PerformanceObserver paint / largest-contentful-paint), TBT (long tasks after FCP, the part of
//   each above 50 ms, until the main thread stays quiet), CLS (largest session window of layout shifts without
//   recent input), the JS the page loaded (bytes on the wire, and gzipped as a server would send it), and
//   axe-core's accessibility violations,
// and compares them with the thresholds Lighthouse scores as good: LCP <= 2.5 s, TBT <= 200 ms, CLS <= 0.1.
//
// Usage (a running gateway serving the built web app, e.g. after `npm run build` and `npm run start:gateway`):
//   AUDIT_URL=http://127.0.0.1:3000 AUDIT_EMAIL=ana.agent@smartdesk.example AUDIT_PASSWORD=... node scripts/web-audit.mjs [--mobile]
// --mobile emulates Lighthouse's mobile conditions through CDP (4x CPU slowdown, 150 ms RTT, 1.6 Mbit/s down);
// the default is its desktop preset (no CPU slowdown, 40 ms RTT, 10 Mbit/s). The inbox needs AUDIT_EMAIL and
// AUDIT_PASSWORD of a staff account (it is skipped without them).
import { AxeBuilder } from '@axe-core/playwright';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.AUDIT_URL ?? 'http://127.0.0.1:3000';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MOBILE = process.argv.includes('--mobile');
const PRESET = MOBILE
  ? { name: 'mobile', cpu: 4, latency: 150, download: (1.6 * 1024 * 1024) / 8, upload: (750 * 1024) / 8, viewport: { width: 412, height: 823 } }
  : { name: 'desktop', cpu: 1, latency: 40, download: (10 * 1024 * 1024) / 8, upload: (10 * 1024 * 1024) / 8, viewport: { width: 1350, height: 940 } };
/** Lighthouse's "good" limits (its scoring docs: LCP 2.5 s, TBT 200 ms, CLS 0.1; FCP 1.8 s on mobile, 0.9 s on desktop). */
const GOOD = { fcp: MOBILE ? 1800 : 934, lcp: 2500, tbt: 200, cls: 0.1 };
/** The main thread counts as settled after this long without a long task (Lighthouse's TTI uses a 5 s quiet window). */
const QUIET_MS = 5000;
const BUDGET_MS = 60_000;

const PAGES = [
  { name: 'portal', path: '/portal' },
  { name: 'inbox', path: '/inbox', signedIn: true },
];

/** Collects the page's paint, LCP, layout-shift and long-task entries from its very start. */
function observe() {
  const audit = { fcp: null, lcp: null, shifts: [], longTasks: [] };
  globalThis.__audit = audit;
  const watch = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      // an entry type this browser lacks stays null / empty, and the report says so
    }
  };
  watch('paint', (entry) => entry.name === 'first-contentful-paint' && (audit.fcp = entry.startTime));
  watch('largest-contentful-paint', (entry) => (audit.lcp = entry.startTime));
  watch('layout-shift', (entry) => !entry.hadRecentInput && audit.shifts.push({ time: entry.startTime, value: entry.value }));
  watch('longtask', (entry) => audit.longTasks.push({ start: entry.startTime, duration: entry.duration }));
}

/** CLS as Lighthouse counts it: the largest session window (shifts < 1 s apart, window <= 5 s). */
function cumulativeLayoutShift(shifts) {
  let worst = 0;
  let window = { start: -Infinity, last: -Infinity, value: 0 };
  for (const shift of shifts) {
    if (shift.time - window.last > 1000 || shift.time - window.start > 5000) window = { start: shift.time, last: shift.time, value: 0 };
    window.value += shift.value;
    window.last = shift.time;
    worst = Math.max(worst, window.value);
  }
  return worst;
}

async function signIn(context) {
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByLabel('Email').fill(process.env.AUDIT_EMAIL);
  await page.getByRole('textbox', { name: 'Password' }).fill(process.env.AUDIT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.close();
}

async function audit(browser, target) {
  const context = await browser.newContext({ viewport: PRESET.viewport, locale: 'en', timezoneId: 'UTC' });
  if (target.signedIn) await signIn(context);
  const page = await context.newPage();
  await page.addInitScript(observe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PRESET.latency, downloadThroughput: PRESET.download, uploadThroughput: PRESET.upload });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PRESET.cpu });

  const scripts = new Map();
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => type === 'Script' && scripts.set(requestId, { url: response.url, wire: 0, gzipped: 0 }));
  const finished = [];
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const script = scripts.get(requestId);
    if (!script) return;
    script.wire = encodedDataLength;
    finished.push(
      cdp.send('Network.getResponseBody', { requestId }).then(({ body, base64Encoded }) => {
        script.gzipped = gzipSync(Buffer.from(body, base64Encoded ? 'base64' : 'utf8'), { level: 9 }).length;
      }),
    );
  });

  await page.goto(`${BASE_URL}${target.path}`, { waitUntil: 'load' });
  // Settled: no long task for QUIET_MS (or the budget is spent, which the report then shows as unsettled).
  const settled = await page
    .waitForFunction(
      (quiet) => {
        const { longTasks } = globalThis.__audit;
        const lastEnd = longTasks.length ? Math.max(...longTasks.map((task) => task.start + task.duration)) : 0;
        return performance.now() - lastEnd >= quiet && globalThis.__audit.fcp !== null;
      },
      QUIET_MS,
      { timeout: BUDGET_MS, polling: 250 },
    )
    .then(() => true, () => false);
  await Promise.all(finished);
  const entries = await page.evaluate(() => globalThis.__audit);
  const tbt = entries.longTasks.filter((task) => entries.fcp !== null && task.start + task.duration > entries.fcp).reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);

  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const axe = await new AxeBuilder({ page }).analyze();
  await context.close();
  const js = [...scripts.values()];
  return {
    page: target.name,
    settled,
    fcp: entries.fcp,
    lcp: entries.lcp,
    tbt,
    cls: cumulativeLayoutShift(entries.shifts),
    jsFiles: js.length,
    jsWire: js.reduce((sum, script) => sum + script.wire, 0),
    jsGzipped: js.reduce((sum, script) => sum + script.gzipped, 0),
    axeRules: { passed: axe.passes.length, failed: axe.violations.length },
    violations: axe.violations.map((violation) => `${violation.id} (${violation.impact}, ${violation.nodes.length} nodes)`),
  };
}

const verdict = (value, limit) => (value === null ? 'n/a ' : value <= limit ? 'good' : 'POOR');
const ms = (value) => (value === null ? 'n/a' : `${Math.round(value)} ms`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  console.log(`web audit of ${BASE_URL}, ${PRESET.name} preset (CPU x${PRESET.cpu}, RTT ${PRESET.latency} ms), cold cache; not the Lighthouse score itself\n`);
  for (const target of PAGES) {
    if (target.signedIn && !(process.env.AUDIT_EMAIL && process.env.AUDIT_PASSWORD)) {
      console.log(`${target.name}: skipped (set AUDIT_EMAIL and AUDIT_PASSWORD of a staff account)\n`);
      continue;
    }
    const result = await audit(browser, target);
    console.log(`${result.page} (${target.path})${result.settled ? '' : ' — main thread never settled within the budget'}`);
    console.log(`  FCP ${ms(result.fcp).padStart(9)}  ${verdict(result.fcp, GOOD.fcp)}  (good <= ${GOOD.fcp} ms)`);
    console.log(`  LCP ${ms(result.lcp).padStart(9)}  ${verdict(result.lcp, GOOD.lcp)}  (good <= ${GOOD.lcp} ms)`);
    console.log(`  TBT ${ms(result.tbt).padStart(9)}  ${verdict(result.tbt, GOOD.tbt)}  (good <= ${GOOD.tbt} ms)`);
    console.log(`  CLS ${result.cls.toFixed(3).padStart(9)}  ${verdict(result.cls, GOOD.cls)}  (good <= ${GOOD.cls})`);
    console.log(`  JS  ${kb(result.jsGzipped).padStart(9)} gzipped, ${kb(result.jsWire)} on the wire, ${result.jsFiles} files`);
    console.log(`  axe ${result.axeRules.failed} rules violated, ${result.axeRules.passed} passed${result.violations.length ? `: ${result.violations.join('; ')}` : ''}\n`);
  }
} finally {
  await browser.close();
}
