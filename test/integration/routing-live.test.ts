import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { Environment, loadEnvironment, SmartdeskConfigModule } from '@smartdesk/config';
import { JobName, QueueName } from '@smartdesk/contracts';
import { DatabaseModule } from '@smartdesk/database';
import { RoutingModule, RoutingService } from '@smartdesk/operations';
import { redisConnection } from '@smartdesk/runtime';
import { ApiClient } from '../support/api-client';
import { ADMIN } from '../support/demo-accounts';
import { SseClient } from '../support/sse-client';
import { waitFor } from '../support/wait-for';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const BEN = 'ben.agent@smartdesk.example';
const ANA = 'ana.agent@smartdesk.example';
const CHEN = 'chen.agent@smartdesk.example';
const CARE_MANAGER = 'care.manager@smartdesk.example';
const IT_MANAGER = 'it.manager@smartdesk.example';
const JAMIE = 'jamie@example.com';

/**
 * Routing on the real gateway and escalation worker: category → team at triage, skills, capacity, round
 * robin, the team queue (most urgent first) refilled when capacity frees, away agents; then two routings
 * at once never exceed a capacity; and live updates fed by the worker through Redis, filtered per caller.
 */
describe('routing and live updates', () => {
  let suite: GatewaySuite;
  let as: Record<string, ApiClient>;
  let db: Db;
  let escalation: Queue;
  let billing: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    suite = await startGatewaySuite('int_routing', { workers: ['escalation-worker'] });
    ({ as, db } = suite);
    escalation = new Queue(QueueName.Escalation, { connection: redisConnection(suite.env.vars.REDIS_URL, 'producer'), prefix: suite.env.vars.QUEUE_PREFIX });
    billing = (await db.rows(`SELECT id FROM teams WHERE name = 'Billing'`))[0].id;
    ids.ben = await userId(BEN);
    // Billing: Ben (any category), Bea (billing only), Bo (orders only); two tickets each at most.
    expect((await as[ADMIN].patch(`/api/users/${ids.ben}`, { capacity: 2 })).status).toBe(200);
    for (const [name, skills] of [
      ['bea', ['billing']],
      ['bo', ['orders']],
    ] as const) {
      const created = await as[ADMIN].post('/api/users', { email: `${name}@smartdesk.example`, name, role: 'agent', teamId: billing, skills, capacity: 2, password: suite.password });
      expect(created.status).toBe(201);
      ids[name] = created.body.id;
    }
  }, 90_000);

  afterAll(async () => {
    await escalation?.close();
    await suite?.stop();
  });

  async function userId(email: string): Promise<string> {
    return (await db.rows('SELECT id FROM users WHERE email = $1', [email]))[0].id;
  }

  /** A customer's ticket, categorized as the categorization worker would, then through the real escalation stage. */
  async function triaged(category: string, priority = 'normal', subject = 'Charged twice'): Promise<string> {
    const { id } = (await as[JAMIE].post('/api/tickets', { subject, description: 'Order 5521 was charged twice on my card.' })).body;
    await db.rows(`UPDATE tickets SET category = $2, priority = $3 WHERE id = $1`, [id, category, priority]);
    const job = await escalation.add(JobName.EvaluateEscalation, { v: 1, ticketId: id, revision: 1 }, { jobId: `${id}.test-triage` });
    await waitFor(
      async () => {
        const current = await escalation.getJob(job.id!);
        const state = await current?.getState();
        if (state === 'failed') throw new Error(`triage failed: ${current!.failedReason}`);
        return state === 'completed';
      },
      30_000,
      `triage of ${subject}`,
    );
    return id;
  }

  const assignee = async (id: string) => (await db.rows('SELECT assignee_id FROM tickets WHERE id = $1', [id]))[0].assignee_id as string | null;
  const ticket = async (id: string) => (await as[ADMIN].get(`/api/tickets/${id}`)).body;

  it('routes a triaged ticket to its category team and an agent with the skill, round robin, until capacity is full', async () => {
    const tickets = [];
    for (let i = 1; i <= 5; i++) tickets.push(await triaged('billing', 'normal', `Billing ${i}`));
    const owners = [];
    for (const id of tickets) owners.push(await assignee(id));
    // Ben and Bea take turns; Bo lacks the skill; the fifth waits in the Billing queue.
    expect(new Set(owners.slice(0, 4))).toEqual(new Set([ids.ben, ids.bea]));
    expect(owners[0]).not.toBe(owners[1]);
    expect(owners[2]).toBe(owners[0]);
    expect(owners[3]).toBe(owners[1]);
    expect(owners[4]).toBeNull();
    const waiting = await ticket(tickets[4]);
    expect(waiting).toMatchObject({ status: 'triaged', teamId: billing, assigneeId: null });
    expect(waiting.timeline.map((event: { type: string }) => event.type)).toContain('routed');
    const first = await ticket(tickets[0]);
    expect(first.timeline.filter((event: { stage: string }) => event.stage === 'routing').map((event: { type: string }) => event.type)).toEqual(['routed', 'assigned']);
    Object.assign(ids, { t1: tickets[0], t2: tickets[1], t5: tickets[4] });
  });

  it('a resolved ticket frees capacity: the queue is picked up at once', async () => {
    const owner = await assignee(ids.t1);
    const resolved = await as[ADMIN].put(`/api/tickets/${ids.t1}/resolve`, { resolution: 'Refunded.' });
    expect(resolved.status).toBe(200);
    expect(await assignee(ids.t5)).toBe(owner);
  });

  it('the queue gives the most urgent ticket first, then the oldest', async () => {
    const normal = await triaged('billing', 'normal', 'Older, normal');
    const urgent = await triaged('billing', 'urgent', 'Newer, urgent');
    expect([await assignee(normal), await assignee(urgent)]).toEqual([null, null]);
    const owner = await assignee(ids.t2);
    await as[ADMIN].put(`/api/tickets/${ids.t2}/resolve`, { resolution: 'Done.' });
    expect(await assignee(urgent)).toBe(owner);
    expect(await assignee(normal)).toBeNull();
    ids.normal = normal;
  });

  it('an agent marked away gives their tickets back; they go to whoever has room, the rest wait', async () => {
    expect((await as[ANA].put(`/api/users/${ids.bea}/availability`, { away: true })).status).toBe(403);
    const beas = (await db.rows(`SELECT id FROM tickets WHERE assignee_id = $1 AND status NOT IN ('resolved', 'closed')`, [ids.bea])).map((row) => row.id);
    expect(beas).toHaveLength(2);
    const away = await as[CARE_MANAGER].put(`/api/users/${ids.bea}/availability`, { away: true });
    expect(away.status).toBe(200);
    // Ben is full: Bea's two tickets wait in the queue with the older one.
    expect(away.body).toMatchObject({ id: ids.bea, away: true, reassigned: [] });
    expect(away.body.released.sort()).toEqual(beas.sort());
    for (const id of beas) expect(await assignee(id)).toBeNull();

    // More room for Ben: he takes from the queue (Bo still lacks the skill).
    expect((await as[ADMIN].patch(`/api/users/${ids.ben}`, { capacity: 5 })).status).toBe(200);
    expect((await db.rows(`SELECT count(*)::int AS n FROM tickets WHERE assignee_id = $1 AND status NOT IN ('resolved', 'closed')`, [ids.ben]))[0].n).toBe(5);
    expect(await db.count('tickets', `team_id = $1 AND assignee_id IS NULL AND status NOT IN ('resolved', 'closed')`, [billing])).toBe(0);
    expect(await db.count('tickets', 'assignee_id = $1', [ids.bo])).toBe(0);

    // An agent sets their own availability.
    const back = await as[BEN].put(`/api/users/${ids.ben}/availability`, { away: false });
    expect(back.body).toMatchObject({ away: false, released: [] });
  });

  it('an admin routing rule sends waiting tickets of its category to a team, where they wait for room', async () => {
    const unrouted = await triaged('other', 'normal', 'Something else');
    expect(await ticket(unrouted)).toMatchObject({ teamId: null, assigneeId: null });
    expect((await as[BEN].put('/api/routing/rules/other', { teamId: billing })).status).toBe(403);
    expect((await as[ADMIN].put('/api/routing/rules/no_such_category', { teamId: billing })).status).toBe(404);
    expect((await as[ADMIN].put('/api/routing/rules/other', { teamId: '7c1e1d2a-0000-4000-8000-000000000000' })).status).toBe(422);
    const put = await as[ADMIN].put('/api/routing/rules/other', { teamId: billing });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ rule: { category: 'other', teamId: billing }, routed: 1 });
    // Ben is full, Bea away and Bo without the skill: it waits in the Billing queue until Ben has room.
    expect(await ticket(unrouted)).toMatchObject({ teamId: billing, assigneeId: null });
    expect((await as[ADMIN].patch(`/api/users/${ids.ben}`, { capacity: 6 })).status).toBe(200);
    expect(await assignee(unrouted)).toBe(ids.ben);
    const rules = (await as[ANA].get('/api/routing/rules')).body;
    expect(rules).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'other', teamId: billing, teamName: 'Billing' })]));
    expect((await as[ADMIN].delete('/api/routing/rules/other')).status).toBe(204);
    expect((await as[ADMIN].delete('/api/routing/rules/other')).status).toBe(404);
  });

  it('a ticket a manager moves to another team is routed there', async () => {
    const id = await triaged('shipping', 'normal', 'Parcel');
    expect(await ticket(id)).toMatchObject({ teamId: expect.any(String), assigneeId: await userId(ANA) });
    const it = (await db.rows(`SELECT id FROM teams WHERE name = 'IT Service Desk'`))[0].id;
    const moved = await as[ADMIN].patch(`/api/tickets/${id}`, { version: (await ticket(id)).version, teamId: it, assigneeId: null });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ teamId: it, assigneeId: await userId(CHEN) });
  });

  it('two routings at once never exceed a capacity (row locks), however many run together', async () => {
    const vars = suite.env.vars;
    const app = await Test.createTestingModule({ imports: [SmartdeskConfigModule, DatabaseModule, RoutingModule] })
      .overrideProvider(Environment)
      .useValue(loadEnvironment(vars))
      .compile();
    await app.init();
    try {
      const routing = app.get(RoutingService);
      const [team] = await db.rows(`INSERT INTO teams (name, department) VALUES ('Rush', 'Rush') RETURNING id`);
      const agents = [];
      for (let i = 0; i < 3; i++)
        agents.push((await db.rows(`INSERT INTO users (email, name, role, team_id, capacity) VALUES ($1, $1, 'agent', $2, 2) RETURNING id`, [`rush${i}@example.com`, team.id]))[0].id);
      const tickets = (
        await db.rows(
          `INSERT INTO tickets (customer_name, customer_email, subject, description, status, category, team_id)
           SELECT 'C', 'c@example.com', 'Rush ' || n, 'x', 'triaged', 'billing', $1 FROM generate_series(1, 20) n RETURNING id`,
          [team.id],
        )
      ).map((row) => row.id);
      const load = async () => (await db.rows(`SELECT assignee_id, count(*)::int AS n FROM tickets WHERE team_id = $1 AND assignee_id IS NOT NULL GROUP BY 1`, [team.id])).map((row) => row.n).sort();

      const outcomes = await Promise.all(tickets.map((id) => routing.routeTicket(id)));
      expect(outcomes.filter((outcome) => outcome.assignment).length).toBe(6);
      expect(await load()).toEqual([2, 2, 2]);

      await db.rows(`UPDATE users SET capacity = 4 WHERE team_id = $1`, [team.id]);
      const drained = await Promise.all([routing.drainTeam(team.id), routing.drainTeam(team.id), routing.drainTeam(team.id)]);
      expect(drained.flat()).toHaveLength(6);
      expect(await load()).toEqual([4, 4, 4]);
      expect(new Set(drained.flat().map((assignment) => assignment.ticketId)).size).toBe(6);
    } finally {
      await app.close();
    }
  });

  describe('live updates (server-sent events)', () => {
    const streams: Record<string, SseClient> = {};

    beforeAll(async () => {
      for (const email of [ADMIN, CHEN, ANA, IT_MANAGER, CARE_MANAGER, JAMIE]) {
        streams[email] = await SseClient.open(`${suite.api.baseUrl}/api/events`, as[email].credentials);
      }
    });

    afterAll(() => Object.values(streams).forEach((stream) => stream.close()));

    it('needs credentials', async () => {
      const anonymous = await SseClient.open(`${suite.api.baseUrl}/api/events`, {});
      expect(anonymous.status).toBe(401);
    });

    it("each caller hears of the changes to tickets they may see: the worker's triage and routing, the gateway's replies", async () => {
      for (const stream of Object.values(streams)) expect(stream.events[0]).toMatchObject({ event: 'ready' });
      const id = await triaged('it_network', 'high', 'VPN drops');
      const types = (email: string) => streams[email].of(id).map((event) => event.event);
      const seen = async () =>
        `the assignment to reach Chen (Chen heard ${JSON.stringify(types(CHEN))}, the admin ${JSON.stringify(types(ADMIN))}; ` +
        `the ticket: ${JSON.stringify((await db.rows('SELECT status, team_id, assignee_id FROM tickets WHERE id = $1', [id]))[0])})`;
      await waitFor(async () => streams[CHEN].of(id).some((event) => event.event === 'assigned'), 10_000, seen);
      const reply = await as[CHEN].post(`/api/tickets/${id}/messages`, { body: 'We are on it.' });
      expect(reply.status).toBe(201);
      await as[CHEN].post(`/api/tickets/${id}/messages`, { body: 'Known VPN gateway issue (internal).', internal: true });
      await waitFor(async () => streams[ADMIN].of(id).some((event) => event.event === 'note-added'), 10_000, 'the note to reach the admin');
      await waitFor(async () => streams[JAMIE].of(id).some((event) => event.event === 'agent-replied'), 10_000, 'the reply to reach the customer');

      // The worker's events came through Redis; the admin hears of everything. (Jamie wrote many tickets this
      // week: the repeat-contact rule escalates this one.)
      expect(types(ADMIN)).toEqual(expect.arrayContaining(['received', 'escalated', 'assigned', 'agent-replied', 'note-added']));
      // Chen (IT) and his manager hear of it once it is in IT's queue; another team and department never do.
      expect(types(CHEN)).toEqual(expect.arrayContaining(['assigned', 'agent-replied', 'note-added']));
      expect(types(CHEN)).not.toContain('received');
      expect(types(IT_MANAGER)).toEqual(expect.arrayContaining(['assigned', 'note-added']));
      expect(types(ANA)).toEqual([]);
      expect(types(CARE_MANAGER)).toEqual([]);
      // The customer hears of public changes only, without routing or escalation fields.
      expect(types(JAMIE)).toEqual(['received', 'agent-replied']);
      expect(Object.keys(streams[JAMIE].of(id)[1].data).sort()).toEqual(['at', 'number', 'status', 'ticketId', 'type', 'v']);
      expect(streams[CHEN].of(id).find((event) => event.event === 'agent-replied')!.data).toMatchObject({ ticketId: id, assigneeId: await userId(CHEN), status: 'open' });
    });
  });
});
