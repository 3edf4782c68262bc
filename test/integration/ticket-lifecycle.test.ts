import { randomUUID } from 'node:crypto';
import { ApiClient, sampleTicket } from '../support/api-client';
import { ADMIN } from '../support/demo-accounts';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const ANA = 'ana.agent@smartdesk.example';
const BEN = 'ben.agent@smartdesk.example';
const MANAGER = 'care.manager@smartdesk.example';

/** Status moves, optimistic concurrency and assignment rules, on the real gateway and Postgres. */
describe('ticket lifecycle', () => {
  let suite: GatewaySuite;
  let api: ApiClient;
  let as: Record<string, ApiClient>;
  let db: Db;
  let billing: string;
  let shipping: string;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_lifecycle');
    ({ api, as, db } = suite);
    billing = (await db.rows(`SELECT id FROM teams WHERE name = 'Billing'`))[0].id;
    shipping = (await db.rows(`SELECT id FROM teams WHERE name = 'Orders & Shipping'`))[0].id;
  }, 60_000);

  afterAll(() => suite?.stop());

  const userId = async (email: string) => (await db.rows('SELECT id FROM users WHERE email = $1', [email]))[0].id as string;
  /** A ticket in the Billing queue (Ben's team, the care manager's department), at version 2. */
  const billingTicket = async () => {
    const { id } = (await as['jamie@example.com'].post('/api/tickets', { subject: 'Charged twice', description: 'Order 5521 was charged twice.' })).body;
    expect((await as[ADMIN].patch(`/api/tickets/${id}`, { version: 1, teamId: billing })).status).toBe(200);
    return id as string;
  };
  const row = async (id: string) => (await db.rows('SELECT status, version, priority, assignee_id, team_id, resolution, resolved_by, resolved_at, closed_at FROM tickets WHERE id = $1', [id]))[0];

  it('walks new → open → pending → resolved → closed, one version per change, each on the timeline', async () => {
    const id = await billingTicket();
    const ben = as[BEN];
    let version = 2;
    for (const status of ['open', 'pending', 'resolved', 'closed']) {
      const response = await ben.patch(`/api/tickets/${id}`, { version, status, ...(status === 'resolved' ? { resolution: 'Refunded.' } : {}) });
      expect({ status, code: response.status }).toEqual({ status, code: 200 });
      expect(response.body).toMatchObject({ status, version: ++version });
    }
    expect(await row(id)).toMatchObject({ status: 'closed', version: 6, resolution: 'Refunded.', resolved_by: BEN, resolved_at: expect.any(Date), closed_at: expect.any(Date) });
    const types = (await db.rows('SELECT type FROM ticket_events WHERE ticket_id = $1 ORDER BY id', [id])).map((event) => event.type);
    expect(types).toEqual(['received', 'team-changed', 'status-changed', 'status-changed', 'resolved', 'closed']);
  });

  it.each([
    ['new', 'closed', ['triaged', 'open', 'pending', 'resolved']],
    ['open', 'closed', ['pending', 'resolved']],
  ])('a %s ticket cannot become %s: 409 listing %j, nothing changed', async (from, to, allowed) => {
    const id = await billingTicket();
    if (from === 'open') await as[BEN].patch(`/api/tickets/${id}`, { version: 2, status: 'open' });
    const before = await row(id);
    const response = await as[BEN].patch(`/api/tickets/${id}`, { version: before.version, status: to });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ statusCode: 409, status: from, allowed });
    expect(await row(id)).toEqual(before);
  });

  it('closed is final: reopening gives 409 with no allowed moves', async () => {
    const id = await billingTicket();
    await as[BEN].put(`/api/tickets/${id}/resolve`, { resolution: 'Done.' });
    const closed = await as[BEN].patch(`/api/tickets/${id}`, { version: 3, status: 'closed' });
    expect(closed.status).toBe(200);
    const reopen = await as[BEN].patch(`/api/tickets/${id}`, { version: 4, status: 'open' });
    expect(reopen.status).toBe(409);
    expect(reopen.body).toMatchObject({ status: 'closed', allowed: [] });
  });

  it('reopening a resolved ticket clears its resolution (the audit log keeps it)', async () => {
    const id = await billingTicket();
    expect((await as[BEN].put(`/api/tickets/${id}/resolve`, { resolution: 'Refunded.', version: 2 })).status).toBe(200);
    const reopened = await as[BEN].patch(`/api/tickets/${id}`, { version: 3, status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', resolution: null, resolvedBy: null, resolvedAt: null, version: 4 });
    const [audit] = await db.rows(`SELECT before FROM audit_log WHERE entity = 'tickets' AND entity_id = $1 AND after->>'status' = 'open'`, [id]);
    expect(audit.before).toMatchObject({ status: 'resolved', resolution: 'Refunded.', resolved_by: BEN });
  });

  it('a change carrying a stale version → 409 with the current version; nothing is overwritten', async () => {
    const id = await billingTicket();
    expect((await as[BEN].patch(`/api/tickets/${id}`, { version: 2, priority: 'high' })).status).toBe(200);
    const stale = await as[MANAGER].patch(`/api/tickets/${id}`, { version: 2, priority: 'low', status: 'pending' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ statusCode: 409, currentVersion: 3 });
    expect(await row(id)).toMatchObject({ priority: 'high', status: 'new', version: 3 });
    expect((await as[MANAGER].put(`/api/tickets/${id}/resolve`, { resolution: 'x', version: 2 })).status).toBe(409);
    expect(await row(id)).toMatchObject({ status: 'new', resolution: null });
  });

  it('two agents editing the same version at once: one wins, the other gets 409, one change recorded', async () => {
    const id = await billingTicket();
    const attempts = await Promise.all([
      as[BEN].patch(`/api/tickets/${id}`, { version: 2, priority: 'urgent' }),
      as[MANAGER].patch(`/api/tickets/${id}`, { version: 2, priority: 'low' }),
      as[ADMIN].patch(`/api/tickets/${id}`, { version: 2, priority: 'normal' }),
    ]);
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual([200, 409, 409]);
    const winner = attempts.find((attempt) => attempt.status === 200)!.body;
    expect(await row(id)).toMatchObject({ priority: winner.priority, version: 3 });
    expect(await db.count('ticket_events', `ticket_id = $1 AND type = 'priority-changed'`, [id])).toBe(1);
    expect(await db.count('audit_log', `entity = 'tickets' AND entity_id = $1 AND action = 'update' AND after ? 'priority'`, [id])).toBe(1);
  });

  it('the escalation flag is not a status: it stays alongside any status', async () => {
    const id = await billingTicket();
    await db.rows(`UPDATE tickets SET escalated = true, escalation_level = 2 WHERE id = $1`, [id]);
    const response = await as[BEN].patch(`/api/tickets/${id}`, { version: 2, status: 'pending' });
    expect(response.body).toMatchObject({ status: 'pending', escalated: true, escalationLevel: 2 });
  });

  it('PUT resolve records the signed-in account as resolvedBy', async () => {
    const id = await billingTicket();
    const response = await as[BEN].put(`/api/tickets/${id}/resolve`, { resolution: 'Refunded.' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'resolved', resolvedBy: BEN, resolvedById: await userId(BEN), version: 3 });
  });

  it.each([
    [{ version: 2 }, 'status'],
    [{ version: 2, status: 'triaged' }, 'status'],
    [{ status: 'open' }, 'version'],
    [{ version: 2, status: 'open', resolution: 'x' }, 'resolution'],
    [{ version: 2, priority: null }, 'priority'],
  ])('400 for %j, naming %s', async (body, field) => {
    const id = await billingTicket();
    const response = await as[BEN].patch(`/api/tickets/${id}`, body);
    expect(response.status).toBe(400);
    expect(response.body.fields.map((entry: { field: string }) => entry.field)).toEqual([field]);
  });

  describe('assignment', () => {
    it('an agent takes a ticket from their queue and gives it back', async () => {
      const id = await billingTicket();
      const ben = await userId(BEN);
      const taken = await as[BEN].patch(`/api/tickets/${id}`, { version: 2, assigneeId: ben });
      expect(taken.body).toMatchObject({ assigneeId: ben, version: 3 });
      const back = await as[BEN].patch(`/api/tickets/${id}`, { version: 3, assigneeId: null });
      expect(back.body).toMatchObject({ assigneeId: null, version: 4 });
      const types = (await db.rows('SELECT type FROM ticket_events WHERE ticket_id = $1 ORDER BY id', [id])).map((event) => event.type);
      expect(types.slice(-2)).toEqual(['assigned', 'unassigned']);
    });

    it('an agent may not assign someone else nor move a ticket between teams (403)', async () => {
      const id = await billingTicket();
      expect((await as[BEN].patch(`/api/tickets/${id}`, { version: 2, assigneeId: await userId(ANA) })).status).toBe(403);
      expect((await as[BEN].patch(`/api/tickets/${id}`, { version: 2, teamId: shipping })).status).toBe(403);
      expect(await row(id)).toMatchObject({ assignee_id: null, team_id: billing, version: 2 });
    });

    it('a manager assigns staff and moves teams; a customer, an unknown user or team → 422', async () => {
      const id = await billingTicket();
      expect((await as[MANAGER].patch(`/api/tickets/${id}`, { version: 2, assigneeId: await userId('jamie@example.com') })).status).toBe(422);
      expect((await as[MANAGER].patch(`/api/tickets/${id}`, { version: 2, assigneeId: randomUUID() })).status).toBe(422);
      expect((await as[MANAGER].patch(`/api/tickets/${id}`, { version: 2, teamId: randomUUID() })).status).toBe(422);
      const moved = await as[MANAGER].patch(`/api/tickets/${id}`, { version: 2, teamId: shipping, assigneeId: await userId(ANA) });
      expect(moved.body).toMatchObject({ teamId: shipping, assigneeId: await userId(ANA), version: 3 });
      // Ben's queue no longer holds it; Ana, its assignee in the new team, sees it.
      expect((await as[BEN].get(`/api/tickets/${id}`)).status).toBe(404);
      expect((await as[ANA].get(`/api/tickets/${id}`)).status).toBe(200);
    });
  });

  it('asking a closed ticket for a fresh smart response → 409', async () => {
    const id = await billingTicket();
    await as[BEN].put(`/api/tickets/${id}/resolve`, { resolution: 'Done.' });
    await as[BEN].patch(`/api/tickets/${id}`, { version: 3, status: 'closed' });
    expect((await as[BEN].post(`/api/tickets/${id}/response`)).status).toBe(409);
  });

  it('an anonymous ticket can be resolved by staff straight from new (spam, duplicates)', async () => {
    const { id } = (await api.post('/api/tickets', sampleTicket())).body;
    expect((await as[ADMIN].put(`/api/tickets/${id}/resolve`, { resolution: 'Duplicate of #1.' })).status).toBe(200);
  });
});
