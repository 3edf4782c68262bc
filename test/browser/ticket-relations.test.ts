import type { Page } from 'playwright-core';
import { Db } from '../integration/helpers/database';
import { ApiClient } from '../support/api-client';
import { waitFor } from '../support/wait-for';
import { missingKeys, screenshot, seriousViolations } from './support/browser';
import { BrowserSuite, startBrowserSuite } from './support/browser-suite';

const ADMIN = 'admin@smartdesk.example';
const CUSTOMER = 'jamie@example.com';
const CARD = '4111 1111 1111 1111';

/**
 * The agent ticket view's attachments, Related panel, sensitive reveal and version conflicts, and the portal's
 * attachments, in Chromium against the real gateway, Postgres and Redis (no triage needed: workers stay off).
 */
describe('ticket relations, attachments and conflicts in a browser', () => {
  let suite: BrowserSuite;
  let baseUrl: string;
  let customerApi: ApiClient;
  let adminApi: ApiClient;

  beforeAll(async () => {
    suite = await startBrowserSuite('browser_relations', ['gateway']);
    baseUrl = suite.baseUrl;
    [customerApi, adminApi] = await Promise.all([suite.api.signIn(CUSTOMER, suite.password), suite.api.signIn(ADMIN, suite.password)]);
  }, 200_000);

  afterEach(() => suite.closePages());

  afterAll(() => suite?.stop());

  const pageAs = (email: string) => suite.pageAs(email);

  async function customerTicket(subject: string, description: string): Promise<{ id: string; number: number }> {
    const created = await customerApi.post('/api/tickets', { subject, description });
    expect(created.status).toBe(201);
    return created.body;
  }

  /** Picks files through the file chooser the labelled field opens, as a person would. */
  async function attach(page: Page, scope: ReturnType<Page['getByRole']> | Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
    const chooser = page.waitForEvent('filechooser');
    await scope.getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles(files);
  }

  it('lists likely duplicates from the rules, links, uploads (refusing a wrong type clearly), and merges with a confirmation', async () => {
    const first = await customerTicket('Charged twice for order 5521', 'My card was charged twice for order 5521 yesterday, please refund the duplicate charge.');
    const duplicate = await customerTicket('Order 5521 charged twice', 'I see two charges for order 5521 on my card; please refund one duplicate charge.');
    const other = await customerTicket('Printer on floor 3 jams', 'The printer on floor 3 jams on every page.');
    const page = await pageAs(ADMIN);
    await page.goto(`/tickets/${duplicate.id}`);
    const related = page.getByRole('region', { name: 'Related' });
    await related.getByText('Suggested by rules').waitFor();
    const suggestion = related.getByRole('listitem').filter({ hasText: `#${first.number}` });
    await expect(suggestion.getByText(/Confidence \d+%/).textContent()).resolves.toMatch(/Confidence \d+%/);
    await expect(suggestion.getByText('Source: rules').count()).resolves.toBe(1);

    // Link the unrelated ticket found by its words, then remove the link again.
    await related.getByLabel('Link a ticket').fill('printer floor');
    await page.getByRole('option', { name: new RegExp(`#${other.number} Printer`) }).click();
    await related.getByRole('button', { name: 'Link', exact: true }).click();
    await related.getByRole('link', { name: `#${other.number} Printer on floor 3 jams` }).waitFor();
    expect((await adminApi.get(`/api/tickets/${other.id}`)).body.relations.links).toMatchObject([{ id: duplicate.id }]);

    const files = page.getByRole('region', { name: 'Attachments' });
    await attach(page, files, [{ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('Receipt for order 5521') }]);
    await files.getByRole('button', { name: 'Upload' }).click();
    await files.getByRole('link', { name: 'receipt.txt' }).waitFor();
    await attach(page, files, [{ name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') }]);
    await files.getByRole('button', { name: 'Upload' }).click();
    await files.getByText(/File type not allowed: .+/).waitFor();
    expect((await adminApi.get(`/api/tickets/${duplicate.id}/attachments`)).body.map((file: { filename: string }) => file.filename)).toEqual(['receipt.txt']);

    expect(await seriousViolations(page)).toEqual([]);
    await related.scrollIntoViewIfNeeded();
    await screenshot(page, 'agent-ticket-related');

    await related.getByRole('button', { name: `Merge into #${first.number}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge tickets' });
    await dialog.getByText(`Merge #${duplicate.number} into #${first.number}`, { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: `Merge into #${first.number}` }).click();
    await related.getByRole('link', { name: `#${first.number} Charged twice for order 5521` }).waitFor();
    await related.getByText('Merged into').waitFor();
    const merged = (await adminApi.get(`/api/tickets/${duplicate.id}`)).body;
    expect(merged).toMatchObject({ status: 'closed', relations: { mergedInto: { id: first.id } } });
    // Admins may undo it.
    await related.getByRole('button', { name: 'Undo the merge' }).click();
    await waitFor(async () => (await adminApi.get(`/api/tickets/${duplicate.id}`)).body.relations.mergedInto === null, 10_000, 'the merge to be undone');
    expect(await missingKeys(page)).toEqual([]);
  });

  it('shows a merge refused because the ticket changed meanwhile, and moves nothing', async () => {
    const target = await customerTicket('Cannot log in to my account', 'The login page says my password is wrong since this morning.');
    const duplicate = await customerTicket('Login to my account fails', 'Since this morning the login page says my password is wrong.');
    const page = await pageAs(ADMIN);
    // Without its live stream the page keeps the version it loaded, as a slower network would: the change below stays unseen.
    await page.route('**/api/events', (route) => route.abort());
    await page.goto(`/tickets/${duplicate.id}`);
    const related = page.getByRole('region', { name: 'Related' });
    await related.getByRole('button', { name: `Merge into #${target.number}` }).click();
    // Someone else changes the ticket while the dialog is open.
    const { version } = (await adminApi.get(`/api/tickets/${duplicate.id}`)).body;
    expect((await adminApi.patch(`/api/tickets/${duplicate.id}`, { version, priority: 'high' })).status).toBe(200);
    const dialog = page.getByRole('dialog', { name: 'Merge tickets' });
    await dialog.getByRole('button', { name: `Merge into #${target.number}` }).click();
    await dialog
      .getByRole('alert')
      .getByText(/Not merged: someone changed one of the tickets first/)
      .waitFor();
    expect((await adminApi.get(`/api/tickets/${duplicate.id}`)).body).toMatchObject({ status: 'new', priority: 'high', relations: { mergedInto: null } });
  });

  it('reveals masked data to an admin on request, saying the reveal is audited', async () => {
    const ticket = await customerTicket('Payment failed', `My card ${CARD} was declined twice today.`);
    const page = await pageAs(ADMIN);
    await page.goto(`/tickets/${ticket.id}`);
    await expect(page.getByText(CARD).count()).resolves.toBe(0);
    const sensitive = page.getByRole('region', { name: 'Sensitive data' });
    await sensitive.getByRole('button', { name: 'Reveal sensitive data' }).click();
    await sensitive.getByText('This reveal was recorded in the audit log with your name.').waitFor();
    await expect(sensitive.getByText(CARD, { exact: false }).count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('renders a suggested reply as markdown, never as raw HTML', async () => {
    const ticket = await customerTicket('Refund for order 7781', 'Please refund order 7781.');
    const db = await Db.connect(suite.databaseUrl);
    try {
      // What the rag worker writes (it is off here): a reply in markdown, with HTML a model might echo back.
      await db.rows(`INSERT INTO ticket_responses (ticket_id, revision, body, language, confidence, source, needs_human, sources) VALUES ($1, 1, $2, 'en', 0.8, 'rules', false, '[]')`, [
        ticket.id,
        'Hi Jamie,\n\nYour **refund** is on its way:\n\n- order 7781\n\n<img src="x" alt="injected">',
      ]);
    } finally {
      await db.end();
    }
    const page = await pageAs(ADMIN);
    await page.goto(`/tickets/${ticket.id}`);
    const suggestion = page.getByRole('region', { name: 'Suggested reply' });
    await suggestion.getByText('refund', { exact: true }).waitFor();
    await expect(suggestion.getByText('refund', { exact: true }).evaluate((node) => (node as unknown as { tagName: string }).tagName)).resolves.toBe('STRONG');
    await expect(suggestion.getByRole('listitem').filter({ hasText: 'order 7781' }).count()).resolves.toBe(1);
    await expect(suggestion.getByText(/\*\*/).count()).resolves.toBe(0);
    await expect(suggestion.getByRole('img').count()).resolves.toBe(0);
  });

  it('without an LLM, the assist buttons say why and turn off after the first answer', async () => {
    const ticket = await customerTicket('Parcel not here', 'Where is my parcel?');
    const page = await pageAs(ADMIN);
    await page.goto(`/tickets/${ticket.id}`);
    const summary = page.getByRole('region', { name: 'Thread summary' });
    await summary.getByRole('button', { name: 'Summarize thread' }).click();
    await summary.getByText(/^No LLM is configured on the server/).waitFor();
    expect(await summary.getByRole('button', { name: 'Summarize thread' }).isDisabled()).toBe(true);
    // Every other assist button learns it too, without asking the gateway again.
    expect(await page.getByRole('article', { name: 'Request' }).getByRole('button', { name: 'Translate' }).isDisabled()).toBe(true);
    expect(await page.getByRole('region', { name: 'Machine translation' }).count()).toBe(0);
  });

  it('two sessions edit one ticket: the second sees the conflict and the first change is not overwritten', async () => {
    const ticket = await customerTicket('Wrong size delivered', 'I ordered a medium shirt and received a large one.');
    const [first, second] = await Promise.all([pageAs(ADMIN), pageAs(ADMIN)]);
    // The second session's live stream is down (a proxy dropping it, a flaky network): its screen keeps version 1,
    // as any screen does between a colleague's change and the live event, and only the version check stands between.
    await second.route('**/api/events', (route) => route.abort());
    await Promise.all([first.goto(`/tickets/${ticket.id}`), second.goto(`/tickets/${ticket.id}`)]);
    await Promise.all([first.getByText('Version 1').waitFor(), second.getByText('Version 1').waitFor()]);

    await first.getByRole('region', { name: 'Status and routing' }).getByLabel('Priority').click();
    await first.getByRole('option', { name: 'Urgent' }).click();
    await first.getByText('Version 2').waitFor();

    await second.getByRole('region', { name: 'Status and routing' }).getByLabel('Priority').click();
    await second.getByRole('option', { name: 'Low' }).click();
    await second.getByRole('alert').filter({ hasText: 'Someone else changed this ticket' }).waitFor();
    await expect(second.getByRole('alert').filter({ hasText: 'version 2' }).count()).resolves.toBe(1);
    expect((await adminApi.get(`/api/tickets/${ticket.id}`)).body).toMatchObject({ priority: 'urgent', version: 2 });

    await second.getByRole('button', { name: 'Reload' }).click();
    await second.getByText('Version 2').waitFor();
  });

  it('a customer attaches files to a new request and a reply, and sees none of an internal note', async () => {
    const page = await pageAs(CUSTOMER);
    await page.goto('/portal');
    const form = page.getByRole('form', { name: 'New request' });
    await form.getByLabel('Subject').fill('Broken lamp shade');
    await form.getByLabel('Description').fill('The lamp arrived with a cracked shade, photo attached.');
    await attach(page, form, [{ name: 'shade.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') }]);
    await form.getByRole('button', { name: 'Send request' }).click();
    const ticketPath = await page.getByRole('link', { name: 'Follow your request' }).getAttribute('href');
    const ticketId = ticketPath!.split('/').pop()!;

    // Staff add a file to an internal note: it stays off the portal.
    const note = await adminApi.post(`/api/tickets/${ticketId}/messages`, { body: 'Carrier claim filed', internal: true });
    const internal = new FormData();
    internal.append('messageId', note.body.id);
    internal.append('files', new Blob(['claim 77'], { type: 'text/plain' }), 'carrier-claim.txt');
    const uploaded = await fetch(`${baseUrl}/api/tickets/${ticketId}/attachments`, { method: 'POST', headers: adminApi.credentials, body: internal });
    expect(uploaded.status).toBe(201);

    await page.goto(ticketPath!);
    const attachments = page.getByRole('region', { name: 'Attachments' });
    await attachments.getByRole('link', { name: 'shade.png' }).waitFor();
    await page.getByLabel('Your reply').fill('Here is the box as well.');
    await attach(page, page, [{ name: 'box.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a00', 'hex') }]);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await attachments.getByRole('link', { name: 'box.png' }).waitFor();
    await expect(attachments.getByRole('link', { name: 'carrier-claim.txt' }).count()).resolves.toBe(0);
    const files = (await adminApi.get(`/api/tickets/${ticketId}/attachments`)).body as { filename: string; messageId: string | null }[];
    expect(files.find((file) => file.filename === 'box.png')?.messageId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));

    // A file over the type list is refused at the field, and the reply text was still sent.
    await attach(page, page, [{ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') }]);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText(/File type not allowed: .+/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'portal-attachments');
    expect(await missingKeys(page)).toEqual([]);
  });
});
