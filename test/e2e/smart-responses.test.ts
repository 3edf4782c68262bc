import { freePort } from '@smartdesk/vector-store';
import { ApiClient, sampleTicket } from '../support/api-client';
import { AppProcess, startAll, stopAll, WORKERS } from '../support/app-process';
import { ADMIN, seedDemoAccounts } from '../support/demo-accounts';
import { promptText, startFakeOpenAI } from '../support/fake-openai-server';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { waitFor } from '../support/wait-for';

interface Source {
  kind: 'article' | 'ticket';
  articleId?: string;
  path?: string;
  ticketId?: string;
  number?: number;
}

/** Boots the gateway and the four workers from dist/ on their own database, queues and collections. */
async function bootSystem(suite: string, extra: Record<string, string> = {}) {
  const env = await createTestEnvironment(suite);
  const port = await freePort();
  Object.assign(env.vars, { PORT: String(port) }, extra);
  const apps = await startAll(['gateway', ...WORKERS], env.vars);
  const api = new ApiClient(`http://127.0.0.1:${port}`);
  const { password } = await seedDemoAccounts(env.vars);
  const admin = await api.signIn(ADMIN, password);
  /** Posts a ticket and returns it once escalation, the last stage, has run. */
  const triage = async (ticket: Record<string, unknown>) => {
    const created = await api.post('/api/tickets', sampleTicket(ticket));
    expect(created.status).toBe(201);
    return waitFor(
      async () => {
        const { body } = await admin.get(`/api/tickets/${created.body.id}`);
        return body.results?.escalation ? body : undefined;
      },
      20_000,
      `ticket ${created.body.id} to be triaged`,
    );
  };
  return { env, apps, admin, triage };
}

const PROJECTOR_TICKET = {
  subject: 'Projector in meeting room Atlas says no signal',
  description: 'When I plug my laptop into the HDMI cable in meeting room Atlas, the ceiling projector only shows "no signal".',
};
const RESOLUTION = 'Pressed Source on the Atlas projector remote and picked HDMI 2: the wall plate is wired to HDMI 2, not HDMI 1.';

/** Offline smart responses through the real pipeline: kb citations, solved tickets reused, low confidence handed to a human. */
describe('smart responses, end to end', () => {
  let system: Awaited<ReturnType<typeof bootSystem>>;
  let apps: AppProcess[] = [];
  let env: TestEnvironment | undefined;

  beforeAll(async () => {
    system = await bootSystem('e2e_smart_responses');
    ({ apps, env } = system);
  }, 90_000);

  afterAll(async () => {
    await stopAll(apps);
    await env?.cleanup();
  });

  it('cites the kb article that answers the ticket', async () => {
    const ticket = await system.triage({ subject: 'Printer offline', description: 'The office printer shows as offline and my documents are not printing.' });
    const response = ticket.suggestedResponse;
    expect(response).toMatchObject({ source: 'rules', needsHuman: false, language: 'en' });
    expect(response.sources[0]).toMatchObject({ kind: 'article', articleId: 'it_printer/printer-offline-not-printing' });
    expect(response.body).toContain(`[${response.sources[0].path}]`);
  });

  it('reuses the resolution of a similar solved ticket, and stops once that ticket is reopened', async () => {
    const first = await system.triage(PROJECTOR_TICKET);
    const resolved = await system.admin.put(`/api/tickets/${first.id}/resolve`, { resolution: RESOLUTION });
    expect(resolved.status).toBe(200);

    // The solved-tickets index follows the resolution through the outbox and the rag-response queue.
    const similar = await system.triage({
      customerName: 'Noor Haddad',
      subject: 'No signal on the Atlas room projector',
      description: 'The projector in meeting room Atlas shows no signal when I connect my laptop by HDMI.',
    });
    const reused = await waitFor(
      async () => {
        const latest = (await system.admin.get(`/api/tickets/${similar.id}`)).body.suggestedResponse;
        if (latest.sources[0]?.kind === 'ticket') return latest;
        // Triage ran before the index caught up: ask for a fresh response.
        const requested = await system.admin.post(`/api/tickets/${similar.id}/response`);
        await waitFor(async () => (await system.admin.get(requested.body.location)).status === 200, 15_000, 'the fresh response');
        return undefined;
      },
      30_000,
      'a suggestion drawn from the solved ticket',
    );
    expect(reused.sources[0]).toMatchObject({ kind: 'ticket', ticketId: first.id, number: first.number });
    expect(reused).toMatchObject({ source: 'rules', needsHuman: false });
    expect(reused.body).toContain('Hi Noor');
    expect(reused.body).toContain(`(from ticket #${first.number})`);
    expect(reused.body).toContain(`> ${RESOLUTION}`);

    const reopened = await system.admin.patch(`/api/tickets/${first.id}`, { version: resolved.body.version, status: 'open' });
    expect(reopened.status).toBe(200);
    const later = await system.triage({ customerName: 'Ola Berg', ...PROJECTOR_TICKET });
    expect(later.suggestedResponse.sources.filter((source: Source) => source.kind === 'ticket')).toEqual([]);
    expect(later.suggestedResponse.body).not.toContain(RESOLUTION);
  });

  it('flags a ticket nothing answers for a human, and escalation says why', async () => {
    const ticket = await system.triage({ subject: 'Banana bread', description: 'What is a good recipe for banana bread with walnuts?' });
    expect(ticket.suggestedResponse).toMatchObject({ needsHuman: true, source: 'rules' });
    expect(ticket.suggestedResponse.confidence).toBeLessThan(0.4);
    expect(ticket.suggestedResponse.body).toContain('A member of our team will look into your request');
    expect(ticket.escalated).toBe(true);
    const lowConfidence = ticket.results.escalation.reasons.find((reason: { rule: string }) => reason.rule === 'low-response-confidence');
    expect(lowConfidence.detail).toContain(`suggested reply confidence ${ticket.suggestedResponse.confidence.toFixed(2)}`);
  });
});

/** The same pipeline with an LLM configured: an OpenAI-compatible chat server on loopback. */
describe('smart responses with an LLM, end to end', () => {
  const API_KEY = 'sk-e2e-chat';
  let openai: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let system: Awaited<ReturnType<typeof bootSystem>>;
  let apps: AppProcess[] = [];
  let env: TestEnvironment | undefined;

  beforeAll(async () => {
    openai = await startFakeOpenAI(API_KEY);
    system = await bootSystem('e2e_smart_llm', { LLM_PROVIDER: 'openai', LLM_MODEL: 'fake-chat', LLM_TIMEOUT_MS: '1500', OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: API_KEY });
    ({ apps, env } = system);
  }, 90_000);

  afterAll(async () => {
    await stopAll(apps);
    await env?.cleanup();
    await openai?.close();
  });

  const isJudge = (text: string) => text.includes('You sort customer-support tickets');

  it('stores the LLM’s cited answer as the suggestion, with the offline confidence', async () => {
    openai.scriptChat((request) => (isJudge(promptText(request)) ? { status: 500 } : { content: 'Turn the printer off and on, then add it again from Settings [1].' }));
    const ticket = await system.triage({ subject: 'Printer offline', description: 'The office printer shows as offline and my documents are not printing.' });
    const reply = openai.chatRequests.find((request) => !isJudge(promptText(request)) && promptText(request).includes('Subject: Printer offline'));
    expect(promptText(reply!)).toContain('Write in English');
    expect(promptText(reply!)).toMatch(/<source id="1">\n/);
    expect(ticket.suggestedResponse).toMatchObject({ source: 'llm', needsHuman: false, language: 'en' });
    expect(ticket.suggestedResponse.confidence).toBeGreaterThanOrEqual(0.4);
    expect(ticket.suggestedResponse.body).toContain('Hi Jamie');
    expect(ticket.suggestedResponse.body).toContain('Turn the printer off and on, then add it again from Settings [1].');
    expect(ticket.suggestedResponse.sources[0]).toMatchObject({ kind: 'article', articleId: 'it_printer/printer-offline-not-printing' });
  });

  it('triages on time with offline results when the LLM hangs', async () => {
    openai.scriptChat(() => ({ hang: true }));
    const started = Date.now();
    const ticket = await system.triage({ subject: 'Question', description: 'Hello, I have a question about something, can someone help me?' });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(ticket.results.categorization).toMatchObject({ source: 'model', needsReview: true });
    expect(ticket.suggestedResponse.source).toBe('rules');
  });

  it('takes the judge’s category for an unsure prediction, and rejects one outside the taxonomy', async () => {
    const unsure = { subject: 'Question', description: 'Hello, I have a question about something, can someone help me?' };
    openai.scriptChat((request) => (isJudge(promptText(request)) ? { content: JSON.stringify({ category: 'account_access', confidence: 0.7, reason: 'mentions the account' }) } : { status: 500 }));
    const judged = await system.triage(unsure);
    expect(judged.results.categorization).toMatchObject({ category: 'account_access', source: 'llm', confidence: 0.7, explanation: expect.arrayContaining(['LLM: mentions the account']) });
    // Beside the English lines, the same as data for readers in other languages; the model's matched words explained the model's choice, so they go.
    const { explanation, judged: verdict, matchedTerms } = judged.results.categorization;
    expect(verdict).toMatchObject({ reason: 'mentions the account', modelVersion: 0 });
    expect(explanation[1]).toBe(`model v0 said ${verdict.category} (${Math.round(verdict.confidence * 100)}%)`);
    expect(matchedTerms).toBeUndefined();
    expect(judged.category).toBe('account_access');

    openai.scriptChat((request) => (isJudge(promptText(request)) ? { content: JSON.stringify({ category: 'astrology', confidence: 1, reason: 'made up' }) } : { status: 500 }));
    const rejected = await system.triage(unsure);
    expect(rejected.results.categorization.source).toBe('model');
    expect(rejected.results.categorization.category).not.toBe('astrology');
  });
});
