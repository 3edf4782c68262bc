import { randomUUID } from 'node:crypto';
import { ApiClient, sampleTicket } from '../support/api-client';
import { ADMIN } from '../support/demo-accounts';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const JAMIE = 'jamie@example.com';
const LUCIA = 'lucia@example.com';

/**
 * Who sees which ticket, on the real gateway: customers their own, agents their team's queue and what is
 * assigned to them, managers their department, admins all; everything else is a 404, never a 403.
 */
describe('ticket visibility', () => {
  let suite: GatewaySuite;
  let api: ApiClient;
  let as: Record<string, ApiClient>;
  let db: Db;
  /** T1 jamie's (Orders & Shipping), T2 lucia's (IT), T3 anonymous (Billing), T4 no team, assigned to ana. */
  const ids: Record<'T1' | 'T2' | 'T3' | 'T4', string> = { T1: '', T2: '', T3: '', T4: '' };

  beforeAll(async () => {
    suite = await startGatewaySuite('int_visibility');
    ({ api, as, db } = suite);
    const team = async (name: string) => (await db.rows('SELECT id FROM teams WHERE name = $1', [name]))[0].id;
    const route = async (id: string, change: Record<string, unknown>) => expect((await as[ADMIN].patch(`/api/tickets/${id}`, { version: 1, ...change })).status).toBe(200);
    ids.T1 = (await as[JAMIE].post('/api/tickets', { subject: 'Parcel late', description: 'Order 4411 has not arrived.' })).body.id;
    ids.T2 = (await as[LUCIA].post('/api/tickets', { subject: 'VPN', description: 'La VPN se desconecta.' })).body.id;
    ids.T3 = (await api.post('/api/tickets', sampleTicket({ customerName: 'Anon', customerEmail: 'anon@example.com', subject: 'Invoice' }))).body.id;
    ids.T4 = (await api.post('/api/tickets', sampleTicket({ customerName: 'Anon', customerEmail: 'anon@example.com', subject: 'Odd one' }))).body.id;
    await route(ids.T1, { teamId: await team('Orders & Shipping') });
    await route(ids.T2, { teamId: await team('IT Service Desk') });
    await route(ids.T3, { teamId: await team('Billing') });
    await route(ids.T4, { assigneeId: (await db.rows(`SELECT id FROM users WHERE email = 'ana.agent@smartdesk.example'`))[0].id });
  }, 60_000);

  afterAll(() => suite?.stop());

  const VISIBLE: [string, (keyof typeof ids)[]][] = [
    [ADMIN, ['T1', 'T2', 'T3', 'T4']],
    ['care.manager@smartdesk.example', ['T1', 'T3']],
    ['it.manager@smartdesk.example', ['T2']],
    ['ana.agent@smartdesk.example', ['T1', 'T4']],
    ['ben.agent@smartdesk.example', ['T3']],
    ['chen.agent@smartdesk.example', ['T2']],
    [JAMIE, ['T1']],
    [LUCIA, ['T2']],
  ];

  it.each(VISIBLE)('%s lists exactly %j', async (email, expected) => {
    const { status, body } = await as[email].get('/api/tickets?pageSize=100');
    expect(status).toBe(200);
    expect(body.total).toBe(expected.length);
    expect(body.items.map((item: { id: string }) => item.id).sort()).toEqual(expected.map((key) => ids[key]).sort());
  });

  it.each(VISIBLE)('%s opens %j and gets 404 for every other ticket, as for one that does not exist', async (email, expected) => {
    const unknown = randomUUID();
    expect((await as[email].get(`/api/tickets/${unknown}`)).body).toEqual({ statusCode: 404, error: 'Not Found', message: `ticket ${unknown} not found` });
    for (const [key, id] of Object.entries(ids)) {
      const { status, body } = await as[email].get(`/api/tickets/${id}`);
      expect({ key, status }).toEqual({ key, status: expected.includes(key as keyof typeof ids) ? 200 : 404 });
      // The same answer as for a ticket that does not exist: nothing tells that it does.
      if (status === 404) expect(body).toEqual({ statusCode: 404, error: 'Not Found', message: `ticket ${id} not found` });
    }
  });

  it("another customer's ticket is 404 for every route: read, conversation, reply", async () => {
    for (const response of [
      await as[JAMIE].get(`/api/tickets/${ids.T2}`),
      await as[JAMIE].get(`/api/tickets/${ids.T2}/messages`),
      await as[JAMIE].post(`/api/tickets/${ids.T2}/messages`, { body: 'Let me in' }),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.message).toBe(`ticket ${ids.T2} not found`);
    }
    expect(await db.count('ticket_messages')).toBe(0);
  });

  it('staff cannot change a ticket outside their scope either (404, nothing changed)', async () => {
    const response = await as['chen.agent@smartdesk.example'].patch(`/api/tickets/${ids.T1}`, { version: 2, status: 'open' });
    expect(response.status).toBe(404);
    expect((await as['ben.agent@smartdesk.example'].put(`/api/tickets/${ids.T1}/resolve`, { resolution: 'x' })).status).toBe(404);
    expect((await db.rows('SELECT status FROM tickets WHERE id = $1', [ids.T1]))[0].status).toBe('new');
  });

  it("a signed-in customer's ticket carries the account's name and email and belongs to them", async () => {
    const [ticket] = await db.rows('SELECT customer_id, customer_name, customer_email FROM tickets WHERE id = $1', [ids.T1]);
    const [jamie] = await db.rows('SELECT id, name FROM users WHERE email = $1', [JAMIE]);
    expect(ticket).toEqual({ customer_id: jamie.id, customer_name: jamie.name, customer_email: JAMIE });
  });

  it("an anonymous submission needs name and email and is linked to no account, even with a customer's email", async () => {
    const missing = await api.post('/api/tickets', { subject: 'S', description: 'D' });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['customerEmail', 'customerName']);
    const spoof = await api.post('/api/tickets', sampleTicket({ customerEmail: JAMIE }));
    expect((await db.rows('SELECT customer_id FROM tickets WHERE id = $1', [spoof.body.id]))[0].customer_id).toBeNull();
    expect((await as[JAMIE].get(`/api/tickets/${spoof.body.id}`)).status).toBe(404);
  });

  it("a ticket staff enter for a customer (phone) joins that customer's account", async () => {
    const entered = await as['ben.agent@smartdesk.example'].post('/api/tickets', sampleTicket({ customerName: 'Lucía', customerEmail: 'LUCIA@example.com', channel: 'phone' }));
    expect(entered.status).toBe(201);
    expect((await as[LUCIA].get(`/api/tickets/${entered.body.id}`)).status).toBe(200);
  });

  it('a customer sees their view: no triage, routing, metadata or version', async () => {
    await db.rows(`UPDATE tickets SET sentiment_label = 'negative', priority = 'urgent', escalated = true, escalation_level = 3 WHERE id = $1`, [ids.T1]);
    const single = await as[JAMIE].get(`/api/tickets/${ids.T1}`);
    const listed = await as[JAMIE].get('/api/tickets');
    for (const view of [single.body, listed.body.items[0]]) {
      expect(view).toMatchObject({ id: ids.T1, subject: 'Parcel late', status: 'new' });
      for (const hidden of ['sentimentLabel', 'priority', 'escalated', 'escalationLevel', 'teamId', 'assigneeId', 'metadata', 'version', 'results', 'timeline', 'suggestedResponse', 'customerId']) {
        expect(view).not.toHaveProperty(hidden);
      }
    }
    const staff = await as['ana.agent@smartdesk.example'].get(`/api/tickets/${ids.T1}`);
    expect(staff.body).toMatchObject({ priority: 'urgent', escalated: true, version: expect.any(Number), timeline: expect.any(Array) });
  });

  it('a customer may not filter or sort by staff-only columns (400 naming them)', async () => {
    const response = await as[JAMIE].get('/api/tickets?escalated=true&sentiment=negative&sort=priority');
    expect(response.status).toBe(400);
    expect(response.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['escalated', 'sentiment', 'sort']);
    expect((await as[JAMIE].get('/api/tickets?status=new&q=parcel')).body.total).toBe(1);
  });

  it('customers cannot ask for or read suggested responses (403)', async () => {
    expect((await as[JAMIE].post(`/api/tickets/${ids.T1}/response`)).status).toBe(403);
    expect((await as[JAMIE].get(`/api/tickets/${ids.T1}/responses/1`)).status).toBe(403);
    expect((await as[JAMIE].patch(`/api/tickets/${ids.T1}`, { version: 1, status: 'closed' })).status).toBe(403);
  });

  it('staff filter the queue by team and assignee', async () => {
    const [ana] = await db.rows(`SELECT id, team_id FROM users WHERE email = 'ana.agent@smartdesk.example'`);
    const mine = await as['ana.agent@smartdesk.example'].get(`/api/tickets?assigneeId=${ana.id}`);
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([ids.T4]);
    const queue = await as[ADMIN].get(`/api/tickets?teamId=${ana.team_id}`);
    expect(queue.body.items.map((item: { id: string }) => item.id)).toEqual([ids.T1]);
  });
});
