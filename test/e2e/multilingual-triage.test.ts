import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@smartdesk/vector-store';
import { ApiClient, sampleTicket } from '../support/api-client';
import { AppName, AppProcess, stopAll, WORKERS } from '../support/app-process';
import { ADMIN, seedDemoAccounts } from '../support/demo-accounts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { waitFor } from '../support/wait-for';

interface FixtureTicket {
  language: string;
  situation: string;
  mood: 'calm' | 'angry';
  category: string;
  articles: string[];
  subject: string;
  description: string;
}

const { tickets: FIXTURE } = JSON.parse(readFileSync(join(__dirname, '../fixtures/multilingual-triage.json'), 'utf8')) as { tickets: FixtureTicket[] };
const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'zh', 'ja'];
/** Reasons that would only mean the product did not understand the language. */
const NOT_UNDERSTOOD = ['out-of-scope', 'low-response-confidence'];

interface Outcome {
  ticket: FixtureTicket;
  category: string;
  language: string;
  replyLanguage: string;
  sources: string[];
  escalated: boolean;
  reasons: string[];
}

const share = (items: Outcome[], test: (outcome: Outcome) => boolean) => items.filter(test).length / items.length;

/**
 * The same support situations in en, es, fr, de, pt, zh and ja through the real gateway and workers (shipped
 * taxonomy and kb/): each language is triaged, answered and escalated as well as English.
 */
describe('multilingual triage, end to end', () => {
  let env: TestEnvironment;
  const apps: AppProcess[] = [];
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment('e2e_multilingual');
    const port = await freePort();
    env.vars.PORT = String(port);
    // One at a time, each with a long budget: five processes loading word vectors and models at once on a
    // busy two-core machine can take longer than the default 30 s to say they are ready.
    for (const name of ['gateway', ...WORKERS] satisfies AppName[]) apps.push(await AppProcess.start(name, env.vars, 120_000));
    const api = new ApiClient(`http://127.0.0.1:${port}`);
    const { password } = await seedDemoAccounts(env.vars);
    const admin = await api.signIn(ADMIN, password);
    // One customer per ticket: several tickets from one address would add the repeat-contact reason.
    const created = await Promise.all(
      FIXTURE.map(async (ticket, i) => {
        const response = await api.post(
          '/api/tickets',
          sampleTicket({ customerName: 'Alex Kim', customerEmail: `customer${i}@example.com`, subject: ticket.subject, description: ticket.description }),
        );
        expect(response.status).toBe(201);
        return { ticket, id: response.body.id as string };
      }),
    );
    for (const { ticket, id } of created) {
      const body = await waitFor(
        async () => {
          const { body } = await admin.get(`/api/tickets/${id}`);
          return body.results?.escalation && body.suggestedResponse ? body : undefined;
        },
        120_000,
        `ticket ${id} to be triaged`,
      );
      outcomes.push({
        ticket,
        category: body.category,
        language: body.language,
        replyLanguage: body.suggestedResponse.language,
        sources: body.suggestedResponse.sources.filter((source: { kind: string }) => source.kind === 'article').map((source: { articleId: string }) => source.articleId),
        escalated: body.results.escalation.escalate,
        reasons: body.results.escalation.reasons.map((reason: { rule: string }) => reason.rule),
      });
    }
    const report = LANGUAGES.map((language) => {
      const own = outcomes.filter((outcome) => outcome.ticket.language === language);
      return {
        language,
        n: own.length,
        category: share(own, (o) => o.category === o.ticket.category),
        articleTop3: share(own, (o) => o.sources.slice(0, 3).some((id) => o.ticket.articles.includes(id))),
        replyLanguage: share(own, (o) => o.replyLanguage === language),
        angryEscalated: share(
          own.filter((o) => o.ticket.mood === 'angry'),
          (o) => o.escalated,
        ),
        calmEscalated: share(
          own.filter((o) => o.ticket.mood === 'calm'),
          (o) => o.escalated,
        ),
      };
    });
    console.log(`multilingual triage:\n${report.map((row) => JSON.stringify(row)).join('\n')}`);
  }, 300_000);

  afterAll(async () => {
    await stopAll(apps);
    await env?.cleanup();
  });

  it.each(LANGUAGES)('puts %s tickets in the right category (>= 85%) and reads their language', (language) => {
    const own = outcomes.filter((outcome) => outcome.ticket.language === language);
    expect(own.length).toBeGreaterThanOrEqual(10);
    expect(own.map((o) => o.language)).toEqual(own.map(() => language));
    expect(share(own, (o) => o.category === o.ticket.category)).toBeGreaterThanOrEqual(0.85);
  });

  it.each(LANGUAGES)('finds the article that answers %s tickets among the top three sources (>= 85%)', (language) => {
    const own = outcomes.filter((outcome) => outcome.ticket.language === language);
    expect(share(own, (o) => o.sources.slice(0, 3).some((id) => o.ticket.articles.includes(id)))).toBeGreaterThanOrEqual(0.85);
  });

  it.each(LANGUAGES)('answers every %s ticket in its language', (language) => {
    const own = outcomes.filter((outcome) => outcome.ticket.language === language);
    expect(own.map((o) => o.replyLanguage)).toEqual(own.map(() => language));
  });

  it("answers from the article in the customer's own language first when the kb has one", () => {
    const german = outcomes.find((o) => o.ticket.language === 'de' && o.ticket.situation === 'password-reset')!;
    expect(german.sources[0]).toBe('account_access/passwort-zuruecksetzen.de');
    const spanish = outcomes.find((o) => o.ticket.language === 'es' && o.ticket.situation === 'password-reset')!;
    expect(spanish.sources[0]).toBe('account_access/restablecer-contrasena.es');
    const lateParcel = outcomes.find((o) => o.ticket.language === 'de' && o.ticket.situation === 'parcel-late')!;
    expect(lateParcel.sources[0]).toBe('shipping/paket-verspaetet.de');
  });

  it.each(LANGUAGES)('escalates angry %s customers (>= 90%) and leaves calm ones alone (<= 10%)', (language) => {
    const own = outcomes.filter((outcome) => outcome.ticket.language === language);
    expect(
      share(
        own.filter((o) => o.ticket.mood === 'angry'),
        (o) => o.escalated,
      ),
    ).toBeGreaterThanOrEqual(0.9);
    const calm = own.filter((o) => o.ticket.mood === 'calm');
    expect(share(calm, (o) => o.escalated)).toBeLessThanOrEqual(0.1);
  });

  it('gives no escalation reason that only means the language was not understood', () => {
    const calm = outcomes.filter((o) => o.ticket.mood === 'calm');
    expect(calm.filter((o) => o.reasons.some((reason) => NOT_UNDERSTOOD.includes(reason))).map((o) => `${o.ticket.language}/${o.ticket.situation}: ${o.reasons}`)).toEqual([]);
  });
});
