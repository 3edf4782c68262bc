import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (.ci/run installs it); playwright-core drives it without downloading a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const VIEWPORT = { width: 1280, height: 800 };
const SCREENSHOTS = join(__dirname, '../../../docs/screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** A fresh browser profile (its own cookies and localStorage) in the given UI language. */
export async function newContext(browser: Browser, baseURL: string, language = 'en'): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT, locale: language, timezoneId: 'UTC' });
  context.setDefaultTimeout(20_000);
  return context;
}

/** Signs in through the sign-in page, as a person would; the gateway sets the session cookie. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** The part of the page's DOM that seriousViolations reads (the tests compile without the DOM's types). */
interface AnimatedDocument {
  document: { getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[] };
}

/** Keys i18next looked up and found in no language (the app records them in window.smartdeskMissingKeys). */
export function missingKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as { smartdeskMissingKeys?: string[] }).smartdeskMissingKeys ?? ['the app did not expose its missing-key list']);
}

/**
 * axe-core's serious and critical violations on the page as it is now, as readable lines. Once transitions have
 * ended: a dialog fading in has its text at part opacity, which axe reads as too little contrast (a loaded
 * machine stretches the fade).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Spinners run for ever: only animations that end are waited for.
  // A function, not a string: the app's Content-Security-Policy forbids eval.
  const settled = () =>
    (globalThis as unknown as AnimatedDocument).document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Number.POSITIVE_INFINITY);
  await page.waitForFunction(settled, undefined, { timeout: 5_000 });
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** Saves the screen for the README: docs/screenshots/<name>.png at 1280x800. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
