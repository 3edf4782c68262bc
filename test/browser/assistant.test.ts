import { freePort } from '@smartdesk/vector-store';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { AppProcess, stopAll } from '../support/app-process';
import { seedDemoAccounts } from '../support/demo-accounts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { waitFor } from '../support/wait-for';
import { launchBrowser, missingKeys, newContext, screenshot, seriousViolations, signIn } from './support/browser';
import { startApps } from './support/start-apps';

const CUSTOMER = 'jamie@example.com';
const QUESTION = 'I forgot my password and cannot log in. How do I reset it?';

/** A team's own site: one page that loads widget.js from the gateway, served from another loopback origin. */
async function hostSite(gatewayUrl: string): Promise<{ server: Server; url: string }> {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example shop</title></head>
<body style="font-family:system-ui;margin:40px"><h1>Example shop</h1><p>Lamps, chairs and tables.</p>
<script src="${gatewayUrl}/widget.js" data-smartdesk data-language="en" async></script></body></html>`;
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The assistant's chat in Chromium: in the portal, and as the widget on another site, against the real gateway and rag-worker. */
describe('assistant in a browser', () => {
  let env: TestEnvironment;
  let apps: AppProcess[] = [];
  let baseUrl: string;
  let password: string;
  let browser: Browser;
  let allowedSite: { server: Server; url: string };
  let otherSite: { server: Server; url: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment('browser_assistant');
    env.vars.PORT = String(await freePort());
    baseUrl = `http://127.0.0.1:${env.vars.PORT}`;
    [allowedSite, otherSite] = await Promise.all([hostSite(baseUrl), hostSite(baseUrl)]);
    env.vars.WIDGET_ALLOWED_ORIGINS = allowedSite.url;
    browser = await launchBrowser();
    apps = await startApps(['gateway', 'rag-worker'], env.vars);
    ({ password } = await seedDemoAccounts(env.vars));
  }, 200_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await stopAll(apps);
    await Promise.all([allowedSite, otherSite].map((site) => site && new Promise((resolve) => site.server.close(resolve))));
    await env?.cleanup();
  });

  async function pageAs(email: string | undefined, url = baseUrl): Promise<Page> {
    const context = await newContext(browser, url);
    contexts.push(context);
    const page = await context.newPage();
    if (email) await signIn(page, email, password);
    return page;
  }

  it('answers a signed-in customer in the portal with a streamed, machine-written, cited reply, and opens a ticket with the transcript', async () => {
    const customer = await pageAs(CUSTOMER);
    await customer.goto('/portal/tickets');
    await customer.getByRole('button', { name: 'Ask our assistant' }).click();
    const panel = customer.getByRole('dialog', { name: 'Smartdesk assistant' });
    const streamed = customer.waitForResponse((response) => response.url().endsWith('/messages') && response.request().method() === 'POST');
    await panel.getByLabel('Your question').fill(QUESTION);
    await panel.getByLabel('Your question').press('Enter');
    expect((await streamed).headers()['content-type']).toMatch(/^text\/event-stream/);

    const answer = panel.getByRole('article', { name: 'Assistant' }).filter({ hasText: 'Forgot password?' });
    await answer.waitFor({ timeout: 40_000 });
    await answer.getByText('Machine-written').waitFor();
    expect(await answer.getByText(/^Confidence \d+%$/).textContent()).toMatch(/\d+%/);
    await answer.getByText('Source: rules').or(answer.getByText('Source: model')).first().waitFor();
    const citation = answer.getByRole('list', { name: 'Sources' }).getByRole('button').first();
    await expect(citation.textContent()).resolves.toMatch(/password/i);

    await answer.scrollIntoViewIfNeeded();
    await screenshot(customer, 'portal-assistant');
    await citation.click();
    const article = customer.getByRole('dialog', { name: /password/i }).last();
    await article.getByText('Forgot password?').first().waitFor();
    expect(await seriousViolations(customer)).toEqual([]);
    await article.getByRole('button', { name: 'Close the article' }).click();

    await panel.getByRole('button', { name: 'Open a ticket' }).click();
    await panel.getByRole('status').filter({ hasText: 'Ticket opened' }).waitFor({ timeout: 30_000 });
    const ticketPath = await panel.getByRole('link', { name: 'Follow your ticket' }).getAttribute('href');
    expect(await seriousViolations(customer)).toEqual([]);

    await panel.getByRole('button', { name: 'Close the assistant' }).click();
    const row = customer.getByRole('row').filter({ hasText: QUESTION });
    await row.waitFor();
    expect(await row.getByRole('link').getAttribute('href')).toBe(ticketPath);
    const customerApi = await new ApiClient(baseUrl).signIn(CUSTOMER, password);
    const ticket = (await customerApi.get(`/api/tickets/${ticketPath!.split('/').pop()}`)).body;
    expect(ticket).toMatchObject({ subject: QUESTION, channel: 'chat' });
    expect(ticket.description).toContain(QUESTION);
    expect(ticket.description).toContain('Forgot password?');
    expect(await missingKeys(customer)).toEqual([]);
  }, 150_000);

  it('runs as a widget on an allowed site: opens, answers an anonymous visitor, and asks their contact before a ticket', async () => {
    const visitor = await pageAs(undefined, allowedSite.url);
    await visitor.goto('/');
    const launcher = visitor.getByRole('button', { name: 'Ask our assistant' });
    await launcher.click();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    const chat = visitor.frameLocator('iframe[title="Ask our assistant"]');
    await chat.getByLabel('Your question').fill(QUESTION);
    // Inside the cross-origin frame the keyboard drives the buttons (playwright's hit test of an out-of-process frame never settles here).
    await chat.getByRole('button', { name: 'Send' }).press('Enter');
    const answer = chat.getByRole('article', { name: 'Assistant' }).filter({ hasText: 'Forgot password?' });
    await answer.waitFor({ timeout: 40_000 });
    await answer.getByText('Machine-written').waitFor();
    await answer.getByRole('list', { name: 'Sources' }).getByRole('button').first().waitFor();
    await answer.scrollIntoViewIfNeeded();
    await screenshot(visitor, 'widget');

    await chat.getByRole('button', { name: 'Talk to a human' }).press('Enter');
    const contact = chat.getByRole('form', { name: 'Your contact details' });
    await contact.getByLabel('Name').fill('Robin Example');
    await contact.getByLabel('Email').fill('robin@example.com');
    await contact.getByRole('button', { name: 'Continue' }).press('Enter');
    await chat.getByRole('status').filter({ hasText: 'A person will take over' }).waitFor({ timeout: 30_000 });

    // The anonymous conversation's token is the tab's: after a reload the conversation is still there.
    await visitor.reload();
    await visitor.getByRole('button', { name: 'Ask our assistant' }).click();
    await chat.getByRole('article', { name: 'Assistant' }).filter({ hasText: 'Forgot password?' }).waitFor();
    expect(await seriousViolations(visitor)).toEqual([]);
  }, 150_000);

  it('lets only the allowed sites frame the chat, serves widget.js as a script, and explains a refusal in the console', async () => {
    const embed = await fetch(`${baseUrl}/assistant/embed`, { headers: { accept: 'text/html' } });
    expect(embed.headers.get('content-security-policy')).toContain(`frame-ancestors ${allowedSite.url}`);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const portal = await fetch(`${baseUrl}/portal`, { headers: { accept: 'text/html' } });
    expect(portal.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(portal.headers.get('x-frame-options')).toBe('DENY');
    const widget = await fetch(`${baseUrl}/widget.js`);
    expect(widget.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
    expect(widget.headers.get('access-control-allow-origin')).toBeNull();

    const visitor = await pageAs(undefined, otherSite.url);
    const warnings: string[] = [];
    visitor.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await visitor.goto('/');
    await visitor.getByRole('button', { name: 'Ask our assistant' }).click();
    await waitFor(async () => warnings.find((text) => text.includes('WIDGET_ALLOWED_ORIGINS')), 15_000, 'the widget to explain the refusal');
    expect(warnings.join('\n')).toContain(otherSite.url);
  });
});
