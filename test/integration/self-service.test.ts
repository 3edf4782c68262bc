import { randomUUID } from 'node:crypto';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const ARTICLES = [
  { id: 'shipping/track-your-order', title: 'Track your order', body: '## Where is my parcel?\n\nOpen **Account › Orders** and choose *Track* to see the parcel on its way.', language: 'en' },
  { id: 'shipping/seguir-pedido.es', title: 'Seguir tu pedido', body: 'Abre **Cuenta › Pedidos** y elige *Seguir* para ver dónde está tu paquete.', language: 'es' },
  { id: 'billing/charged-twice', title: 'Charged twice', body: 'A duplicate charge is refunded within 5 days.', language: 'en' },
  {
    id: 'account_access/passwort-zuruecksetzen.de',
    title: 'Passwort zurücksetzen',
    body: 'Klicken Sie auf **Passwort vergessen?**. Der Link ist zwei Tage gültig. Schreiben Sie uns, wenn die E-Mail nicht ankommt.',
    language: 'de',
  },
];

/** The portal's anonymous self-service endpoints against the real gateway and Postgres. */
describe('self-service: kb suggestions, articles and deflection events', () => {
  let suite: GatewaySuite;

  beforeAll(async () => {
    suite = await startGatewaySuite('self_service');
    for (const article of ARTICLES) {
      await suite.db.rows(
        `INSERT INTO kb_articles (id, path, title, body, category, language, tags, content_hash, source, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, '[]', md5($4), 'api', 'test')`,
        [article.id, `api:${article.id}`, article.title, article.body, article.id.split('/')[0], article.language],
      );
    }
  }, 90_000);

  afterAll(() => suite?.stop());

  it('suggests articles for words typed, without an account, best match first', async () => {
    const { status, body } = await suite.api.get('/api/kb/suggestions?q=where%20is%20my%20parcel&language=en');
    expect(status).toBe(200);
    expect(body[0]).toMatchObject({ id: 'shipping/track-your-order', title: 'Track your order', language: 'en' });
    expect(body[0].excerpt).toContain('Open Account › Orders and choose Track');
    expect(body.map((article: { id: string }) => article.id)).not.toContain('billing/charged-twice');
  });

  it("puts the customer's language first and fills in with English", async () => {
    const { body } = await suite.api.get('/api/kb/suggestions?q=pedido%20paquete%20parcel&language=es');
    expect(body.map((article: { language: string }) => article.language)).toEqual(['es', 'en']);
  });

  it('leaves out an article that shares one word with a long question', async () => {
    const question = encodeURIComponent('Mein Paket ist seit zehn Tagen nicht angekommen, wo bleibt die Sendung?');
    expect((await suite.api.get(`/api/kb/suggestions?q=${question}&language=de`)).body).toEqual([]);
    const reset = await suite.api.get(`/api/kb/suggestions?q=${encodeURIComponent('Passwort vergessen, E-Mail kommt nicht an')}&language=de`);
    expect(reset.body.map((article: { id: string }) => article.id)).toEqual(['account_access/passwort-zuruecksetzen.de']);
  });

  it('refuses unbounded or malformed input with 400', async () => {
    expect((await suite.api.get(`/api/kb/suggestions?q=${'a'.repeat(301)}`)).status).toBe(400);
    expect((await suite.api.get('/api/kb/suggestions?q=%20')).status).toBe(400);
    expect((await suite.api.get('/api/kb/suggestions?q=parcel&limit=50')).status).toBe(400);
    expect((await suite.api.get('/api/kb/suggestions?q=parcel&language=english')).status).toBe(400);
  });

  it('shows an article to anyone by its URL-encoded id, 404 for an unknown one', async () => {
    const found = await suite.api.get(`/api/self-service/articles/${encodeURIComponent('shipping/track-your-order')}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: 'shipping/track-your-order', title: 'Track your order', language: 'en' });
    expect((await suite.api.get(`/api/self-service/articles/${encodeURIComponent('shipping/nothing')}`)).status).toBe(404);
  });

  it('records each deflection event of a visit once and refuses unknown types', async () => {
    const visitId = randomUUID();
    const opened = { visitId, type: 'article-opened', articleId: 'shipping/track-your-order', language: 'en' };
    expect(await suite.api.post('/api/self-service/deflection-events', opened)).toMatchObject({ status: 202, body: { recorded: true } });
    expect(await suite.api.post('/api/self-service/deflection-events', opened)).toMatchObject({ status: 202, body: { recorded: false } });
    expect((await suite.api.post('/api/self-service/deflection-events', { visitId, type: 'ticket-submitted' })).status).toBe(202);
    expect((await suite.api.post('/api/self-service/deflection-events', { visitId, type: 'bought-something' })).status).toBe(400);
    expect((await suite.api.post('/api/self-service/deflection-events', { visitId: 'nope', type: 'ticket-submitted' })).status).toBe(400);
    const rows = await suite.db.rows('SELECT type, article_id FROM self_service_events WHERE visit_id = $1 ORDER BY id', [visitId]);
    expect(rows).toEqual([
      { type: 'article-opened', article_id: 'shipping/track-your-order' },
      { type: 'ticket-submitted', article_id: null },
    ]);
  });
});
