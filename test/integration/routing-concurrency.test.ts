import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Environment, loadEnvironment, SmartdeskConfigModule } from '@smartdesk/config';
import { JobName, QueueName } from '@smartdesk/contracts';
import { DatabaseModule, transactionAs } from '@smartdesk/database';
import { RoutingDecision, RoutingModule, RoutingService } from '@smartdesk/operations';
import { redisConnection } from '@smartdesk/runtime';
import { DataSource } from 'typeorm';
import { DEMO_ROUTING } from '../../apps/gateway/src/seed/demo-data';
import { waitFor } from '../support/wait-for';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const ROUTABLE = Object.keys(DEMO_ROUTING);
/** Agents per demo team beside the seeded one; every other one has skills, so skill matching is exercised. */
const EXTRA_AGENTS = 4;
const CAPACITY = 6;

/**
 * Routing under load on the real Postgres, with the seeded teams and rules plus agents with skills and
 * capacity: many routing batches at once, from two "processes" (two connection pools), while capacity frees
 * and team queues drain. No deadlock, no error, every routable ticket in its team, every agent with room
 * and the skill used, and no agent over capacity at any moment. Then the same through the real escalation worker.
 */
describe('routing under concurrency', () => {
  let suite: GatewaySuite;
  let db: Db;
  let routers: INestApplicationContext[];
  let escalation: Queue;
  let violations: string[];
  let sampling: boolean;
  let sampler: Promise<void>;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_routing_load', { workers: ['escalation-worker'] });
    db = suite.db;
    const teams = await db.rows<{ id: string; name: string }>(`SELECT id, name FROM teams`);
    for (const team of teams) {
      const categories = Object.entries(DEMO_ROUTING)
        .filter(([, name]) => name === team.name)
        .map(([category]) => category);
      for (let i = 0; i < EXTRA_AGENTS; i++) {
        await db.rows(`INSERT INTO users (email, name, role, team_id, capacity, skills) VALUES ($1, $1, 'agent', $2, $3, $4)`, [
          `load${i}.${team.id}@example.com`,
          team.id,
          CAPACITY,
          i % 2 === 0 ? [] : categories.slice(0, 1 + (i % categories.length)),
        ]);
      }
    }
    escalation = new Queue(QueueName.Escalation, { connection: redisConnection(suite.env.vars.REDIS_URL, 'producer'), prefix: suite.env.vars.QUEUE_PREFIX });
    routers = await Promise.all(
      [1, 2].map(async () => {
        const app = await Test.createTestingModule({ imports: [SmartdeskConfigModule, DatabaseModule, RoutingModule] })
          .overrideProvider(Environment)
          .useValue(loadEnvironment(suite.env.vars))
          .compile();
        return app.init();
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all((routers ?? []).map((app) => app.close()));
    await escalation?.close();
    await suite?.stop();
  });

  beforeEach(async () => {
    // Each test starts from empty queues.
    await db.rows(`DELETE FROM tickets`);
    violations = [];
    sampling = true;
    sampler = (async () => {
      while (sampling) violations.push(...(await overCapacity()));
    })();
  });

  afterEach(async () => {
    sampling = false;
    await sampler;
  });

  /** Agents with more unfinished tickets than their capacity, as "email open/capacity". */
  async function overCapacity(): Promise<string[]> {
    const rows = await db.rows<{ email: string; open: number; capacity: number }>(
      `SELECT u.email, count(t.id)::int AS open, u.capacity FROM users u JOIN tickets t ON t.assignee_id = u.id AND t.status NOT IN ('resolved', 'closed')
        GROUP BY u.id HAVING count(t.id) > u.capacity`,
    );
    return rows.map((row) => `${row.email} ${row.open}/${row.capacity}`);
  }

  const deadlocks = async () => Number((await db.rows(`SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()`))[0].deadlocks);

  /** Triaged tickets without a team, spread over every routed category and one without a rule. */
  async function triagedTickets(count: number): Promise<string[]> {
    const categories = [...ROUTABLE, 'other'];
    const rows = await db.rows<{ id: string }>(
      `INSERT INTO tickets (customer_name, customer_email, subject, description, status, category, priority)
       SELECT 'C', 'c' || n || '@example.com', 'Load ' || n, 'x', 'triaged', ($2::text[])[1 + n % cardinality($2::text[])],
              (ARRAY['urgent', 'high', 'normal', 'low'])[1 + n % 4]
         FROM generate_series(1, $1) n RETURNING id`,
      [count, categories],
    );
    return rows.map((row) => row.id);
  }

  /** What must hold once routing settled: teams by rule, and no ticket waiting while an agent with the skill has room. */
  async function expectSettled(): Promise<void> {
    const withoutTeam = await db.rows(`SELECT t.id, t.category FROM tickets t JOIN routing_rules r ON r.category = t.category WHERE t.team_id IS NULL`);
    expect(withoutTeam).toEqual([]);
    const misrouted = await db.rows(`SELECT t.id FROM tickets t JOIN routing_rules r ON r.category = t.category WHERE t.team_id <> r.team_id`);
    expect(misrouted).toEqual([]);
    const waitingWithRoom = await db.rows(
      `SELECT t.id, t.category, u.email FROM tickets t
         JOIN users u ON u.team_id = t.team_id AND u.role = 'agent' AND u.active AND NOT u.away
              AND (cardinality(u.skills) = 0 OR t.category = ANY(u.skills))
              AND (SELECT count(*) FROM tickets o WHERE o.assignee_id = u.id AND o.status NOT IN ('resolved', 'closed')) < u.capacity
        WHERE t.assignee_id IS NULL AND t.team_id IS NOT NULL AND t.status NOT IN ('new', 'resolved', 'closed')`,
    );
    expect(waitingWithRoom).toEqual([]);
    expect(await overCapacity()).toEqual([]);
    expect(violations).toEqual([]);
  }

  it('many batches at once from two processes, while capacity frees and queues drain: no deadlock, no error, no agent over capacity', async () => {
    const tickets = await triagedTickets(480);
    const before = await deadlocks();
    // Shuffled batches of 12, alternating between the two routers, all at once.
    const shuffled = [...tickets].sort(() => Math.random() - 0.5);
    const batches: Promise<unknown>[] = [];
    for (let i = 0; i < shuffled.length; i += 12) batches.push(routers[(i / 12) % 2].get(RoutingService).routeTickets(shuffled.slice(i, i + 12)));
    // Meanwhile agents finish tickets, and their teams' queues are drained.
    const churn = (async () => {
      for (let round = 0; round < 10; round++) {
        const [done] = await db.rows<{ id: string; assignee_id: string }>(
          `UPDATE tickets SET status = 'resolved' WHERE id = (SELECT id FROM tickets WHERE assignee_id IS NOT NULL AND status = 'triaged' LIMIT 1) RETURNING id, assignee_id`,
        );
        if (done) await routers[round % 2].get(RoutingService).drainTeamOf(done.assignee_id);
      }
    })();
    const results = await Promise.allSettled([...batches, churn]);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(await deadlocks()).toBe(before);
    await expectSettled();
    const assigned = await db.count('tickets', 'assignee_id IS NOT NULL');
    const agents = await db.count('users', `role = 'agent' AND team_id IS NOT NULL`);
    // Far more tickets than room: every agent ends full or without a ticket their skills allow.
    expect(assigned).toBeGreaterThan(agents * CAPACITY * 0.5);
  }, 120_000);

  /** Every active agent of a team at capacity with its shipping tickets. */
  async function fillTeam(name: string) {
    const [team] = await db.rows<{ id: string }>(`SELECT id FROM teams WHERE name = $1`, [name]);
    const agents = await db.rows<{ id: string; capacity: number; skills: string[] }>(
      `SELECT id, capacity, skills FROM users WHERE team_id = $1 AND role = 'agent' AND active AND NOT away ORDER BY id`,
      [team.id],
    );
    for (const agent of agents) {
      await db.rows(
        `INSERT INTO tickets (customer_name, customer_email, subject, description, status, category, team_id, assignee_id)
         SELECT 'C', 'full' || n || '@example.com', 'Full', 'x', 'triaged', 'shipping', $1, $2 FROM generate_series(1, $3) n`,
        [team.id, agent.id, agent.capacity],
      );
    }
    return { team, agents };
  }

  async function newShippingTicket(): Promise<string> {
    const [ticket] = await db.rows<{ id: string }>(
      `INSERT INTO tickets (customer_name, customer_email, subject, description, status, category) VALUES ('C', 'late@example.com', 'Parcel late', 'x', 'new', 'shipping') RETURNING id`,
    );
    return ticket.id;
  }

  /** A triage's transaction that routes a ticket, writes its team, and commits only when told. */
  async function triageHeldOpen(router: INestApplicationContext, ticketId: string) {
    let decided!: (decision: RoutingDecision) => void;
    let commit!: () => void;
    const decision = new Promise<RoutingDecision>((resolve) => (decided = resolve));
    const committing = new Promise<void>((resolve) => (commit = resolve));
    const committed = transactionAs(router.get<DataSource>(getDataSourceToken()), { id: null, label: 'test' }, async (manager) => {
      const [routed] = await router.get(RoutingService).decide(manager, [ticketId], { triaging: true });
      await manager.query(`UPDATE tickets SET status = 'triaged', team_id = $1 WHERE id = $2`, [routed.teamId, ticketId]);
      decided(routed);
      await committing;
    });
    return { decision: await decision, commit, committed };
  }

  it('batches of a team whose agents are all full route side by side: none waits for another to commit', async () => {
    const { team } = await fillTeam('Orders & Shipping');
    const first = await triageHeldOpen(routers[0], await newShippingTicket());
    // While the first holds its team, a second batch of the same team decides too (it would time out if it waited).
    const second = await triageHeldOpen(routers[1], await newShippingTicket());
    for (const triage of [first, second]) {
      expect(triage.decision).toMatchObject({ teamId: team.id, assignment: null });
      triage.commit();
      await triage.committed;
    }
    await expectSettled();
  }, 20_000);

  it('a batch that found every agent full holds off the queue pass of a slot freed meanwhile, which then gives that slot to its ticket', async () => {
    const { team, agents } = await fillTeam('Orders & Shipping');
    const ticketId = await newShippingTicket();
    const triage = await triageHeldOpen(routers[0], ticketId);
    expect(triage.decision).toMatchObject({ teamId: team.id, assignment: null });
    // Meanwhile an agent who can take it finishes a ticket, and the team's queue is drained: that pass must wait for the triage.
    const freed = agents.find((agent) => agent.skills.length === 0 || agent.skills.includes('shipping'))!;
    await db.rows(`UPDATE tickets SET status = 'resolved' WHERE id = (SELECT id FROM tickets WHERE assignee_id = $1 LIMIT 1)`, [freed.id]);
    const drain = routers[1].get(RoutingService).drainTeamOf(freed.id);
    await waitFor(
      async () => (await db.rows(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM teams%'`)).length > 0,
      10_000,
      'the queue pass to wait for the triage',
    );
    triage.commit();
    await triage.committed;
    expect(await drain).toEqual([{ ticketId, agentId: freed.id }]);
    await expectSettled();
  }, 60_000);

  it('through the real escalation worker: a burst of triage jobs all complete, each routable ticket in its team, none over capacity', async () => {
    const tickets = await triagedTickets(240);
    await db.rows(`UPDATE tickets SET status = 'new'`);
    const before = await deadlocks();
    const jobs = await escalation.addBulk(tickets.map((ticketId) => ({ name: JobName.EvaluateEscalation, data: { v: 1, ticketId, revision: 1 }, opts: { jobId: `${ticketId}.load-triage` } })));
    await waitFor(
      async () => {
        const states = await Promise.all(jobs.map((job) => job.getState()));
        const failed = jobs.filter((_, index) => states[index] === 'failed');
        if (failed.length > 0) throw new Error(`triage failed: ${(await escalation.getJob(failed[0].id!))?.failedReason}`);
        return states.every((state) => state === 'completed');
      },
      90_000,
      async () => `all triage jobs to complete (${JSON.stringify(await escalation.getJobCounts())})`,
    );
    const retried = (await Promise.all(jobs.map((job) => escalation.getJob(job.id!)))).filter((job) => (job?.attemptsMade ?? 0) > 1);
    expect(retried.map((job) => job!.failedReason)).toEqual([]);
    expect(await deadlocks()).toBe(before);
    expect(await db.count('tickets', `status = 'triaged'`)).toBe(tickets.length);
    await expectSettled();
    // The seeded Orders & Shipping team gets its categories' tickets.
    const orders = await db.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM tickets t JOIN teams tm ON tm.id = t.team_id WHERE tm.name = 'Orders & Shipping' AND t.category IN ('shipping', 'orders', 'returns_refunds')`,
    );
    expect(orders[0].n).toBe(tickets.filter((_, index) => ['shipping', 'orders', 'returns_refunds'].includes([...ROUTABLE, 'other'][(index + 1) % (ROUTABLE.length + 1)])).length);
  }, 150_000);
});
