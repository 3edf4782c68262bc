import { randomUUID } from 'node:crypto';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const ADMIN = 'admin@smartdesk.example';
const MANAGER = 'care.manager@smartdesk.example';

/** The portal's deflection in GET /api/stats, from events recorded through the real endpoint into Postgres. */
describe('stats: portal deflection', () => {
  let suite: GatewaySuite;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_portal_deflection');
  }, 60_000);

  afterAll(() => suite?.stop());

  const record = async (visitId: string, type: string, articleId?: string) => {
    const { status } = await suite.api.post('/api/self-service/deflection-events', { visitId, type, ...(articleId ? { articleId } : {}), language: 'en' });
    expect(status).toBe(202);
  };

  it('counts suggestions shown, articles opened and tickets still sent after opening one; departments see none', async () => {
    const [deflectedTwice, sentAnyway, neverOpened, sentBefore, lastQuarter] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await record(deflectedTwice, 'suggestions-shown');
    await record(deflectedTwice, 'article-opened', 'shipping/track-your-order');
    await record(deflectedTwice, 'article-opened', 'billing/charged-twice');
    await record(deflectedTwice, 'article-opened', 'billing/charged-twice'); // the same article again counts once
    await record(sentAnyway, 'suggestions-shown');
    await record(sentAnyway, 'article-opened', 'shipping/track-your-order');
    await record(sentAnyway, 'ticket-submitted');
    await record(neverOpened, 'suggestions-shown');
    await record(neverOpened, 'ticket-submitted');
    // A ticket sent an hour before the article was opened was not sent "after opening one".
    await suite.db.rows(`INSERT INTO self_service_events (visit_id, type, created_at) VALUES ($1, 'ticket-submitted', now() - interval '1 hour')`, [sentBefore]);
    await record(sentBefore, 'article-opened', 'shipping/track-your-order');
    // Outside the default range (the last 30 days).
    await suite.db.rows(`INSERT INTO self_service_events (visit_id, type, article_id, created_at) VALUES ($1, 'article-opened', 'x', now() - interval '40 days')`, [lastQuarter]);

    const { status, body } = await suite.as[ADMIN].get('/api/stats');
    expect(status).toBe(200);
    expect(body.deflection.portal).toEqual({
      visitsShownSuggestions: 3,
      articlesOpened: 4,
      visitsOpenedArticle: 3,
      ticketsAfterOpening: 1,
      deflected: 2,
      rate: 0.6667,
    });
    // The assistant's figures stay beside them.
    expect(body.deflection).toMatchObject({ conversations: 0, solved: 0, rate: null });

    const older = await suite.as[ADMIN].get(`/api/stats?from=${new Date(Date.now() - 60 * 86_400_000).toISOString()}&to=${new Date(Date.now() - 35 * 86_400_000).toISOString()}`);
    expect(older.body.deflection.portal).toMatchObject({ visitsShownSuggestions: 0, articlesOpened: 1, visitsOpenedArticle: 1, ticketsAfterOpening: 0, rate: 1 });

    const department = await suite.as[MANAGER].get('/api/stats');
    expect(department.status).toBe(200);
    expect(department.body.deflection.portal).toBeNull();
  });
});
