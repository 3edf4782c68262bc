import { freePort } from '@smartdesk/vector-store';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../../support/api-client';
import { AppName, AppProcess, stopAll } from '../../support/app-process';
import { seedDemoAccounts } from '../../support/demo-accounts';
import { createTestEnvironment, TestEnvironment } from '../../support/test-environment';
import { launchBrowser, newContext, signIn } from './browser';
import { startApps } from './start-apps';

/** A browser suite's world: its own database and prefixes, the apps it needs, the demo accounts and Chromium. */
export interface BrowserSuite {
  baseUrl: string;
  /** The suite's own database, for writing what a worker would (the apps under test read it). */
  databaseUrl: string;
  password: string;
  /** An anonymous API client; `signIn` gives one per account. */
  api: ApiClient;
  /** A fresh browser profile in `language`, signed in as `email` through the sign-in page when given. */
  pageAs(email?: string, language?: string): Promise<Page>;
  /** Closes the profiles opened since the last call (afterEach), so each test starts signed out. */
  closePages(): Promise<void>;
  stop(): Promise<void>;
}

/** `vars` adds to or overrides the suite's environment, e.g. an LLM to talk to. */
export async function startBrowserSuite(name: string, appNames: AppName[], vars: Record<string, string> = {}): Promise<BrowserSuite> {
  const env: TestEnvironment = await createTestEnvironment(name);
  Object.assign(env.vars, vars);
  env.vars.PORT = String(await freePort());
  const baseUrl = `http://127.0.0.1:${env.vars.PORT}`;
  const browser: Browser = await launchBrowser();
  let apps: AppProcess[] = [];
  try {
    apps = await startApps(appNames, env.vars);
    const { password } = await seedDemoAccounts(env.vars);
    const contexts: BrowserContext[] = [];
    return {
      baseUrl,
      databaseUrl: env.databaseUrl,
      password,
      api: new ApiClient(baseUrl),
      async pageAs(email, language = 'en') {
        const context = await newContext(browser, baseUrl, language);
        contexts.push(context);
        const page = await context.newPage();
        if (email) await signIn(page, email, password);
        return page;
      },
      async closePages() {
        await Promise.all(contexts.splice(0).map((context) => context.close()));
      },
      async stop() {
        await browser.close();
        await stopAll(apps);
        await env.cleanup();
      },
    };
  } catch (error) {
    await browser.close();
    await stopAll(apps);
    await env.cleanup();
    throw error;
  }
}
