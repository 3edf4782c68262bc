import { ApiClient, sampleTicket } from '../support/api-client';
import { ADMIN } from '../support/demo-accounts';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const BEN = 'ben.agent@smartdesk.example';

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** One audit table, written by the database in the same transaction as every change, on the real gateway and Postgres. */
describe('audit log', () => {
  let suite: GatewaySuite;
  let api: ApiClient;
  let as: Record<string, ApiClient>;
  let db: Db;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_audit');
    ({ api, as, db } = suite);
  }, 60_000);

  afterAll(() => suite?.stop());

  const userId = async (email: string) => (await db.rows('SELECT id FROM users WHERE email = $1', [email]))[0].id as string;
  const entriesFor = (entity: string, entityId: string) => db.rows<AuditRow>('SELECT * FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id', [entity, entityId]);
  const lastId = async () => Number((await db.rows('SELECT coalesce(max(id), 0) AS id FROM audit_log'))[0].id);
  const newTicketInBilling = async () => {
    const { id } = (await api.post('/api/tickets', sampleTicket())).body;
    await as[ADMIN].patch(`/api/tickets/${id}`, { version: 1, teamId: (await db.rows(`SELECT id FROM teams WHERE name = 'Billing'`))[0].id });
    return id as string;
  };

  it('records who, when, and only the changed columns before and after, for each change of a ticket', async () => {
    const id = await newTicketInBilling();
    const started = new Date();
    await as[BEN].patch(`/api/tickets/${id}`, { version: 2, status: 'open', priority: 'high' });
    const entries = await entriesFor('tickets', id);
    expect(entries.map((entry) => [entry.action, entry.actor])).toEqual([
      ['insert', 'anonymous'],
      ['update', ADMIN],
      ['update', BEN],
    ]);
    expect(entries[0]).toMatchObject({ actor_id: null, before: null, after: expect.objectContaining({ id, status: 'new', customer_email: 'jamie@example.com' }) });
    expect(entries[2]).toMatchObject({
      actor_id: await userId(BEN),
      before: { status: 'new', priority: null, version: 2 },
      after: { status: 'open', priority: 'high', version: 3 },
    });
    expect(entries[2].occurred_at.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
  });

  it('a ticket entered by staff is audited as them, with their id', async () => {
    const { id } = (await as[BEN].post('/api/tickets', sampleTicket())).body;
    const entries = await entriesFor('tickets', id);
    expect(entries).toMatchObject([{ action: 'insert', actor: BEN, actor_id: await userId(BEN) }]);
  });

  it('a refused change (stale version, invalid move, taken name) writes no audit entry', async () => {
    const id = await newTicketInBilling();
    const before = await lastId();
    expect((await as[BEN].patch(`/api/tickets/${id}`, { version: 1, status: 'open' })).status).toBe(409);
    expect((await as[BEN].patch(`/api/tickets/${id}`, { version: 2, status: 'closed' })).status).toBe(409);
    expect((await as[ADMIN].post('/api/teams', { name: 'Billing', department: 'X' })).status).toBe(409);
    expect((await as[ADMIN].post('/api/users', { email: BEN, name: 'Ben again', role: 'agent' })).status).toBe(409);
    expect(await lastId()).toBe(before);
  });

  it('a change that does not change anything writes no entry', async () => {
    const id = await newTicketInBilling();
    await as[BEN].patch(`/api/tickets/${id}`, { version: 2, priority: 'high' });
    const before = await lastId();
    const same = await as[BEN].patch(`/api/tickets/${id}`, { version: 3, priority: 'high' });
    expect(same.body).toMatchObject({ priority: 'high', version: 3 });
    await db.rows('UPDATE tickets SET updated_at = now() WHERE id = $1', [id]);
    expect(await lastId()).toBe(before);
  });

  it('commits and rolls back with the change itself', async () => {
    const id = await newTicketInBilling();
    const before = await lastId();
    await db.rows('BEGIN');
    await db.rows(`UPDATE tickets SET priority = 'urgent' WHERE id = $1`, [id]);
    expect(await lastId()).toBe(before + 1);
    await db.rows('ROLLBACK');
    expect(await lastId()).toBe(before);
    expect((await db.rows('SELECT priority FROM tickets WHERE id = $1', [id]))[0].priority).toBeNull();
  });

  it('never copies a password or key hash: a password change shows as [redacted]', async () => {
    const created = await as[ADMIN].post('/api/users', { email: 'audit.me@smartdesk.example', name: 'Audit Me', role: 'agent', password: 'first-password-1' });
    await as[ADMIN].patch(`/api/users/${created.body.id}`, { password: 'second-password-2' });
    const entries = await entriesFor('users', created.body.id);
    expect(entries.map((entry) => entry.action)).toEqual(['insert', 'update']);
    expect(entries[0].after).toMatchObject({ email: 'audit.me@smartdesk.example', password_hash: '[redacted]' });
    expect(entries[1]).toMatchObject({ actor: ADMIN, before: { password_hash: '[redacted]' }, after: { password_hash: '[redacted]' } });

    const key = await as[ADMIN].post('/api/api-keys', { name: 'Audited key', userId: created.body.id });
    await as[ADMIN].delete(`/api/api-keys/${key.body.id}`);
    const keyEntries = await entriesFor('api_keys', key.body.id);
    expect(keyEntries.map((entry) => entry.action)).toEqual(['insert', 'update']);
    expect(keyEntries[0].after).toMatchObject({ name: 'Audited key', key_hash: '[redacted]' });
    expect(keyEntries[1].after).toEqual({ revoked_at: expect.any(String) });

    const everything = JSON.stringify(await db.rows('SELECT before, after FROM audit_log'));
    expect(everything).not.toMatch(/\$argon2id\$/);
    expect(everything).not.toContain(key.body.key.slice(4));
    const [{ key_hash: hash }] = await db.rows('SELECT key_hash FROM api_keys WHERE id = $1', [key.body.id]);
    expect(everything).not.toContain(hash);
  });

  it('names the API key a change came through', async () => {
    const key = await as[ADMIN].post('/api/api-keys', { name: 'Email channel', userId: await userId(BEN) });
    const id = await newTicketInBilling();
    await api.withApiKey(key.body.key).patch(`/api/tickets/${id}`, { version: 2, priority: 'low' });
    const [entry] = (await entriesFor('tickets', id)).slice(-1);
    expect(entry).toMatchObject({ actor_id: await userId(BEN), actor: `api-key:Email channel (${BEN})`, after: { priority: 'low', version: 3 } });
  });

  it('audits conversation and macros too, a delete with the whole row before', async () => {
    const id = await newTicketInBilling();
    const note = await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'Internal', internal: true });
    expect((await entriesFor('ticket_messages', note.body.id))[0]).toMatchObject({ action: 'insert', actor: BEN, after: { kind: 'note', body: 'Internal' } });

    const macro = await as['care.manager@smartdesk.example'].post('/api/macros', { name: 'Short-lived', body: 'Hi {{customer.name}}' });
    await as['care.manager@smartdesk.example'].delete(`/api/macros/${macro.body.id}`);
    const entries = await entriesFor('macros', macro.body.id);
    expect(entries.map((entry) => entry.action)).toEqual(['insert', 'delete']);
    expect(entries[1]).toMatchObject({ actor: 'care.manager@smartdesk.example', after: null, before: expect.objectContaining({ name: 'Short-lived', body: 'Hi {{customer.name}}' }) });
  });

  it('the seed command is the actor of the demo data', async () => {
    const entries = await entriesFor('users', await userId(ADMIN));
    expect(entries[0]).toMatchObject({ action: 'insert', actor: 'seed', actor_id: null });
  });

  describe('GET /api/audit (admins)', () => {
    it('filters by entity, row and actor, newest first, in pages', async () => {
      const id = await newTicketInBilling();
      await as[BEN].patch(`/api/tickets/${id}`, { version: 2, priority: 'high' });
      await as[BEN].patch(`/api/tickets/${id}`, { version: 3, priority: 'low' });
      const forTicket = await as[ADMIN].get(`/api/audit?entity=tickets&entityId=${id}`);
      expect(forTicket.status).toBe(200);
      expect(forTicket.body.total).toBe(4);
      expect(forTicket.body.items.map((entry: { action: string; after: { priority?: string } }) => [entry.action, entry.after?.priority])).toEqual([
        ['update', 'low'],
        ['update', 'high'],
        ['update', undefined],
        ['insert', null],
      ]);
      expect(forTicket.body.items[0]).toMatchObject({ actorId: await userId(BEN), actor: BEN, entity: 'tickets', entityId: id, occurredAt: expect.any(String) });

      const byBen = await as[ADMIN].get(`/api/audit?actorId=${await userId(BEN)}&pageSize=1&page=2`);
      expect(byBen.body).toMatchObject({ page: 2, pageSize: 1 });
      expect(byBen.body.items).toHaveLength(1);
      expect(byBen.body.items[0].actor).toMatch(/ben\.agent@smartdesk\.example/);
    });

    it('400 for an entity that is not audited; every audited table can be asked for', async () => {
      expect((await as[ADMIN].get('/api/audit?entity=outbox_messages')).status).toBe(400);
      const audited: { table: string }[] = await db.rows(`SELECT DISTINCT event_object_table AS table FROM information_schema.triggers WHERE trigger_name LIKE 'audit\\_%' ORDER BY 1`);
      expect(audited.length).toBeGreaterThanOrEqual(11);
      for (const { table } of audited) expect({ table, status: (await as[ADMIN].get(`/api/audit?entity=${table}`)).status }).toEqual({ table, status: 200 });
    });
  });
});
