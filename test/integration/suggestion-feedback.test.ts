import { ApiClient } from '../support/api-client';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const JAMIE = 'jamie@example.com';
const BEN = 'ben.agent@smartdesk.example';
const ANA = 'ana.agent@smartdesk.example';
const MANAGER = 'care.manager@smartdesk.example';
const ADMIN = 'admin@smartdesk.example';
const SUGGESTION = 'Hi Jamie,\n\nWe refunded the duplicate charge.';

/** Agents accepting, editing and rejecting suggested responses (issue 4), on the real gateway and Postgres. */
describe('suggestion feedback', () => {
  let suite: GatewaySuite;
  let as: Record<string, ApiClient>;
  let db: Db;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_suggestion_feedback');
    ({ as, db } = suite);
  }, 60_000);

  afterAll(() => suite?.stop());

  /** Jamie's ticket in Ben's Billing queue, triaged into `category`, with a suggested response (revision 1) as the rag worker writes it. */
  const suggestedTicket = async (category: string) => {
    const { id } = (await as[JAMIE].post('/api/tickets', { subject: 'Charged twice', description: 'Order 5521 was charged twice.' })).body;
    await db.rows(`UPDATE tickets SET category = $2, team_id = (SELECT id FROM teams WHERE name = 'Billing') WHERE id = $1`, [id, category]);
    await db.rows(`INSERT INTO ticket_responses (ticket_id, revision, body, language, confidence, source, needs_human, sources) VALUES ($1, 1, $2, 'en', 0.72, 'rules', false, '[]')`, [
      id,
      SUGGESTION,
    ]);
    return id as string;
  };
  const feedbackOf = (ticketId: string) =>
    db.rows(`SELECT u.email, f.outcome, f.origin, f.reason, f.category FROM suggestion_feedback f JOIN users u ON u.id = f.agent_id WHERE f.ticket_id = $1 ORDER BY u.email`, [ticketId]);

  it('stores a rejection with its reason, once per agent, audited and on the timeline; another agent gives their own', async () => {
    const id = await suggestedTicket('billing');
    const rejected = await as[BEN].post(`/api/tickets/${id}/responses/1/feedback`, { outcome: 'rejected', reason: ' Quotes the old refund policy ' });
    expect(rejected.status).toBe(201);
    expect(rejected.body).toMatchObject({ ticketId: id, revision: 1, outcome: 'rejected', reason: 'Quotes the old refund policy', origin: 'feedback', category: 'billing' });

    const again = await as[BEN].post(`/api/tickets/${id}/responses/1/feedback`, { outcome: 'accepted' });
    expect(again.status).toBe(409);
    expect(again.body.feedback).toMatchObject({ outcome: 'rejected', origin: 'feedback' });
    expect((await as[MANAGER].post(`/api/tickets/${id}/responses/1/feedback`, { outcome: 'accepted' })).status).toBe(201);
    expect(await feedbackOf(id)).toEqual([
      { email: BEN, outcome: 'rejected', origin: 'feedback', reason: 'Quotes the old refund policy', category: 'billing' },
      { email: MANAGER, outcome: 'accepted', origin: 'feedback', reason: null, category: 'billing' },
    ]);

    const timeline = (await as[BEN].get(`/api/tickets/${id}`)).body.timeline;
    expect(timeline.filter((event: { type: string }) => event.type === 'suggestion-feedback').map((event: { summary: string }) => event.summary)).toEqual([
      `Suggested response revision 1 rejected by ${BEN}: Quotes the old refund policy`,
      `Suggested response revision 1 accepted by ${MANAGER}`,
    ]);
    const audit = await db.rows(`SELECT actor, action, after FROM audit_log WHERE entity = 'suggestion_feedback' AND entity_id = $1`, [rejected.body.id]);
    expect(audit).toEqual([{ actor: BEN, action: 'insert', after: expect.objectContaining({ outcome: 'rejected', revision: 1 }) }]);
  });

  it('refuses what it cannot store, and stores nothing: unknown revision or ticket 404, bad outcome 400, customers 403, other teams 404', async () => {
    const id = await suggestedTicket('billing');
    const unknownRevision = await as[BEN].post(`/api/tickets/${id}/responses/2/feedback`, { outcome: 'accepted' });
    expect(unknownRevision.status).toBe(404);
    expect(unknownRevision.body.message).toContain('no suggested response revision 2');
    expect((await as[BEN].post('/api/tickets/6f1f3c1e-8a52-4a8e-9a43-0d3f6a0b1c2d/responses/1/feedback', { outcome: 'accepted' })).status).toBe(404);
    const badOutcome = await as[BEN].post(`/api/tickets/${id}/responses/1/feedback`, { outcome: 'loved', reason: '' });
    expect(badOutcome.status).toBe(400);
    expect(badOutcome.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['outcome', 'reason']);
    expect((await as[JAMIE].post(`/api/tickets/${id}/responses/1/feedback`, { outcome: 'accepted' })).status).toBe(403);
    // Ana works Orders & Shipping: Billing's ticket is not hers to see.
    expect((await as[ANA].post(`/api/tickets/${id}/responses/1/feedback`, { outcome: 'accepted' })).status).toBe(404);
    expect(await feedbackOf(id)).toEqual([]);
  });

  it('a reply that starts from a suggestion records its outcome; what was sent overrides what was said', async () => {
    const edited = await suggestedTicket('billing');
    await as[BEN].post(`/api/tickets/${edited}/messages`, { body: 'Hi Jamie, we refunded the duplicate charge of order 5521 today.', suggestionRevision: 1 });
    expect(await feedbackOf(edited)).toEqual([{ email: BEN, outcome: 'edited', origin: 'reply', reason: null, category: 'billing' }]);
    const late = await as[BEN].post(`/api/tickets/${edited}/responses/1/feedback`, { outcome: 'rejected' });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('as edited by replying with it');

    const changedMind = await suggestedTicket('shipping');
    expect((await as[BEN].post(`/api/tickets/${changedMind}/responses/1/feedback`, { outcome: 'rejected', reason: 'Too short' })).status).toBe(201);
    await as[BEN].post(`/api/tickets/${changedMind}/messages`, { body: SUGGESTION, suggestionRevision: 1 });
    expect(await feedbackOf(changedMind)).toEqual([{ email: BEN, outcome: 'accepted', origin: 'reply', reason: 'Too short', category: 'shipping' }]);
  });

  it('GET /api/stats reports acceptance by category from every outcome, scoped like the rest', async () => {
    const stats = await as[ADMIN].get('/api/stats');
    expect(stats.status).toBe(200);
    // billing: Ben rejected, Marta accepted, Ben's reply edited; shipping: Ben's reply accepted after all.
    expect(stats.body.suggestions.byCategory).toEqual([
      { category: 'billing', accepted: 1, edited: 1, rejected: 1, acceptanceRate: 0.6667 },
      { category: 'shipping', accepted: 1, edited: 0, rejected: 0, acceptanceRate: 1 },
    ]);
    const it = await as[ADMIN].get('/api/stats?department=IT');
    expect(it.body.suggestions.byCategory).toEqual([]);
  });
});
