import { Db } from '../integration/helpers/database';
import { ApiClient } from '../support/api-client';
import { fakeAssistant, FakeOpenAI, startFakeOpenAI, systemPrompt } from '../support/fake-openai-server';
import { waitFor } from '../support/wait-for';
import { missingKeys, screenshot, seriousViolations } from './support/browser';
import { BrowserSuite, startBrowserSuite } from './support/browser-suite';

const API_KEY = 'sk-browser-assist';
const ADMIN = 'admin@smartdesk.example';
const CUSTOMER = 'jamie@example.com';

/**
 * The agent's machine translation and thread summary (against an OpenAI-compatible chat server on loopback),
 * triage explanations and escalation reasons in the reader's language, the inbox's "breaching soon" view and category names, in Chromium
 * against the real gateway, Postgres and Redis. No workers: what triage would record (language, category, an
 * escalation, an SLA clock at risk) is written to the database.
 */
describe('agent workspace: assist, escalation reasons, breaching soon and category names in a browser', () => {
  let openai: FakeOpenAI;
  let suite: BrowserSuite;
  let db: Db;
  let customerApi: ApiClient;

  beforeAll(async () => {
    openai = await startFakeOpenAI(API_KEY);
    openai.scriptChat(fakeAssistant);
    suite = await startBrowserSuite('browser_workspace', ['gateway'], {
      LLM_PROVIDER: 'openai',
      LLM_MODEL: 'fake-chat',
      LLM_TIMEOUT_MS: '5000',
      OPENAI_BASE_URL: openai.url,
      OPENAI_API_KEY: API_KEY,
    });
    db = await Db.connect(suite.databaseUrl);
    customerApi = await suite.api.signIn(CUSTOMER, suite.password);
  }, 200_000);

  afterEach(() => suite.closePages());

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
    await openai?.close();
  });

  async function customerTicket(subject: string, description: string): Promise<string> {
    const created = await customerApi.post('/api/tickets', { subject, description });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it("translates the customer's messages and the agent's reply, and summarizes the thread, each marked machine-written", async () => {
    const id = await customerTicket('Paket nicht angekommen', 'Mein Paket ist seit zwei Wochen nicht angekommen.');
    expect((await customerApi.post(`/api/tickets/${id}/messages`, { body: 'Bitte prüfen Sie die Sendungsnummer 4711.' })).status).toBe(201);
    await db.rows(`UPDATE tickets SET language = 'de' WHERE id = $1`, [id]);

    const page = await suite.pageAs(ADMIN);
    await page.goto(`/tickets/${id}`);
    const opening = page.getByRole('article', { name: 'Request' });
    await opening.getByRole('button', { name: 'Translate' }).click();
    const openingTranslation = opening.getByRole('region', { name: 'Machine translation' });
    await openingTranslation.getByText(/^\[English\] Paket nicht angekommen/).waitFor();
    for (const mark of ['Machine-written', 'Model: fake-chat', 'Source: LLM', 'Confidence: not rated']) await openingTranslation.getByText(mark).waitFor();

    const followUp = page.getByRole('article', { name: 'Customer' });
    await followUp.getByRole('button', { name: 'Translate' }).click();
    await followUp.getByRole('region', { name: 'Machine translation' }).getByText('[English] Bitte prüfen Sie die Sendungsnummer 4711.').waitFor();

    const reply = page.getByRole('textbox', { name: 'Reply to the customer' });
    await reply.fill('We are checking tracking number 4711.');
    await page.getByRole('button', { name: 'Translate my reply into German' }).click();
    const replyTranslation = page.getByRole('region', { name: 'Your reply in German' });
    await replyTranslation.getByText('[German] We are checking tracking number 4711.').waitFor();
    await replyTranslation.getByText('Machine-written').waitFor();
    await replyTranslation.getByRole('button', { name: 'Use this translation' }).click();
    expect(await reply.inputValue()).toBe('[German] We are checking tracking number 4711.');

    const summary = page.getByRole('region', { name: 'Thread summary' });
    await summary.getByRole('button', { name: 'Summarize thread' }).click();
    const summaryText = summary.getByRole('region', { name: /^Summary for staff/ });
    await summaryText.getByText('Summary of 2 messages.').waitFor();
    await summaryText.getByText('Machine-written').waitFor();

    // Each text went to the model once, into the language the screen asked for.
    const instructions = openai.chatRequests.map(systemPrompt);
    expect(instructions.filter((text) => text.includes('into English.'))).toHaveLength(2);
    expect(instructions.filter((text) => text.includes('into German.'))).toHaveLength(1);
    expect(instructions.filter((text) => text.includes('You summarize'))).toHaveLength(1);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'agent-ticket-assist');
  }, 90_000);

  it("names the escalation reasons in the reader's language from their figures; a reason stored without them keeps its English detail", async () => {
    const id = await customerTicket('Wo bleibt mein Paket?', 'Ich schreibe jetzt zum dritten Mal, das ist eine Frechheit!');
    // What the escalation worker records; the last reason as stored before reasons carried their figures.
    const decision = {
      escalate: true,
      level: 2,
      confidence: 0.7,
      source: 'rules',
      reasons: [
        { rule: 'negative-high-priority', detail: 'negative sentiment (-0.62) on a high-priority ticket', params: { score: -0.62, priority: 'high' } },
        { rule: 'repeat-contact', detail: '2 other tickets from this customer in the last 7 days', params: { count: 2, days: 7 } },
        { rule: 'low-response-confidence', detail: 'suggested reply confidence 0.31' },
      ],
    };
    await db.rows(`INSERT INTO ticket_stage_results (ticket_id, stage, revision, result, confidence, source, duration_ms) VALUES ($1, 'escalation', 1, $2, 0.7, 'rules', 3)`, [id, decision]);

    const page = await suite.pageAs(ADMIN);
    await page.goto(`/tickets/${id}`);
    await page.getByRole('region', { name: 'Triage' }).getByText('Unhappy customer, high priority (sentiment -0.62, priority High)').waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    const triage = page.getByRole('region', { name: 'Vorsortierung' });
    await triage.getByText('Unzufriedener Kunde, hohe Priorität (Stimmung -0,62, Priorität Hoch)').waitFor();
    await triage.getByText('Hat schon einmal geschrieben (2 weitere Tickets in den letzten 7 Tagen)').waitFor();
    await triage.getByText('Keine verlässliche Antwort (suggested reply confidence 0.31)').waitFor();
    expect(await missingKeys(page)).toEqual([]);
  }, 60_000);

  it("explains the category and the priority in the reader's language: matched words as typed, an LLM's reason as written, the model's category by name", async () => {
    const judged = await customerTicket('Doppelt bezahlt', 'Sie haben mir die Rechnung doppelt abgebucht, heute brauche ich das Geld zurück.');
    const matched = await customerTicket('Rechnung doppelt', 'Die Rechnung wurde doppelt abgebucht.');
    // What the categorization worker records: an LLM's verdict over the model's, and the model's own choice.
    const priority = {
      level: 'high',
      confidence: 0.9,
      source: 'rules',
      reasons: ['category severity medium', 'money taken twice', 'deadline'],
      reasonCodes: [{ code: 'category-severity', params: { severity: 'medium' } }, { code: 'money-taken-twice' }, { code: 'deadline' }],
    };
    const results = {
      [judged]: {
        category: 'billing',
        confidence: 0.8,
        source: 'llm',
        modelVersion: 0,
        needsReview: false,
        explanation: ['LLM: the customer was charged twice', 'model v0 said returns_refunds (31%)'],
        judged: { reason: 'the customer was charged twice', modelVersion: 0, category: 'returns_refunds', confidence: 0.31 },
        alternatives: [],
        priority,
      },
      [matched]: {
        category: 'billing',
        confidence: 0.7,
        source: 'model',
        modelVersion: 0,
        needsReview: false,
        explanation: ['matched "doppelt"'],
        matchedTerms: ['doppelt'],
        alternatives: [],
        priority,
      },
    };
    for (const [id, result] of Object.entries(results)) {
      await db.rows(`INSERT INTO ticket_stage_results (ticket_id, stage, revision, result, confidence, source, duration_ms) VALUES ($1, 'categorization', 1, $2, $3, $4, 3)`, [
        id,
        result,
        result.confidence,
        result.source,
      ]);
    }

    const page = await suite.pageAs(ADMIN);
    await page.goto(`/tickets/${judged}`);
    await page.getByRole('region', { name: 'Triage' }).getByText('Model v0 said Returns & refunds (31%)').waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    let triage = page.getByRole('region', { name: 'Vorsortierung' });
    await triage.getByText('LLM: the customer was charged twice').waitFor();
    await triage.getByText('Modell v0 hatte Rücksendungen & Erstattungen erkannt (31\u00a0%)').waitFor();
    await triage.getByText('Schweregrad der Kategorie: mittel').waitFor();
    await triage.getByText('Doppelt abgebucht').waitFor();
    await triage.getByText('Frist oder Dringlichkeit').waitFor();
    await page.goto(`/tickets/${matched}`);
    triage = page.getByRole('region', { name: 'Vorsortierung' });
    await triage.getByText('Treffer: „doppelt“').waitFor();
    expect(await missingKeys(page)).toEqual([]);
  }, 60_000);

  it('"Breaching soon" and the "SLA at risk" chip list only tickets whose SLA is at risk; categories show by name', async () => {
    const atRisk = await customerTicket('Parcel late, clock running out', 'My parcel is a week late.');
    const safe = await customerTicket('Invoice copy please', 'Could you send me a copy of my invoice?');
    // What the categorization worker and the escalation worker's SLA checkpoint record.
    await db.rows(`UPDATE tickets SET category = CASE WHEN id = $1 THEN 'shipping' ELSE 'billing' END WHERE id = ANY($2)`, [atRisk, [atRisk, safe]]);
    await db.rows(`UPDATE sla_clocks SET at_risk_at = now() WHERE ticket_id = $1 AND metric = 'resolution'`, [atRisk]);

    const page = await suite.pageAs(ADMIN);
    await page.goto('/inbox');
    const row = (subject: string) => page.getByRole('row').filter({ hasText: subject });
    await row('Invoice copy please').getByText('Billing & payments').waitFor();
    await row('Parcel late, clock running out').getByText('Shipping & delivery').waitFor();

    await page.getByText('Breaching soon').click();
    await waitFor(async () => (await row('Invoice copy please').count()) === 0, 10_000, 'the safe ticket to leave the list');
    await row('Parcel late, clock running out').waitFor();
    expect(new URL(page.url()).searchParams.get('slaAtRisk')).toBe('true');
    const chip = page.getByRole('checkbox', { name: 'SLA at risk' });
    expect(await chip.isChecked()).toBe(true);
    await screenshot(page, 'agent-inbox-breaching');

    await page.getByText('SLA at risk', { exact: true }).click();
    await row('Invoice copy please').waitFor();
    expect(new URL(page.url()).searchParams.has('slaAtRisk')).toBe(false);

    // Without a sort in the URL, the selects show the API's default, not "Any"; oldest first is a parameter, and
    // choosing the default again clears it.
    await page.goto('/inbox');
    await row('Invoice copy please').waitFor();
    const order = page.getByRole('combobox', { name: 'Order' });
    expect(await page.getByRole('combobox', { name: 'Sort by' }).inputValue()).toBe('createdAt');
    expect(await order.inputValue()).toBe('desc');
    await order.selectOption('asc');
    await waitFor(async () => new URL(page.url()).searchParams.get('order') === 'asc', 10_000, 'order=asc in the URL');
    await order.selectOption('desc');
    await waitFor(async () => !new URL(page.url()).searchParams.has('order'), 10_000, 'no order in the URL');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);
});
