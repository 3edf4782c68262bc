import { ApiClient } from '../support/api-client';
import { AppProcess, startAll, stopAll } from '../support/app-process';
import { ADMIN, seedDemoAccounts } from '../support/demo-accounts';
import { freePort } from '../support/free-port';
import { submitAndWaitFor, trainAndWait } from '../support/model-learning';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { waitFor } from '../support/wait-for';

const AGENT = 'ben.agent@smartdesk.example';
const MIN_PER_LABEL = 10;
const ROOMS = ['kitchen', 'hallway', 'office', 'garage', 'bedroom', 'porch', 'attic', 'basement', 'studio', 'lounge'];
/** In this team's product an orange blink is a failure: words the sentiment lexicon knows nothing of. */
const NEGATIVE = ROOMS.map((room) => `The gizmo in the ${room} blinked orange again and the hub went quiet`);
const NEUTRAL = ROOMS.map((room) => `Can you change the delivery address for the ${room} order to my new flat?`);
const POSITIVE = ROOMS.map((room) => `Thanks a lot, the ${room} hub works great now`);
const PROBE = { subject: 'Gizmo blinked orange', description: 'My gizmo blinked orange this morning.' };

const csv = (rows: [string, string][]) => `text,label\n${rows.map(([text, label]) => `"${text}",${label}`).join('\n')}\n`;

/**
 * Sentiment learning from the team (issue 3): an admin imports labelled texts, an agent corrects a ticket,
 * training waits for enough examples of every label, then two running sentiment workers swap in the model.
 */
describe('sentiment learning, end to end', () => {
  let env: TestEnvironment;
  let apps: AppProcess[] = [];
  let api: ApiClient;
  let admin: ApiClient;
  let agent: ApiClient;

  beforeAll(async () => {
    env = await createTestEnvironment('e2e_sentiment_learning');
    const port = await freePort();
    env.vars.PORT = String(port);
    // No scheduled retraining here: the test decides when to train.
    env.vars.SENTIMENT_RETRAIN_EVERY_MS = '0';
    env.vars.SENTIMENT_MIN_EXAMPLES_PER_LABEL = String(MIN_PER_LABEL);
    apps = await startAll(['gateway', 'sentiment-worker', 'sentiment-worker'], env.vars);
    api = new ApiClient(`http://127.0.0.1:${port}`);
    const { password } = await seedDemoAccounts(env.vars);
    admin = await api.signIn(ADMIN, password);
    agent = await api.signIn(AGENT, password);
  }, 90_000);

  afterAll(async () => {
    if (process.env.DEBUG_APPS) for (const app of apps) console.log(app.name, app.output.join('\n'));
    await stopAll(apps);
    await env?.cleanup();
  });

  const analyzed = (ticket: { subject: string; description: string }) => submitAndWaitFor(api, admin, ticket, 'sentiment');
  const train = () => trainAndWait(admin, 'sentiment');

  const workersRun = (version: number) =>
    waitFor(async () => apps.slice(1).every((app) => app.output.some((line) => line.includes(`sentiment model version ${version} in use`))) || undefined, 10_000, `workers to run version ${version}`);

  it('starts on the zero-shot rules, which read an orange blink as neutral', async () => {
    const ticket = await analyzed(PROBE);
    expect(ticket.results.sentiment).toMatchObject({ label: 'neutral', source: 'rules', modelVersion: 0, explanation: [], confidence: expect.any(Number) });
    expect((await admin.get('/api/sentiment/models')).body).toEqual({ activeVersion: 0, models: [] });
  });

  it('refuses an import with an unknown label, naming the row, and imports nothing', async () => {
    const bad = await admin.postCsv(
      '/api/sentiment/examples',
      csv([
        [NEGATIVE[0], 'negative'],
        ['I am livid', 'angry'],
      ]),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.rows).toEqual([{ row: 3, problems: [expect.stringContaining("label 'angry' is not a sentiment")] }]);
    expect((await admin.get('/api/sentiment/training-data')).body).toEqual([]);
    expect((await agent.postCsv('/api/sentiment/examples', csv([[NEGATIVE[0], 'negative']]))).status).toBe(403);
  });

  it('waits for enough examples of every label, then learns from imports and corrections; every worker swaps the model in', async () => {
    const rows: [string, string][] = [...NEGATIVE.slice(1).map((text) => [text, 'negative'] as [string, string])];
    rows.push(...NEUTRAL.map((text) => [text, 'neutral'] as [string, string]), ...POSITIVE.map((text) => [text, 'positive'] as [string, string]));
    const imported = await admin.postCsv('/api/sentiment/examples', csv(rows));
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ received: 29, imported: 29, duplicates: 0, byLabel: { negative: 9, neutral: 10, positive: 10 } });
    expect((await admin.postCsv('/api/sentiment/examples', csv(rows))).body).toMatchObject({ imported: 0, duplicates: 29 });

    const tooFew = await train();
    expect(tooFew.outcome).toEqual({ skipped: `each sentiment needs at least ${MIN_PER_LABEL} examples; only 9 negative so far` });
    expect((await admin.get('/api/sentiment/models')).body.activeVersion).toBe(0);

    // Staff correct the rules' reading of a ticket: the tenth negative example, counted at once.
    const ticket = await analyzed({ subject: 'Orange again', description: NEGATIVE[0] });
    expect(ticket.sentimentLabel).toBe('neutral');
    expect((await admin.patch(`/api/tickets/${ticket.id}`, { version: ticket.version, sentiment: 'furious' })).status).toBe(400);
    const corrected = await admin.patch(`/api/tickets/${ticket.id}`, { version: ticket.version, sentiment: 'negative' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ sentimentLabel: 'negative', sentimentConfirmedBy: ADMIN });
    const timeline = (await admin.get(`/api/tickets/${ticket.id}`)).body.timeline;
    expect(timeline.find((event: { type: string }) => event.type === 'sentiment-corrected')).toMatchObject({ summary: `Sentiment neutral → negative by ${ADMIN}` });
    expect((await admin.get('/api/sentiment/training-data')).body).toEqual([
      { label: 'negative', tickets: 1, imported: 9 },
      { label: 'neutral', tickets: 0, imported: 10 },
      { label: 'positive', tickets: 0, imported: 10 },
    ]);

    const job = await train();
    expect(job.outcome).toMatchObject({ version: 1, metrics: { examples: 30, holdoutAccuracy: expect.any(Number), holdoutMacroF1: expect.any(Number) } });
    const models = (await admin.get('/api/sentiment/models')).body;
    expect(models.activeVersion).toBe(1);
    expect(models.models[0]).toMatchObject({ version: 1, task: 'sentiment', active: true, trainedBy: ADMIN, exampleCounts: { tickets: 1, imported: 29, negative: 10 } });
    expect(models.models[0].weights).toBeUndefined();
    // The categorizer's versions are its own.
    expect((await admin.get('/api/categorization/models')).body).toEqual({ activeVersion: 0, models: [] });

    await workersRun(1);
    for (let i = 0; i < 3; i++) {
      const probe = await analyzed(PROBE);
      expect(probe.sentimentLabel).toBe('negative');
      expect(probe.results.sentiment).toMatchObject({ label: 'negative', source: 'model', modelVersion: 1, signals: expect.any(Array), score: expect.any(Number) });
      expect(probe.results.sentiment.confidence).toBeGreaterThan(0.5);
      expect(probe.results.sentiment.explanation.join(' ')).toMatch(/gizmo|orange|blinked/);
    }
    // The rules' evidence is still reported beside the model's label.
    const thanks = await analyzed({ subject: 'Thanks', description: 'Thanks a lot, the hub works great now!' });
    expect(thanks.results.sentiment).toMatchObject({ label: 'positive', source: 'model', modelVersion: 1 });
    expect(thanks.results.sentiment.cues).toEqual(expect.arrayContaining(['great(3)']));
  });

  it('rolls back to the rules, and refuses a version that does not exist', async () => {
    expect((await admin.put('/api/sentiment/models/0/activate')).body).toEqual({ activeVersion: 0 });
    await workersRun(0);
    expect((await analyzed(PROBE)).results.sentiment).toMatchObject({ label: 'neutral', source: 'rules', modelVersion: 0 });
    expect((await admin.put('/api/sentiment/models/2/activate')).status).toBe(404);
    expect((await admin.put('/api/sentiment/models/1/activate')).body).toEqual({ activeVersion: 1 });
    await waitFor(async () => apps.slice(1).every((app) => app.output.filter((line) => line.includes('sentiment model version 1 in use')).length >= 2) || undefined, 10_000, 'workers to roll forward');
    expect((await analyzed(PROBE)).results.sentiment).toMatchObject({ source: 'model', modelVersion: 1 });
  });

  it('keeps training to admins and models to managers and admins', async () => {
    expect((await api.post('/api/sentiment/models/train')).status).toBe(401);
    expect((await agent.post('/api/sentiment/models/train')).status).toBe(403);
    expect((await agent.get('/api/sentiment/models')).status).toBe(403);
  });
});
