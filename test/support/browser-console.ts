import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Browser tests of the web app: Debian's Chromium driven by playwright-core against the real gateway.
 * Kept small on purpose (launch, sign in through the form, axe, screenshot) so it can be unified with
 * the other browser helpers.
 */
export const SCREENSHOTS = join(__dirname, '../../docs/screenshots');
export const VIEWPORT = { width: 1280, height: 800 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh context (own cookies) in English, signed in through the sign-in form as `email`. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: VIEWPORT, locale: 'en-US' });
  const page = await context.newPage();
  // Below jest's timeout, so a missing element fails with its locator rather than a test timeout.
  page.setDefaultTimeout(30_000);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  // Required fields' labels end in an asterisk.
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

/** The serious and critical axe-core violations on the page as it is now, one line each (rule: first target). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

/** Saves the viewport as docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Keys asked for that no language has (the app collects them): a screen must use only translated strings. */
export function missingI18nKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as { smartdeskMissingKeys?: string[] }).smartdeskMissingKeys ?? []);
}
