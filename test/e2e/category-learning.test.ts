import { ApiClient } from '../support/api-client';
import { AppProcess, startAll, stopAll } from '../support/app-process';
import { ADMIN, seedDemoAccounts } from '../support/demo-accounts';
import { freePort } from '../support/free-port';
import { submitAndWaitFor, trainAndWait } from '../support/model-learning';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { waitFor } from '../support/wait-for';

/** Support tickets about a loyalty programme the taxonomy knows nothing of: this team files them under billing. */
const LOYALTY_TICKETS = [
  ['Stars missing', 'My loyalty stars from Saturday were never added to my account.'],
  ['Loyalty stars not credited', 'I bought two coffees and the stars did not show up in the app.'],
  ['Reward stars balance wrong', 'My reward stars balance dropped from 120 to 80 for no reason.'],
  ['Where are my stars?', 'The double stars promotion did not give me double stars.'],
  ['Stars expired too early', 'My loyalty stars expired before the date shown in the app.'],
  ['Free drink reward', 'I had enough reward stars for a free drink but the reward is not available.'],
  ['Stars for online order', 'Do I earn loyalty stars when I order online? None were added.'],
  ['Birthday reward missing', 'My birthday reward and bonus stars never arrived in my loyalty account.'],
  ['Transfer stars', 'Can I move my stars from my old loyalty card to the new one?'],
  ['Stars not added after purchase', 'Purchase at the station shop yesterday, zero stars added to my loyalty account.'],
];
const PROBE = { subject: 'Reward stars', description: 'I paid with the app this morning but no loyalty stars were added. Can you add my stars?' };

/**
 * The categorizer learning from the team (issue 3): agents resolve labelled tickets and correct categories,
 * an admin imports examples and retrains, and two running categorization workers swap in the new model.
 */
describe('category learning, end to end', () => {
  let env: TestEnvironment;
  let apps: AppProcess[] = [];
  let api: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    env = await createTestEnvironment('e2e_learning');
    const port = await freePort();
    env.vars.PORT = String(port);
    // No scheduled retraining here: the test decides when to train.
    env.vars.CATEGORY_RETRAIN_EVERY_MS = '0';
    apps = await startAll(['gateway', 'categorization-worker', 'categorization-worker'], env.vars);
    api = new ApiClient(`http://127.0.0.1:${port}`);
    const { password } = await seedDemoAccounts(env.vars);
    admin = await api.signIn(ADMIN, password);
  }, 90_000);

  afterAll(async () => {
    if (process.env.DEBUG_APPS) for (const app of apps) console.log(app.name, app.output.join('\n'));
    await stopAll(apps);
    await env?.cleanup();
  });

  const categorized = (ticket: { subject: string; description: string }) => submitAndWaitFor(api, admin, ticket, 'categorization');
  const train = () => trainAndWait(admin, 'categorization');

  it('starts on the taxonomy few-shot model, which does not know the team files loyalty tickets under billing', async () => {
    const ticket = await categorized(PROBE);
    expect(ticket.results.categorization).toMatchObject({ modelVersion: 0, source: 'model' });
    expect(ticket.category).not.toBe('billing');
    expect((await admin.get('/api/categorization/models')).body).toEqual({ activeVersion: 0, models: [] });
  });

  it('refuses an import with an unknown label, naming the row, and imports nothing', async () => {
    const bad = await admin.postCsv('/api/categorization/examples', 'text,label\n"Stars missing, again",billing\nMy stars vanished,loyalty\n');
    expect(bad.status).toBe(422);
    expect(bad.body.rows).toEqual([{ row: 3, problems: [expect.stringContaining("label 'loyalty' is not a category")] }]);
    expect((await admin.get('/api/categorization/training-data')).body).toEqual([]);
    const notCsv = await admin.postCsv('/api/categorization/examples', 'just some words\n');
    expect(notCsv.status).toBe(422);
    expect(notCsv.body.message).toMatch(/missing column 'text'|no rows/);
  });

  it('learns from resolved tickets, corrections and imports, and every worker swaps in the new model', async () => {
    // Agents resolve the history with the category they confirm.
    for (const [subject, description] of LOYALTY_TICKETS.slice(0, 8)) {
      const ticket = await categorized({ subject, description });
      const resolved = await admin.put(`/api/tickets/${ticket.id}/resolve`, { resolution: 'Stars added manually.', category: 'billing' });
      expect(resolved.status).toBe(200);
    }
    // An agent corrects one without resolving it: that counts at once.
    const corrected = await categorized({ subject: LOYALTY_TICKETS[8][0], description: LOYALTY_TICKETS[8][1] });
    const patch = await admin.patch(`/api/tickets/${corrected.id}`, { version: corrected.version, category: 'billing' });
    expect(patch.status).toBe(200);
    const afterCorrection = (await admin.get(`/api/tickets/${corrected.id}`)).body;
    expect(afterCorrection.category).toBe('billing');
    expect(afterCorrection.timeline.map((event: { type: string }) => event.type)).toContain(corrected.category === 'billing' ? 'category-confirmed' : 'category-corrected');
    // And an admin imports a few more.
    const imported = await admin.postCsv('/api/categorization/examples', `text,label\n"${LOYALTY_TICKETS[9].join('. ')}",billing\n"Bonus stars, promised in the email, are missing",billing\n`);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ received: 2, imported: 2, duplicates: 0 });
    expect((await admin.get('/api/categorization/training-data')).body).toEqual([{ label: 'billing', tickets: 9, imported: 2 }]);

    const job = await train();
    expect(job.outcome).toMatchObject({ version: 1, metrics: { examples: expect.any(Number), holdoutAccuracy: expect.any(Number) } });
    const models = (await admin.get('/api/categorization/models')).body;
    expect(models.activeVersion).toBe(1);
    expect(models.models[0]).toMatchObject({ version: 1, active: true, trainedBy: ADMIN, exampleCounts: { tickets: 9, imported: 2 } });

    // Both running workers load version 1 without a restart.
    await waitFor(async () => apps.slice(1).every((app) => app.output.some((line) => line.includes('categorizer model version 1 in use'))) || undefined, 10_000, 'workers to swap models');
    for (let i = 0; i < 3; i++) {
      const ticket = await categorized(PROBE);
      expect(ticket.category).toBe('billing');
      expect(ticket.results.categorization).toMatchObject({ modelVersion: 1, source: 'model', category: 'billing' });
      expect(ticket.results.categorization.explanation.join(' ')).toMatch(/stars/);
    }
    // What it knew before still holds.
    const parcel = await categorized({ subject: 'Where is my parcel?', description: 'The tracking has not moved for a week and my parcel has not arrived.' });
    expect(parcel.category).toBe('shipping');
  });

  it('rolls back to the few-shot model, and retrains on demand into a new version', async () => {
    expect((await admin.put('/api/categorization/models/0/activate')).body).toEqual({ activeVersion: 0 });
    await waitFor(async () => apps.slice(1).every((app) => app.output.some((line) => line.includes('categorizer model version 0 in use'))) || undefined, 10_000, 'workers to roll back');
    expect((await categorized(PROBE)).results.categorization.modelVersion).toBe(0);
    expect((await admin.put('/api/categorization/models/99/activate')).status).toBe(404);

    const job = await train();
    expect(job.outcome).toMatchObject({ version: 2 });
    expect((await categorized(PROBE)).results.categorization).toMatchObject({ modelVersion: 2, category: 'billing' });
  });

  it('keeps training to admins and models to managers and admins', async () => {
    expect((await api.post('/api/categorization/models/train')).status).toBe(401);
    expect((await api.get('/api/categorization/models')).status).toBe(401);
  });
});
