import { Queue } from 'bullmq';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { QueueName } from '@smartdesk/contracts';
import { slaCheckJobId } from '@smartdesk/operations';
import { redisConnection } from '@smartdesk/runtime';
import { ApiClient } from '../support/api-client';
import { ADMIN } from '../support/demo-accounts';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const BEN = 'ben.agent@smartdesk.example';
const CARE_MANAGER = 'care.manager@smartdesk.example';
const IT_MANAGER = 'it.manager@smartdesk.example';
const JAMIE = 'jamie@example.com';
const LUCIA = 'lucia@example.com';

/**
 * The workspace's operations through the real gateway (no workers): SLA clocks follow people's changes,
 * customers rate resolved tickets once, statistics are right and scoped, and agent settings are validated.
 */
describe('operations API', () => {
  let suite: GatewaySuite;
  let as: Record<string, ApiClient>;
  let db: Db;
  let sla: Queue;
  let billing: string;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_operations');
    ({ as, db } = suite);
    sla = new Queue(QueueName.Sla, { connection: redisConnection(suite.env.vars.REDIS_URL, 'producer'), prefix: suite.env.vars.QUEUE_PREFIX });
    billing = (await db.rows(`SELECT id FROM teams WHERE name = 'Billing'`))[0].id;
  }, 60_000);

  afterAll(async () => {
    await sla?.close();
    await suite?.stop();
  });

  const clocks = async (id: string) => Object.fromEntries((await db.rows(`SELECT * FROM sla_clocks WHERE ticket_id = $1`, [id])).map((row) => [row.metric, row]));
  const facts = async (id: string) => (await db.rows(`SELECT version, first_response_at, sla_first_response_met, sla_resolution_met, suggestion_use, rating FROM tickets WHERE id = $1`, [id]))[0];
  /** Jamie's ticket in the Billing queue (version 2). */
  const billingTicket = async (customer = JAMIE) => {
    const { id } = (await as[customer].post('/api/tickets', { subject: 'Charged twice', description: 'Order 5521 was charged twice.' })).body;
    expect((await as[ADMIN].patch(`/api/tickets/${id}`, { version: 1, teamId: billing })).status).toBe(200);
    return id as string;
  };

  describe('SLA clocks follow the ticket', () => {
    it('start at intake on the default policy, with their checkpoints queued', async () => {
      const id = await billingTicket();
      const opened = await clocks(id);
      expect(opened.first_response).toMatchObject({ policy: 'normal', generation: 1, stopped_at: null, running_since: expect.any(Date), due_at: expect.any(Date) });
      expect(await sla.getJob(slaCheckJobId(id, 'first_response', 1))).toBeDefined();
      const view = (await as[BEN].get(`/api/tickets/${id}`)).body;
      expect(view.sla.map((clock: { metric: string; state: string }) => [clock.metric, clock.state])).toEqual([
        ['first_response', 'running'],
        ['resolution', 'running'],
      ]);
      // Customers are not shown the SLA.
      expect((await as[JAMIE].get(`/api/tickets/${id}`)).body).not.toHaveProperty('sla');
    });

    it("a priority change retargets them; pending pauses them (their checkpoints dropped); the customer's answer resumes them", async () => {
      const id = await billingTicket();
      expect((await as[BEN].patch(`/api/tickets/${id}`, { version: 2, priority: 'urgent' })).status).toBe(200);
      expect((await clocks(id)).first_response).toMatchObject({ policy: 'urgent', target_ms: String(30 * 60_000), generation: 2 });
      expect((await as[BEN].patch(`/api/tickets/${id}`, { version: 3, status: 'pending' })).status).toBe(200);
      const paused = await clocks(id);
      expect(paused.first_response).toMatchObject({ running_since: null, due_at: null, generation: 3 });
      expect(paused.resolution).toMatchObject({ running_since: null, due_at: null });
      expect(await sla.getJob(slaCheckJobId(id, 'first_response', 2))).toBeUndefined();
      expect(await sla.getJob(slaCheckJobId(id, 'first_response', 3))).toBeUndefined();

      expect((await as[JAMIE].post(`/api/tickets/${id}/messages`, { body: 'Here is the receipt.' })).body.ticket).toEqual({ status: 'open' });
      const resumed = await clocks(id);
      expect(resumed.first_response).toMatchObject({ running_since: expect.any(Date), due_at: expect.any(Date), generation: 4 });
      expect(await sla.getJob(slaCheckJobId(id, 'first_response', 4))).toBeDefined();
    });

    it('the first public reply stops the first-response clock (met), a note does not; resolving stops the other', async () => {
      const id = await billingTicket();
      await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'Checking with finance.', internal: true });
      expect(await facts(id)).toMatchObject({ first_response_at: null, sla_first_response_met: null });
      const reply = await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'We are on it.' });
      expect(reply.body.ticket).toEqual({ status: 'open', version: 3 });
      expect(await facts(id)).toMatchObject({ first_response_at: expect.any(Date), sla_first_response_met: true, sla_resolution_met: null, version: 3 });
      expect((await clocks(id)).first_response).toMatchObject({ stopped_at: expect.any(Date), breached_at: null });
      // A second reply changes no fact.
      await as[BEN].post(`/api/tickets/${id}/messages`, { body: 'Still on it.' });
      expect((await facts(id)).version).toBe(3);

      expect((await as[BEN].put(`/api/tickets/${id}/resolve`, { resolution: 'Refunded.' })).status).toBe(200);
      expect(await facts(id)).toMatchObject({ sla_resolution_met: true });
      // Reopening runs the resolution clock on, and its outcome is open again.
      expect((await as[JAMIE].post(`/api/tickets/${id}/messages`, { body: 'Not refunded yet.' })).body.ticket).toEqual({ status: 'open' });
      expect(await facts(id)).toMatchObject({ sla_resolution_met: null, sla_first_response_met: true });
      expect((await clocks(id)).resolution).toMatchObject({ stopped_at: null, running_since: expect.any(Date) });
    });

    it('slaAtRisk lists the tickets breaching soon: a running clock past its at-risk point, not breached, not paused', async () => {
      const [atRisk, breached, paused, safe] = [await billingTicket(), await billingTicket(), await billingTicket(), await billingTicket()];
      // What the escalation worker's checkpoints write when they come due (this suite runs no worker).
      await db.rows(`UPDATE sla_clocks SET at_risk_at = now() WHERE ticket_id = ANY($1) AND metric = 'resolution'`, [[atRisk, breached, paused]]);
      await db.rows(`UPDATE sla_clocks SET breached_at = now() WHERE ticket_id = $1`, [breached]);
      expect((await as[BEN].patch(`/api/tickets/${paused}`, { version: 2, status: 'pending' })).status).toBe(200);
      const listed = async (slaAtRisk: string) => {
        const page = await as[ADMIN].get(`/api/tickets?slaAtRisk=${slaAtRisk}&pageSize=100`);
        expect(page.status).toBe(200);
        return page.body.items.map((ticket: { id: string }) => ticket.id).filter((id: string) => [atRisk, breached, paused, safe].includes(id));
      };
      expect(await listed('true')).toEqual([atRisk]);
      expect((await listed('false')).sort()).toEqual([breached, paused, safe].sort());

      const invalid = await as[ADMIN].get('/api/tickets?slaAtRisk=soon');
      expect(invalid.status).toBe(400);
      expect(JSON.stringify(invalid.body)).toContain('slaAtRisk');
      expect((await as[JAMIE].get('/api/tickets?slaAtRisk=true')).status).toBe(400);
    });
  });

  describe('category names', () => {
    it('lists the taxonomy and the catch-all, named in the language asked for, to staff only', async () => {
      const german = await as[BEN].get('/api/categories?language=de');
      expect(german.status).toBe(200);
      expect(german.body.find((category: { id: string }) => category.id === 'shipping')).toMatchObject({ name: 'Versand & Lieferung', language: 'de', severity: 'medium', outOfScope: false });
      expect(german.body.at(-1)).toMatchObject({ id: 'other', name: 'Other', outOfScope: true, severity: null });
      // Languages the taxonomy does not name fall back to its English names.
      const korean = (await as[BEN].get('/api/categories?language=ko')).body;
      expect(korean.find((category: { id: string }) => category.id === 'shipping')).toMatchObject({ name: 'Shipping & delivery', language: 'en' });
      expect(korean.map((category: { id: string }) => category.id)).toEqual(german.body.map((category: { id: string }) => category.id));

      const invalid = await as[BEN].get('/api/categories?language=german');
      expect(invalid.status).toBe(400);
      expect(JSON.stringify(invalid.body)).toContain('language');
      expect((await as[JAMIE].get('/api/categories')).status).toBe(403);
    });
  });

  describe('customer satisfaction', () => {
    it("a customer rates their resolved ticket once (1-5); not before it is resolved, not someone else's", async () => {
      const id = await billingTicket();
      const early = await as[JAMIE].post(`/api/tickets/${id}/rating`, { score: 5 });
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ status: 'new' });
      await as[BEN].put(`/api/tickets/${id}/resolve`, { resolution: 'Refunded.' });
      expect((await as[JAMIE].post(`/api/tickets/${id}/rating`, { score: 6 })).status).toBe(400);
      expect((await as[LUCIA].post(`/api/tickets/${id}/rating`, { score: 1 })).status).toBe(404);
      expect((await as[BEN].post(`/api/tickets/${id}/rating`, { score: 5 })).status).toBe(403);
      const rated = await as[JAMIE].post(`/api/tickets/${id}/rating`, { score: 4, comment: 'Quick, thanks.' });
      expect(rated.status).toBe(201);
      expect(rated.body).toMatchObject({ ticketId: id, score: 4, comment: 'Quick, thanks.' });
      expect((await as[JAMIE].post(`/api/tickets/${id}/rating`, { score: 1 })).status).toBe(409);
      expect(await facts(id)).toMatchObject({ rating: 4 });
      expect((await as[BEN].get(`/api/tickets/${id}`)).body.rating).toMatchObject({ score: 4 });
    });
  });

  describe('agent settings', () => {
    it('validates skills, capacity and tier', async () => {
      const ben = (await db.rows(`SELECT id FROM users WHERE email = $1`, [BEN]))[0].id;
      for (const bad of [{ capacity: -1 }, { capacity: 2.5 }, { skills: ['Billing Team'] }, { skills: 'billing' }, { tier: '' }]) {
        expect({ bad, status: (await as[ADMIN].patch(`/api/users/${ben}`, bad)).status }).toEqual({ bad, status: 400 });
      }
      const ok = await as[ADMIN].patch(`/api/users/${ben}`, { skills: ['billing', 'returns_refunds'], capacity: 8 });
      expect(ok.body).toMatchObject({ skills: ['billing', 'returns_refunds'], capacity: 8, away: false });
      expect((await as[BEN].patch(`/api/users/${ben}`, { capacity: 50 })).status).toBe(403);
      // A manager of another department may not mark Ben away; his own manager may.
      expect((await as[IT_MANAGER].put(`/api/users/${ben}/availability`, { away: true })).status).toBe(403);
      expect((await as[CARE_MANAGER].put(`/api/users/${ben}/availability`, { away: 'yes' })).status).toBe(400);
      expect((await as[CARE_MANAGER].put(`/api/users/${ben}/availability`, { away: true })).body).toMatchObject({ away: true });
      expect((await as[BEN].put(`/api/users/${ben}/availability`, { away: false })).body).toMatchObject({ away: false });
      expect((await as[JAMIE].put(`/api/users/${ben}/availability`, { away: true })).status).toBe(403);
    });
  });

  describe('statistics', () => {
    /** Known tickets in January 2025 (apart from every other test's tickets), written straight to the table. */
    beforeAll(async () => {
      const it = (await db.rows(`SELECT id FROM teams WHERE name = 'IT Service Desk'`))[0].id;
      // Minutes to first response and to resolution, the SLA outcomes, how a suggestion was used, the rating.
      const rows = [
        { team: billing, category: 'billing', priority: 'high', channel: 'web', language: 'en', response: 10, resolved: 60, rating: 5, frMet: true, resMet: true, use: 'accepted', level: 0 },
        { team: billing, category: 'billing', priority: 'urgent', channel: 'email', language: 'es', response: 40, resolved: 300, rating: 2, frMet: false, resMet: false, use: 'edited', level: 2 },
        { team: billing, category: 'billing', priority: 'normal', channel: 'web', language: 'en', response: 20, resolved: 120, rating: 4, frMet: true, resMet: true, use: 'ignored', level: 0 },
        { team: billing, category: 'orders', priority: 'low', channel: 'chat', language: 'en', response: null, resolved: null, rating: null, frMet: null, resMet: null, use: null, level: 1 },
        { team: it, category: 'it_network', priority: 'normal', channel: 'web', language: 'de', response: 30, resolved: 600, rating: 3, frMet: true, resMet: false, use: 'accepted', level: 0 },
      ];
      for (const [i, row] of rows.entries()) {
        await db.rows(
          `INSERT INTO tickets (customer_name, customer_email, subject, description, channel, language, category, priority, team_id, status, escalated, escalation_level,
                                created_at, first_response_at, resolved_at, rating, sla_first_response_met, sla_resolution_met, suggestion_use)
           VALUES ('S', 's@example.com', 'Stats', 'x', $1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz,
                   $9::timestamptz + make_interval(mins => $10::int), $9::timestamptz + make_interval(mins => $11::int), $12, $13, $14, $15)`,
          [
            row.channel,
            row.language,
            row.category,
            row.priority,
            row.team,
            row.resolved ? 'resolved' : 'open',
            row.level > 0,
            row.level,
            `2025-01-0${i + 1}T10:00:00Z`,
            row.response,
            row.resolved,
            row.rating,
            row.frMet,
            row.resMet,
            row.use,
          ],
        );
      }
    });

    const january = '/api/stats?from=2025-01-01&to=2025-02-01';

    it('admins get every department: volumes, time percentiles, SLA compliance, escalation, suggestions and CSAT', async () => {
      const { status, body } = await as[ADMIN].get(january);
      expect(status).toBe(200);
      expect(body).toMatchObject({ range: { from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' }, department: null, tickets: 5 });
      const volumes = Object.fromEntries(
        Object.entries(body.volume as Record<string, { key: string; count: number }[]>).map(([dimension, entries]) => [dimension, entries.map(({ key, count }) => `${key} ${count}`)]),
      );
      expect(volumes).toEqual({
        category: ['billing 3', 'it_network 1', 'orders 1'],
        priority: ['normal 2', 'high 1', 'low 1', 'urgent 1'],
        channel: ['web 3', 'chat 1', 'email 1'],
        language: ['en 3', 'de 1', 'es 1'],
      });
      // One ticket a day on 1-5 January, then 26 days without: every day of the range is there.
      expect(body.daily).toHaveLength(31);
      expect(body.daily.slice(0, 6)).toEqual([
        { date: '2025-01-01', total: 1, byCategory: { billing: 1 } },
        { date: '2025-01-02', total: 1, byCategory: { billing: 1 } },
        { date: '2025-01-03', total: 1, byCategory: { billing: 1 } },
        { date: '2025-01-04', total: 1, byCategory: { orders: 1 } },
        { date: '2025-01-05', total: 1, byCategory: { it_network: 1 } },
        { date: '2025-01-06', total: 0, byCategory: {} },
      ]);
      // First responses after 10, 20, 30, 40 minutes: p50 25 min, p90 37 min (interpolated).
      expect(body.firstResponseSeconds).toEqual({ count: 4, p50: 1500, p90: 2220, p95: 2310 });
      expect(body.resolutionSeconds).toMatchObject({ count: 4, p50: 12_600 });
      expect(body.sla).toEqual({
        firstResponse: { measured: 4, met: 3, compliance: 0.75, breachedOpen: 0 },
        resolution: { measured: 4, met: 2, compliance: 0.5, breachedOpen: 0 },
      });
      expect(body.escalation).toEqual({ triaged: 5, escalated: 2, rate: 0.4 });
      expect(body.suggestions).toEqual({ offered: 4, used: 3, acceptedUnchanged: 2, acceptanceRate: 0.75, byCategory: [] });
      expect(body.csat).toEqual({ ratings: 4, average: 3.5, satisfied: 2, score: 0.5 });
    });

    it('managers get their own department only; an admin may ask for one', async () => {
      const care = await as[CARE_MANAGER].get(january);
      expect(care.body).toMatchObject({ department: 'Customer Care', tickets: 4 });
      expect(care.body.volume.category.map((entry: { key: string }) => entry.key)).not.toContain('it_network');
      expect((await as[IT_MANAGER].get(january)).body).toMatchObject({ department: 'IT', tickets: 1, csat: { ratings: 1, average: 3 } });
      expect((await as[CARE_MANAGER].get(`${january}&department=IT`)).status).toBe(403);
      expect((await as[ADMIN].get(`${january}&department=IT`)).body).toMatchObject({ department: 'IT', tickets: 1 });
    });

    it('an empty range has zero counts and null rates; bad ranges are refused; agents and customers may not look', async () => {
      const empty = (await as[ADMIN].get('/api/stats?from=2024-01-01&to=2024-02-01')).body;
      expect(empty).toMatchObject({ tickets: 0, firstResponseSeconds: { count: 0, p50: null }, escalation: { rate: null }, csat: { ratings: 0, average: null, score: null } });
      expect((await as[ADMIN].get('/api/stats?from=2025-02-01&to=2025-01-01')).status).toBe(400);
      expect((await as[ADMIN].get('/api/stats?from=yesterday')).status).toBe(400);
      expect((await as[BEN].get(january)).status).toBe(403);
      expect((await as[JAMIE].get(january)).status).toBe(403);
      // The default range is the last 30 days: today's tickets are in it.
      await billingTicket();
      const recent = (await as[ADMIN].get('/api/stats')).body;
      expect(recent.tickets).toBeGreaterThan(0);
      expect(Date.parse(recent.range.to) - Date.parse(recent.range.from)).toBe(30 * 86_400_000);
    });
  });

  it('npm run seed:volume fills a realistic history that the statistics read', async () => {
    const script = join(__dirname, '../../dist/apps/gateway/src/seed/volume/volume-seed.main.js');
    const { stdout } = await promisify(execFile)(process.execPath, [script, '--tickets', '600', '--days', '20', '--seed', '7'], { env: { ...process.env, ...suite.env.vars } });
    expect(stdout).toMatch(/^inserted 600 tickets over 20 days/);
    const stats = (await as[ADMIN].get(`/api/stats?from=${new Date(Date.now() - 21 * 86_400_000).toISOString()}`)).body;
    expect(stats.tickets).toBeGreaterThanOrEqual(600);
    expect(stats.volume.category.length).toBeGreaterThan(5);
    expect(stats.sla.firstResponse.measured).toBeGreaterThan(300);
    expect(stats.firstResponseSeconds.p50).toBeLessThan(stats.resolutionSeconds.p50);
    expect(stats.csat.ratings).toBeGreaterThan(50);
    expect(await db.count('sla_clocks')).toBeGreaterThanOrEqual(1200);
    // History respects capacity: no agent holds more unfinished tickets than they may.
    const overloaded = await db.rows(`SELECT u.email FROM users u JOIN tickets t ON t.assignee_id = u.id AND t.status NOT IN ('resolved', 'closed') GROUP BY u.id HAVING count(*) > u.capacity`);
    expect(overloaded).toEqual([]);
    expect((await as[ADMIN].get('/api/stats?department=Customer%20Care')).status).toBe(200);
  });
});
