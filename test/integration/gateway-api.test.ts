import { randomUUID } from 'node:crypto';
import { ApiClient, sampleTicket } from '../support/api-client';
import { AppProcess } from '../support/app-process';
import { ADMIN } from '../support/demo-accounts';
import { freePort } from '@smartdesk/vector-store';
import type { TestEnvironment } from '../support/test-environment';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The real gateway process alone (no workers): HTTP contract, validation, status codes, health, docs. */
describe('gateway API', () => {
  let suite: GatewaySuite;
  let env: TestEnvironment;
  /** Anonymous: what the web form uses to submit. */
  let api: ApiClient;
  /** Signed in as the demo admin, who sees every ticket. */
  let admin: ApiClient;
  let db: Db;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_gateway');
    ({ env, api, db } = suite);
    admin = suite.as[ADMIN];
  }, 60_000);

  afterAll(() => suite?.stop());

  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((entry) => entry.field);
  const expectNothingStored = async () => {
    expect(await db.count('tickets')).toBe(0);
    expect(await db.count('outbox_messages')).toBe(0);
    expect(await db.count('ticket_events')).toBe(0);
  };
  const createTicket = async (overrides: Record<string, unknown> = {}) => {
    const created = await api.post('/api/tickets', sampleTicket(overrides));
    expect(created.status).toBe(201);
    return created.body as { id: string; number: number };
  };

  describe('POST /api/tickets rejects bad input and stores nothing', () => {
    const { description: _omitted, ...withoutDescription } = sampleTicket();

    it.each([
      ['customerEmail is not an email', sampleTicket({ customerEmail: 'not-an-email' }), ['customerEmail']],
      ['subject is empty', sampleTicket({ subject: '' }), ['subject']],
      ['description is missing', withoutDescription, ['description']],
      ['an unknown property is sent', sampleTicket({ isAdmin: true }), ['isAdmin']],
      ['channel is not in the enum', sampleTicket({ channel: 'fax' }), ['channel']],
      ['metadata is a string', sampleTicket({ metadata: 'vip' }), ['metadata']],
      ['metadata is an array', sampleTicket({ metadata: ['vip'] }), ['metadata']],
      ['customerName is not a string', sampleTicket({ customerName: 42 }), ['customerName']],
      ['subject is only whitespace', sampleTicket({ subject: '   ' }), ['subject']],
      [
        'several fields are bad at once',
        { customerName: 'Jamie', customerEmail: 'jamie@', subject: '', channel: 'pigeon', metadata: 7, extra: 1 },
        ['customerEmail', 'subject', 'description', 'channel', 'metadata', 'extra'],
      ],
    ])('400 when %s, naming the field', async (_case, body, bad) => {
      const response = await api.post('/api/tickets', body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', fields: expect.any(Array) });
      expect(fieldsOf(response.body).sort()).toEqual([...bad].sort());
      for (const entry of response.body.fields) expect(entry.problems.length).toBeGreaterThan(0);
      await expectNothingStored();
    });

    it('400 naming every required field when the body is an empty object', async () => {
      const response = await api.post('/api/tickets', {});
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(expect.arrayContaining(['customerName', 'customerEmail', 'subject', 'description']));
      await expectNothingStored();
    });

    it('413 with a JSON body when the body is larger than MAX_BODY_BYTES (65536 by default)', async () => {
      const response = await api.post('/api/tickets', sampleTicket({ description: 'x'.repeat(70_000) }));
      expect(response.status).toBe(413);
      expect(typeof response.body).toBe('object');
      expect(response.body).toMatchObject({ statusCode: 413 });
      await expectNothingStored();
    });

    it('400 for a NUL character anywhere in the body (Postgres text cannot store it)', async () => {
      for (const [body, field] of [
        [sampleTicket({ description: 'hello \u0000 world' }), 'description'],
        [sampleTicket({ metadata: { a: 'x\u0000y' } }), 'metadata.a'],
      ] as const) {
        const response = await api.post('/api/tickets', body);
        expect(response.status).toBe(400);
        expect(response.body.fields).toEqual([{ field, problems: [expect.stringMatching(/NUL/)] }]);
      }
      await expectNothingStored();
    });

    it('400 with a JSON body for malformed JSON', async () => {
      const response = await api.post('/api/tickets', '{"customerName": "Jamie", "subject": ');
      expect(response.status).toBe(400);
      expect(typeof response.body).toBe('object');
      expect(response.body).toMatchObject({ statusCode: 400 });
      await expectNothingStored();
    });
  });

  describe('POST /api/tickets stores a valid ticket', () => {
    it('201 with a uuid and a number; ticket, one outbox row and a received event are stored', async () => {
      const created = await api.post('/api/tickets', sampleTicket({ channel: 'email', metadata: { orderId: '4411', tier: 'vip' } }));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: expect.stringMatching(UUID), number: expect.any(Number), status: 'new' });
      const { id } = created.body;

      const [ticket] = await db.rows('SELECT * FROM tickets WHERE id = $1', [id]);
      expect(ticket).toMatchObject({
        customer_name: 'Jamie Doe',
        customer_email: 'jamie@example.com',
        subject: 'Where is my parcel?',
        channel: 'email',
        // The tier raises priority: only a customer's account sets it, never an anonymous form.
        metadata: { orderId: '4411' },
        status: 'new',
        revision: 1,
      });
      expect(Number(ticket.number)).toBe(created.body.number);

      const outbox = await db.rows('SELECT kind, payload, published_at FROM outbox_messages');
      expect(outbox).toHaveLength(1);
      expect(outbox[0].payload).toMatchObject({ ticketId: id, revision: 1 });
      // Published by the request itself, before it answered: the sweep is only for what a writer could not publish.
      expect(outbox[0].published_at).toBeInstanceOf(Date);

      const events = await db.rows('SELECT stage, type FROM ticket_events WHERE ticket_id = $1', [id]);
      expect(events).toEqual([{ stage: 'intake', type: 'received' }]);
    });

    it('defaults the channel to web and the metadata to {}', async () => {
      const { id } = await createTicket();
      const [ticket] = await db.rows('SELECT channel, metadata FROM tickets WHERE id = $1', [id]);
      expect(ticket).toEqual({ channel: 'web', metadata: {} });
    });

    it('gives each new ticket a larger number', async () => {
      const numbers: number[] = [];
      for (let i = 0; i < 3; i++) numbers.push((await createTicket({ subject: `Parcel ${i}` })).number);
      expect(numbers[1]).toBeGreaterThan(numbers[0]);
      expect(numbers[2]).toBeGreaterThan(numbers[1]);
      expect(await db.count('outbox_messages')).toBe(await db.count('tickets'));
    });
  });

  describe('single-ticket routes', () => {
    it('GET an unknown uuid → 404 JSON', async () => {
      const response = await admin.get(`/api/tickets/${randomUUID()}`);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404 });
    });

    it('GET a ticket that exists → 200 with results, no suggested response yet and the timeline', async () => {
      const { id, number } = await createTicket();
      const response = await admin.get(`/api/tickets/${id}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id,
        number,
        status: 'new',
        results: { categorization: null, sentiment: null, escalation: null },
        suggestedResponse: null,
      });
      expect(response.body.timeline.map((event: { type: string }) => event.type)).toEqual(['received']);
    });

    it('GET a malformed id → 400', async () => {
      const response = await admin.get('/api/tickets/not-a-uuid');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400 });
    });

    it('PUT resolve with an empty body → 400 naming resolution', async () => {
      const { id } = await createTicket();
      for (const body of [{}, undefined]) {
        const response = await admin.put(`/api/tickets/${id}/resolve`, body);
        expect(response.status).toBe(400);
        expect(fieldsOf(response.body)).toEqual(['resolution']);
      }
      const [ticket] = await db.rows('SELECT status FROM tickets WHERE id = $1', [id]);
      expect(ticket.status).toBe('new');
    });

    it('PUT resolve on an unknown ticket → 404', async () => {
      const response = await admin.put(`/api/tickets/${randomUUID()}/resolve`, { resolution: 'done' });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404 });
    });

    it('POST response on an unknown ticket → 404 and nothing queued', async () => {
      const before = await db.count('outbox_messages');
      const response = await admin.post(`/api/tickets/${randomUUID()}/response`);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404 });
      expect(await db.count('outbox_messages')).toBe(before);
    });

    it('resolves once (200), then 409; asking a response for it → 409 with the revision rolled back', async () => {
      const { id } = await createTicket();
      const resolved = await admin.put(`/api/tickets/${id}/resolve`, { resolution: 'Refunded.' });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({ id, status: 'resolved', resolution: 'Refunded.', resolvedBy: ADMIN, resolvedById: expect.any(String), resolvedAt: expect.any(String) });

      const again = await admin.put(`/api/tickets/${id}/resolve`, { resolution: 'Again.' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ statusCode: 409, status: 'resolved', allowed: ['open', 'closed'] });
      const [afterAgain] = await db.rows('SELECT resolution, resolved_by FROM tickets WHERE id = $1', [id]);
      expect(afterAgain).toEqual({ resolution: 'Refunded.', resolved_by: ADMIN });

      const outboxBefore = await db.count('outbox_messages');
      const requested = await admin.post(`/api/tickets/${id}/response`);
      expect(requested.status).toBe(409);
      expect(requested.body).toMatchObject({ statusCode: 409 });
      const [ticket] = await db.rows('SELECT revision, status FROM tickets WHERE id = $1', [id]);
      expect(ticket).toEqual({ revision: 1, status: 'resolved' });
      expect(await db.count('outbox_messages')).toBe(outboxBefore);
      const types = (await db.rows('SELECT type FROM ticket_events WHERE ticket_id = $1', [id])).map((row) => row.type);
      expect(types.sort()).toEqual(['received', 'resolved']);
    });

    it('three people resolving at once: exactly one wins (200), the others get 409, one resolved event', async () => {
      const { id } = await createTicket();
      const [team] = await db.rows(`SELECT id FROM teams WHERE name = 'Orders & Shipping'`);
      expect((await admin.patch(`/api/tickets/${id}`, { version: 1, teamId: team.id })).status).toBe(200);
      const people = [ADMIN, 'care.manager@smartdesk.example', 'ana.agent@smartdesk.example'];
      const attempts = await Promise.all(people.map((email) => suite.as[email].put(`/api/tickets/${id}/resolve`, { resolution: `by ${email}` })));
      expect(attempts.map((attempt) => attempt.status).sort()).toEqual([200, 409, 409]);
      const winner = attempts.find((attempt) => attempt.status === 200)!.body;
      expect(winner.resolution).toBe(`by ${winner.resolvedBy}`);
      const [ticket] = await db.rows('SELECT resolved_by FROM tickets WHERE id = $1', [id]);
      expect(ticket.resolved_by).toBe(winner.resolvedBy);
      expect(await db.count('ticket_events', `ticket_id = $1 AND type = 'resolved'`, [id])).toBe(1);
    });

    it('PUT resolve with an extra property, or a resolvedBy of its own choosing → 400 naming it, ticket untouched', async () => {
      const { id } = await createTicket();
      const response = await admin.put(`/api/tickets/${id}/resolve`, { resolution: 'done', status: 'new' });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['status']);
      const impersonating = await admin.put(`/api/tickets/${id}/resolve`, { resolution: 'done', resolvedBy: 'someone.else' });
      expect(impersonating.status).toBe(400);
      expect(fieldsOf(impersonating.body)).toEqual(['resolvedBy']);
      const [ticket] = await db.rows('SELECT status, resolution FROM tickets WHERE id = $1', [id]);
      expect(ticket).toEqual({ status: 'new', resolution: null });
    });

    it('resolving with a resolution, then reopening, each queue a solved-tickets index update with the change', async () => {
      const { id } = await createTicket();
      const solvedUpdates = () => db.rows(`SELECT payload FROM outbox_messages WHERE kind = 'ticket.solved-changed' AND payload->>'ticketId' = $1 ORDER BY id`, [id]);
      const resolved = await admin.put(`/api/tickets/${id}/resolve`, { resolution: 'Reset the router.' });
      expect(resolved.status).toBe(200);
      const reopened = await admin.patch(`/api/tickets/${id}`, { version: resolved.body.version, status: 'open' });
      expect(reopened.status).toBe(200);
      expect((await solvedUpdates()).map((row) => row.payload)).toEqual([
        { v: 1, ticketId: id, version: resolved.body.version },
        { v: 1, ticketId: id, version: reopened.body.version },
      ]);
      // Neither a change that leaves the solved state alone nor a refused one queues anything.
      expect((await admin.patch(`/api/tickets/${id}`, { version: reopened.body.version, priority: 'high' })).status).toBe(200);
      expect((await admin.patch(`/api/tickets/${id}`, { version: 1, status: 'resolved', resolution: 'stale' })).status).toBe(409);
      expect(await solvedUpdates()).toHaveLength(2);
    });

    it('concurrent response requests each get their own revision', async () => {
      const { id } = await createTicket();
      const requests = await Promise.all([1, 2, 3].map(() => admin.post(`/api/tickets/${id}/response`)));
      expect(requests.map((request) => request.status)).toEqual([202, 202, 202]);
      expect(requests.map((request) => request.body.revision).sort()).toEqual([2, 3, 4]);
      const [ticket] = await db.rows('SELECT revision FROM tickets WHERE id = $1', [id]);
      expect(ticket.revision).toBe(4);
      expect(await db.count('outbox_messages', `payload->>'ticketId' = $1`, [id])).toBe(4);
    });

    it('POST response on an open ticket → 202 with the next revision, queued through the outbox', async () => {
      const { id } = await createTicket();
      const requested = await admin.post(`/api/tickets/${id}/response`);
      expect(requested.status).toBe(202);
      expect(requested.body).toEqual({ ticketId: id, revision: 2, status: 'queued', location: `/api/tickets/${id}/responses/2` });
      expect(await db.count('outbox_messages', `payload->>'ticketId' = $1`, [id])).toBe(2);
      expect(await db.count('ticket_events', `ticket_id = $1 AND type = 'response-requested'`, [id])).toBe(1);
    });

    it('GET responses/1 before any worker ran → 202 pending; responses/99 → 404', async () => {
      const { id } = await createTicket();
      const pending = await admin.get(`/api/tickets/${id}/responses/1`);
      expect(pending.status).toBe(202);
      expect(pending.body).toEqual({ ticketId: id, revision: 1, status: 'pending' });

      const missing = await admin.get(`/api/tickets/${id}/responses/99`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ statusCode: 404 });
      expect((await admin.get(`/api/tickets/${id}/responses/0`)).status).toBe(404);
      expect((await admin.get(`/api/tickets/${id}/responses/first`)).status).toBe(400);
      expect((await admin.get(`/api/tickets/${randomUUID()}/responses/1`)).status).toBe(404);
    });
  });

  describe('GET /api/tickets', () => {
    const MARKER = 'quokkaberry';
    let all: { id: string; number: number }[];

    const readAll = async () => (all = (await db.rows('SELECT id, number FROM tickets ORDER BY number')).map((row) => ({ id: row.id, number: Number(row.number) })));

    beforeAll(async () => {
      await createTicket({ subject: 'Lamp', description: `The ${MARKER} lamp I ordered arrived broken.` });
      await readAll();
    });

    it('pages through every ticket exactly once, with total, page and pageSize', async () => {
      const pageSize = 3;
      const seen: string[] = [];
      const pages = Math.ceil(all.length / pageSize);
      for (let page = 1; page <= pages + 1; page++) {
        const response = await admin.get(`/api/tickets?page=${page}&pageSize=${pageSize}`);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ total: all.length, page, pageSize });
        expect(response.body.items.length).toBe(page <= pages ? Math.min(pageSize, all.length - (page - 1) * pageSize) : 0);
        seen.push(...response.body.items.map((item: { id: string }) => item.id));
      }
      expect(seen).toHaveLength(all.length);
      expect(new Set(seen)).toEqual(new Set(all.map((ticket) => ticket.id)));
    });

    it.each([
      ['createdAt', 'desc'],
      ['updatedAt', 'asc'],
      ['priority', 'desc'],
      ['number', 'asc'],
    ])('walks every ticket exactly once by following nextCursor (sort=%s, order=%s), in the order of page 1', async (sort, order) => {
      const everything = await admin.get(`/api/tickets?sort=${sort}&order=${order}&pageSize=100`);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const response = await admin.get(`/api/tickets?sort=${sort}&order=${order}&pageSize=2${after ? `&after=${after}` : ''}`);
        expect(response.status).toBe(200);
        seen.push(...response.body.items.map((item: { id: string }) => item.id));
        after = response.body.nextCursor;
        // A ticket arriving mid-walk lands before the cursor: nothing shifts, nothing repeats.
        if (seen.length === 2 && sort === 'createdAt') await createTicket({ subject: 'Arrived while paging' });
      } while (after !== null);
      expect(seen).toEqual(everything.body.items.map((item: { id: string }) => item.id));
      await readAll();
    });

    it('refuses a cursor of another sort, a made-up one, and page with after, naming after', async () => {
      await createTicket({ subject: 'A second page' });
      await readAll();
      const first = await admin.get('/api/tickets?pageSize=1');
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const made = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      for (const query of [
        `sort=number&after=${first.body.nextCursor}`,
        `page=2&after=${first.body.nextCursor}`,
        'after=not-a-cursor',
        `after=${made(['createdAt', '2026-02-31', 1])}`,
        `after=${made(['createdAt', 1e300, 1])}`,
      ]) {
        const response = await admin.get(`/api/tickets?${query}`);
        expect({ query, status: response.status, fields: fieldsOf(response.body) }).toEqual({ query, status: 400, fields: ['after'] });
      }
    });

    it('defaults to page 1 of 20, newest first', async () => {
      const response = await admin.get('/api/tickets');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ page: 1, pageSize: 20, total: all.length });
      const numbers = response.body.items.map((item: { number: number }) => item.number);
      expect(numbers).toEqual([...all.map((ticket) => ticket.number)].sort((a, b) => b - a).slice(0, 20));
    });

    it('lists oldest first with order=asc: numbers ascending', async () => {
      const response = await admin.get('/api/tickets?order=asc&pageSize=100');
      expect(response.status).toBe(200);
      expect(response.body.items.map((item: { number: number }) => item.number)).toEqual(all.map((ticket) => ticket.number));
    });

    it('sorts by number descending with sort=number&order=desc', async () => {
      const response = await admin.get('/api/tickets?sort=number&order=desc&pageSize=100');
      expect(response.status).toBe(200);
      expect(response.body.items.map((item: { number: number }) => item.number)).toEqual(all.map((ticket) => ticket.number).reverse());
    });

    it('sorts by number ascending with sort=number&order=asc', async () => {
      const response = await admin.get('/api/tickets?sort=number&order=asc&pageSize=100');
      expect(response.body.items.map((item: { number: number }) => item.number)).toEqual(all.map((ticket) => ticket.number));
    });

    it('refuses a page beyond the limit instead of failing in the database', async () => {
      expect((await admin.get('/api/tickets?page=1000000000000000000')).status).toBe(400);
    });

    it('filters by status', async () => {
      const resolved = await admin.get('/api/tickets?status=resolved');
      expect(resolved.status).toBe(200);
      expect(resolved.body.total).toBe(await db.count('tickets', `status = 'resolved'`));
      expect(resolved.body.total).toBeGreaterThan(0);
      expect(resolved.body.items.every((item: { status: string }) => item.status === 'resolved')).toBe(true);
    });

    it.each([
      ['pageSize=1000', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['page=0', 'page'],
      ['status=bogus', 'status'],
      ['sort=customerEmail', 'sort'],
      ['order=sideways', 'order'],
      ['escalated=maybe', 'escalated'],
    ])('400 for %s, naming %s', async (query, field) => {
      const response = await admin.get(`/api/tickets?${query}`);
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual([field]);
    });

    it('finds a ticket by a word of its description with q=', async () => {
      const response = await admin.get(`/api/tickets?q=${MARKER}`);
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(1);
      expect(response.body.items[0].description).toContain(MARKER);
      const none = await admin.get('/api/tickets?q=xylophonic');
      expect(none.body).toMatchObject({ total: 0, items: [] });
    });
  });

  describe('docs and health', () => {
    it('GET /docs-json → 200 with every route documented', async () => {
      const response = await api.get('/docs-json');
      expect(response.status).toBe(200);
      expect(Object.keys(response.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/tickets',
          '/api/tickets/{id}',
          '/api/tickets/{id}/response',
          '/api/tickets/{id}/resolve',
          '/api/tickets/{id}/messages',
          '/api/categories',
          '/api/auth/login',
          '/api/users',
          '/api/teams',
          '/api/api-keys',
          '/api/macros',
          '/api/audit',
          '/health',
        ]),
      );
    });

    it('GET /health → 200 with postgres, redis and chroma up', async () => {
      const response = await api.get('/health');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        details: { postgres: { status: 'up' }, redis: { status: 'up', outboxPending: expect.any(Number) }, chroma: { status: 'up' } },
      });
    });

    it('a gateway whose Chroma is unreachable still starts, is live and ready (intake needs Postgres only), and its /health → 503 naming chroma down', async () => {
      const port = await freePort();
      const closedChroma = `http://127.0.0.1:${await freePort()}`;
      const second = await AppProcess.start('gateway', { ...env.vars, PORT: String(port), CHROMA_URL: closedChroma });
      try {
        const client = new ApiClient(`http://127.0.0.1:${port}`);
        expect(await client.get('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
        expect(await client.get('/health/ready')).toMatchObject({ status: 200, body: { status: 'ok', details: { postgres: { status: 'up' } } } });
        const response = await client.get('/health');
        expect(response.status).toBe(503);
        expect(response.body.status).toBe('error');
        expect(response.body.error.chroma.status).toBe('down');
        expect(response.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' }, chroma: { status: 'down' } });
        expect(response.body.error.postgres).toBeUndefined();
        expect(response.body.error.redis).toBeUndefined();
      } finally {
        await second.stop();
      }
    });
  });
});
