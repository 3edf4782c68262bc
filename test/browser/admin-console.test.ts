import type { Browser, Page } from 'playwright-core';
import { ApiClient, sampleTicket } from '../support/api-client';
import { launchChromium, missingI18nKeys, screenshot, seriousA11yViolations, signedInPage } from '../support/browser-console';
import { ADMIN } from '../support/demo-accounts';
import { waitFor } from '../support/wait-for';
import { GatewaySuite, startGatewaySuite } from '../integration/helpers/gateway-suite';

const CARE_MANAGER = 'care.manager@smartdesk.example';

// Chromium, axe-core and the apps share a small machine: a screen's checks take seconds under load.
jest.setTimeout(120_000);

const ARTICLE = {
  title: 'Quarvel loyalty points expired',
  body: 'Quarvel loyalty points expire after 18 months without a purchase.\n\n1. Open Account, then Quarvel points, to see the expiry date.\n2. Ask us within 30 days to reinstate expired points.',
  category: 'billing',
  language: 'en',
  tags: ['loyalty'],
};
const ARTICLE_ID = 'billing/quarvel-loyalty-points-expired';

/** Every main screen passes axe-core without serious or critical findings, asks only for translated strings, and is saved as a screenshot. */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect({ name, violations: await seriousA11yViolations(page) }).toEqual({ name, violations: [] });
  expect({ name, missing: await missingI18nKeys(page) }).toEqual({ name, missing: [] });
  await screenshot(page, name);
}

/**
 * The managers' and admins' screens in Chromium against the real gateway and rag-worker (Postgres, Redis,
 * Chroma): kb editing reaches suggestions, a manager's report counts the test's tickets, every screen is accessible.
 */
describe('admin console in the browser', () => {
  let suite: GatewaySuite;
  let browser: Browser;
  let admin: ApiClient;
  let adminPage: Page;

  beforeAll(async () => {
    [suite, browser] = await Promise.all([startGatewaySuite('browser_admin', { workers: ['rag-worker'] }), launchChromium()]);
    admin = suite.as[ADMIN];
    adminPage = await signedInPage(browser, suite.api.baseUrl, ADMIN, suite.password);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
  });

  /** Asks for a fresh suggested response on a ticket and returns it once ready. */
  const suggest = async (ticketId: string): Promise<{ body: string; sources: { articleId?: string }[] }> => {
    const requested = await admin.post(`/api/tickets/${ticketId}/response`);
    expect(requested.status).toBe(202);
    return waitFor(
      async () => {
        const { status, body } = await admin.get(requested.body.location);
        return status === 200 ? body.response : undefined;
      },
      10_000,
      'a suggested response',
    );
  };

  it('an admin edits a kb article (a stale save shows the conflict) and a new suggestion cites the new text', async () => {
    const ticket = await suite.api.post(
      '/api/tickets',
      sampleTicket({ subject: 'My Quarvel loyalty points expired', description: 'All my Quarvel loyalty points expired last week. Can you reinstate them?' }),
    );
    expect((await admin.post('/api/kb/articles', ARTICLE)).status).toBe(201);
    await waitFor(async () => (await suggest(ticket.body.id)).sources[0]?.articleId === ARTICLE_ID, 15_000, 'the article cited before the edit');

    const page = adminPage;
    await page.goto('/kb');
    await page.getByRole('link', { name: ARTICLE.title }).waitFor();
    await checkScreen(page, 'kb-list');
    await page.getByRole('searchbox', { name: 'Search titles and text' }).fill('Quarvel');
    await page.getByRole('link', { name: ARTICLE.title }).click();
    await page.getByRole('heading', { name: 'Versions' }).waitFor();
    await checkScreen(page, 'kb-article');

    await page.getByRole('link', { name: 'Edit' }).click();
    const body = page.getByRole('textbox', { name: 'Text' });
    await body.fill(ARTICLE.body.replace('within 30 days', 'within 45 days'));
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText('within 45 days').waitFor();
    await checkScreen(page, 'kb-editor');

    // Someone else saves first: the browser's save is refused with 409 and says so.
    expect((await admin.put(`/api/kb/articles/${encodeURIComponent(ARTICLE_ID)}`, { version: 1, tags: ['loyalty', 'points'] })).status).toBe(200);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone changed this article' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Someone changed this article' }).innerText()).toContain('version 2');
    await page.getByRole('button', { name: 'Reload the article' }).click();
    await page.getByText('You are editing version 2.').waitFor();

    await page.getByRole('textbox', { name: 'Text' }).fill(ARTICLE.body.replace('within 30 days', 'within 45 days'));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`**/kb/article/${ARTICLE_ID}`);
    await page.getByText('Version 3, changed by').waitFor();

    const cited = await waitFor(
      async () => {
        const reply = await suggest(ticket.body.id);
        return reply.sources[0]?.articleId === ARTICLE_ID && reply.body.includes('within 45 days') ? reply : undefined;
      },
      15_000,
      'the edited text in a new suggestion',
    );
    expect(cited.body).not.toContain('within 30 days');
  });

  it('kb upload lists every problem of a refused upload; near duplicates and file articles are shown read-only', async () => {
    const page = adminPage;
    await page.goto('/kb/upload');
    await page.getByRole('textbox', { name: 'Content' }).fill(JSON.stringify({ title: '', body: 'short', category: 'billing', language: 'EN' }));
    await page.getByRole('button', { name: 'Upload' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Nothing was uploaded' });
    await refused.waitFor();
    expect(await refused.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    await checkScreen(page, 'kb-upload');

    await page.goto('/kb/duplicates');
    await page.getByRole('slider').waitFor();
    await page.getByRole('table').or(page.getByText('No near duplicates at this similarity.')).first().waitFor();
    await checkScreen(page, 'kb-duplicates');

    await page.goto('/kb/article/billing/charged-twice');
    await page.getByText('It is edited in kb/billing/charged-twice.md').waitFor();
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
  });

  it("a manager's report counts exactly the tickets created here for their department", async () => {
    const teams: { id: string; name: string }[] = (await admin.get('/api/teams')).body;
    const teamId = (name: string) => teams.find((team) => team.name === name)!.id;
    const assign = async (team: string, subject: string) => {
      const created = await suite.api.post('/api/tickets', sampleTicket({ subject, description: `${subject}: please help with this.` }));
      const { body } = await admin.get(`/api/tickets/${created.body.id}`);
      expect((await admin.patch(`/api/tickets/${created.body.id}`, { version: body.version, teamId: teamId(team), priority: 'high' })).status).toBe(200);
    };
    // Before: the tickets of earlier tests (no team) are in no department.
    const before = (await suite.as[CARE_MANAGER].get('/api/stats')).body.tickets;
    for (const subject of ['Invoice shows the wrong VAT', 'Refund not received', 'Card charged twice']) await assign('Billing', subject);
    await assign('IT Service Desk', 'VPN drops every hour');

    const page = await signedInPage(browser, suite.api.baseUrl, CARE_MANAGER, suite.password);
    await page.goto('/reports');
    const tickets = page.getByRole('region', { name: 'Tickets', exact: true });
    await tickets.waitFor();
    expect(await tickets.innerText()).toMatch(new RegExp(`^Tickets\\s+${before + 3}\\s+Customer Care`));
    await page.getByRole('region', { name: 'By priority' }).getByText('high').waitFor();
    await checkScreen(page, 'reports-manager');
    await page.context().close();

    await adminPage.goto('/reports');
    await adminPage.getByRole('region', { name: 'Tickets', exact: true }).waitFor();
    expect(await adminPage.getByRole('region', { name: 'Tickets', exact: true }).innerText()).toMatch(/^Tickets\s+\d+\s+All departments/);
    await checkScreen(adminPage, 'reports-admin');
  });

  it('users: an admin marks an agent away and back, and opens the edit dialog', async () => {
    const page = adminPage;
    await page.goto('/admin');
    await page.getByRole('row', { name: /Ben Agent/ }).waitFor();
    await checkScreen(page, 'admin-users');
    await page.getByRole('button', { name: 'Mark Ben Agent away' }).click();
    await page
      .getByRole('row', { name: /Ben Agent/ })
      .getByText('Away', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Mark Ben Agent back' }).click();
    await page
      .getByRole('row', { name: /Ben Agent/ })
      .getByText('Active', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Edit Ben Agent' }).click();
    await page.getByRole('dialog').waitFor();
    await checkScreen(page, 'admin-user-edit');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('teams and routing rules are listed and reachable from the admin navigation', async () => {
    const page = adminPage;
    await page.goto('/admin/users');
    await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('button', { name: 'Edit team IT Service Desk' }).waitFor();
    await checkScreen(page, 'admin-teams');

    await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Routing rules' }).click();
    await page.getByRole('combobox', { name: 'Team for Billing & payments' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Team for Billing & payments' }).inputValue()).toBe('Billing');
    await checkScreen(page, 'admin-routing');
  });

  it('api keys: a created key is shown once and works until revoked', async () => {
    const page = adminPage;
    await page.goto('/admin/api-keys');
    await page.getByRole('textbox', { name: 'Name' }).fill('Helpdesk bridge');
    await page.getByRole('combobox', { name: 'Acts as' }).click();
    await page.getByRole('option', { name: /Ada Admin/ }).click();
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = (await page.getByTestId('created-api-key').innerText()).trim();
    await checkScreen(page, 'admin-api-key-created');
    const withKey = { headers: { 'x-api-key': key } };
    expect((await fetch(`${suite.api.baseUrl}/api/teams`, withKey)).status).toBe(200);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Revoke Helpdesk bridge' }).click();
    await page.getByRole('button', { name: 'Revoke now' }).click();
    await page.getByText(/^revoked /).waitFor();
    expect((await fetch(`${suite.api.baseUrl}/api/teams`, withKey)).status).toBe(401);
    await checkScreen(page, 'admin-api-keys');
  });

  it('models show the version in use; the audit log lists changes', async () => {
    const page = adminPage;
    await page.goto('/admin/models');
    await page.getByRole('heading', { name: 'Sentiment' }).waitFor();
    await page.getByText("In use: the taxonomy's few-shot model (version 0).").waitFor();
    await checkScreen(page, 'admin-models');

    await page.goto('/admin/audit');
    await page.getByText(/^\d+ changes$/).waitFor();
    await checkScreen(page, 'admin-audit');
  });
});
