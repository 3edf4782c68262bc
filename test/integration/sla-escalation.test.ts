import { getQueueToken } from '@nestjs/bullmq';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Environment, loadEnvironment } from '@smartdesk/config';
import { JobName, QueueName } from '@smartdesk/contracts';
import { Clock, SlaScheduler, SlaService, slaCheckJobId } from '@smartdesk/operations';
import { EscalationWorkerModule } from '../../apps/escalation-worker/src/escalation-worker.module';
import { EvaluateEscalationProcessor } from '../../apps/escalation-worker/src/evaluate-escalation.processor';
import { DeliverNotificationProcessor } from '../../apps/escalation-worker/src/notifications/deliver-notification.processor';
import { CheckSlaProcessor } from '../../apps/escalation-worker/src/sla/check-sla.processor';
import { FakeClock } from '../support/fake-clock';
import { SmtpReceiver } from '../support/smtp-receiver';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { waitFor } from '../support/wait-for';
import { WebhookReceiver } from '../support/webhook-receiver';
import { Db } from './helpers/database';

const MIN = 60_000;
/** UTC business hours, Monday to Friday 09:00-17:00; urgent: 30 min to first response, 4 h to resolution. */
const SLA_YML = `
calendar:
  timezone: UTC
  hours: { monday: "09:00-17:00", tuesday: "09:00-17:00", wednesday: "09:00-17:00", thursday: "09:00-17:00", friday: "09:00-17:00" }
atRiskRatio: 0.8
policies:
  urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 }
  high: { firstResponseMinutes: 60, resolutionMinutes: 480 }
  normal: { firstResponseMinutes: 240, resolutionMinutes: 1440 }
  low: { firstResponseMinutes: 480, resolutionMinutes: 2880 }
`;
const at = (iso: string) => new Date(`${iso}Z`);
const SECRET = 'webhook-secret-for-the-sla-suite-0123456789';

/**
 * SLA clocks on a fake clock, through the real escalation worker (in this process, on real Postgres and
 * Redis): triage sets the policy and routes; pending pauses; the at-risk checkpoint escalates before the
 * breach; each escalation is sent as a signed, retried webhook and as email.
 */
describe('SLA clocks, escalation and notifications', () => {
  let env: TestEnvironment;
  let db: Db;
  let app: TestingModule;
  let clock: FakeClock;
  let slaQueue: Queue;
  let escalationQueue: Queue;
  let sla: SlaService;
  let scheduler: SlaScheduler;
  let dataSource: DataSource;
  let configDir: string;
  const receiver = new WebhookReceiver(SECRET);
  const smtp = new SmtpReceiver();
  let ticketId: string;
  let agentId: string;

  beforeAll(async () => {
    env = await createTestEnvironment('int_sla');
    db = await Db.connect(env.databaseUrl);
    await Promise.all([receiver.start(), smtp.start()]);
    configDir = mkdtempSync(join(tmpdir(), 'smartdesk-sla-'));
    writeFileSync(join(configDir, 'sla.yml'), SLA_YML);
    const vars = {
      ...env.vars,
      SLA_CONFIG_FILE: join(configDir, 'sla.yml'),
      ESCALATION_WEBHOOK_URLS: receiver.url,
      WEBHOOK_SIGNING_SECRET: SECRET,
      SMTP_URL: smtp.url,
      ESCALATION_EMAIL_TO: 'oncall@example.com',
    };
    // Monday 16 November 2026, 09:00 UTC: the ticket arrives as business opens.
    clock = new FakeClock(at('2026-11-16T09:00:00'));
    app = await Test.createTestingModule({ imports: [EscalationWorkerModule] })
      .overrideProvider(Environment)
      .useValue(loadEnvironment(vars))
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    await app.init();
    // As runWorker does: every queue of the process prepared, then running.
    for (const type of [EvaluateEscalationProcessor, CheckSlaProcessor, DeliverNotificationProcessor]) {
      const processor = app.get(type);
      await processor.prepare();
      void processor.worker.run();
    }
    slaQueue = app.get(getQueueToken(QueueName.Sla));
    escalationQueue = app.get(getQueueToken(QueueName.Escalation));
    sla = app.get(SlaService);
    scheduler = app.get(SlaScheduler);
    dataSource = app.get(getDataSourceToken());

    const [team] = await db.rows(`INSERT INTO teams (name, department) VALUES ('Billing', 'Customer Care') RETURNING id`);
    [{ id: agentId }] = await db.rows(`INSERT INTO users (email, name, role, team_id) VALUES ('ana@example.com', 'Ana', 'agent', $1) RETURNING id`, [team.id]);
    await db.rows(`INSERT INTO routing_rules (category, team_id) VALUES ('billing', $1)`, [team.id]);
    // As categorization leaves it: urgent billing, and the gateway opened its clocks at intake on the default policy.
    [{ id: ticketId }] = await db.rows(
      `INSERT INTO tickets (customer_name, customer_email, subject, description, category, priority)
       VALUES ('Jamie', 'jamie@example.com', 'Card charged twice', 'Order 5521 was charged twice.', 'billing', 'urgent') RETURNING id`,
    );
    await scheduler.schedule(await dataSource.transaction((manager) => sla.open(manager, [{ ticketId, priority: null, openedAt: clock.now() }])));
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await Promise.all([receiver.stop(), smtp.stop()]);
    await db?.end();
    await env?.cleanup();
    rmSync(configDir, { recursive: true, force: true });
  });

  const clocks = async () => Object.fromEntries((await db.rows(`SELECT * FROM sla_clocks WHERE ticket_id = $1`, [ticketId])).map((row) => [row.metric, row]));
  const ticket = async () => (await db.rows(`SELECT status, assignee_id, escalated, escalation_level FROM tickets WHERE id = $1`, [ticketId]))[0];
  const delayed = async () => Object.fromEntries((await slaQueue.getDelayed()).map((job) => [job.id, clock.dueAt(job)]));
  const move = (change: (manager: any) => Promise<any[]>) => dataSource.transaction(change).then((changed) => scheduler.schedule(changed));

  it('opens both clocks at intake on the default (normal) policy, each with its at-risk checkpoint queued', async () => {
    const opened = await clocks();
    expect(opened.first_response).toMatchObject({ policy: 'normal', generation: 1, due_at: at('2026-11-16T13:00:00') });
    // 1440 business minutes = three 8-hour days.
    expect(opened.resolution).toMatchObject({ policy: 'normal', due_at: at('2026-11-18T17:00:00') });
    expect(await delayed()).toEqual({
      [slaCheckJobId(ticketId, 'first_response', 1)]: at('2026-11-16T12:12:00'),
      [slaCheckJobId(ticketId, 'resolution', 1)]: at('2026-11-18T12:12:00'),
    });
  });

  it('triage retargets the clocks to the urgent policy and routes the ticket to the agent', async () => {
    await escalationQueue.add(JobName.EvaluateEscalation, { v: 1, ticketId, revision: 1 }, { jobId: `${ticketId}.triage` });
    await waitFor(async () => (await ticket()).assignee_id === agentId, 20_000, 'triage and routing');
    expect(await ticket()).toMatchObject({ status: 'triaged', escalated: false });
    const retargeted = await clocks();
    expect(retargeted.first_response).toMatchObject({ policy: 'urgent', target_ms: String(30 * MIN), generation: 2, due_at: at('2026-11-16T09:30:00') });
    // At risk at 80 % of 30 minutes: 09:24. The normal-policy jobs were dropped.
    expect(await delayed()).toEqual({
      [slaCheckJobId(ticketId, 'first_response', 2)]: at('2026-11-16T09:24:00'),
      [slaCheckJobId(ticketId, 'resolution', 2)]: at('2026-11-16T12:12:00'),
    });
  });

  it('pauses while pending (no checkpoint waits) and resumes with the business time left', async () => {
    clock.set(at('2026-11-16T09:10:00'));
    await move((manager) => sla.onStatusChange(manager, ticketId, 'triaged', 'pending', clock.now()));
    const paused = await clocks();
    expect(paused.first_response).toMatchObject({ running_since: null, due_at: null, elapsed_ms: String(10 * MIN) });
    expect(await delayed()).toEqual({});

    // The customer answers the next morning: the night and the wait did not count. 20 minutes are left.
    clock.set(at('2026-11-17T10:00:00'));
    await move((manager) => sla.onStatusChange(manager, ticketId, 'pending', 'open', clock.now()));
    const resumed = await clocks();
    expect(resumed.first_response).toMatchObject({ running_since: at('2026-11-17T10:00:00'), due_at: at('2026-11-17T10:20:00'), generation: 4 });
    const jobs = await delayed();
    expect(jobs[slaCheckJobId(ticketId, 'first_response', 4)]).toEqual(at('2026-11-17T10:14:00'));
    // Real delay = fake time left: 14 minutes.
    expect((await slaQueue.getJob(slaCheckJobId(ticketId, 'first_response', 4)))!.delay).toBe(14 * MIN);
  });

  it('a checkpoint that is not due yet does nothing', async () => {
    expect(await clock.advanceTo(at('2026-11-17T10:13:00'), slaQueue)).toEqual([]);
    expect((await clocks()).first_response.at_risk_at).toBeNull();
  });

  it('at 80 % the ticket is escalated before it breaches, and the escalation is sent as a signed webhook (retried) and email', async () => {
    receiver.failNext(1);
    expect(await clock.advanceTo(at('2026-11-17T10:14:00'), slaQueue)).toEqual([slaCheckJobId(ticketId, 'first_response', 4)]);
    await waitFor(async () => (await ticket()).escalation_level === 2, 20_000, 'escalation on SLA risk');
    const atRisk = await clocks();
    expect(atRisk.first_response).toMatchObject({ at_risk_at: at('2026-11-17T10:14:00'), breached_at: null });
    const [decision] = await db.rows(`SELECT result FROM ticket_stage_results WHERE ticket_id = $1 AND stage = 'escalation'`, [ticketId]);
    expect(decision.result.reasons).toEqual([{ rule: 'sla-at-risk', detail: 'first response SLA at risk', params: { metrics: ['first_response'] } }]);
    const types = (await db.rows(`SELECT type FROM ticket_events WHERE ticket_id = $1 ORDER BY id`, [ticketId])).map((row) => row.type);
    expect(types.indexOf('sla-at-risk')).toBeLessThan(types.lastIndexOf('escalated'));
    expect(types).not.toContain('sla-breached');

    // The receiver refused the first delivery (500): BullMQ retried with backoff, and every request was signed.
    await waitFor(async () => receiver.received.some((hook) => hook.answered === 204), 20_000, 'the webhook to be delivered');
    expect(receiver.received.map((hook) => [hook.verified, hook.answered])).toEqual([
      [true, 500],
      [true, 204],
    ]);
    const hook = receiver.received[1];
    expect(hook.headers['x-smartdesk-event']).toBe('ticket.escalated');
    expect(hook.headers['x-smartdesk-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(hook.body).toMatchObject({ event: 'ticket.escalated', ticket: { id: ticketId, priority: 'urgent' }, escalation: { level: 2, reasons: [{ rule: 'sla-at-risk' }] } });
    expect(hook.body).not.toHaveProperty('ticket.customerEmail');
    // The worker records the delivery once it has the answer, a moment after the receiver sent it.
    const webhookRow = async () => (await db.rows(`SELECT status, attempts, response_status FROM notifications WHERE ticket_id = $1 AND channel = 'webhook'`, [ticketId]))[0];
    const webhook = await waitFor(
      async () => {
        const row = await webhookRow();
        return row?.status === 'delivered' ? row : undefined;
      },
      10_000,
      async () => `the webhook row to be delivered: ${JSON.stringify(await webhookRow())}`,
    );
    expect(webhook).toEqual({ status: 'delivered', attempts: 2, response_status: 204 });

    await waitFor(async () => smtp.received.length === 1, 10_000, 'the escalation email');
    expect(smtp.received[0].to).toEqual(['oncall@example.com']);
    expect(smtp.received[0].raw).toMatch(/Subject: \[Smartdesk\] Ticket #\d+ escalated to level 2/);
    expect(smtp.received[0].raw).toContain('sla-at-risk: first response SLA at risk');
  });

  it('at the target it breaches: level 3, notified again; re-evaluating at the same level notifies no one twice', async () => {
    expect(await delayed()).toEqual({
      [slaCheckJobId(ticketId, 'first_response', 5)]: at('2026-11-17T10:20:00'),
      [slaCheckJobId(ticketId, 'resolution', 4)]: at('2026-11-17T13:02:00'),
    });
    await clock.advanceTo(at('2026-11-17T10:20:00'), slaQueue);
    await waitFor(async () => (await ticket()).escalation_level === 3, 20_000, 'escalation on SLA breach');
    expect((await clocks()).first_response).toMatchObject({ breached_at: at('2026-11-17T10:20:00') });
    await waitFor(async () => receiver.received.length === 3 && smtp.received.length === 2, 20_000, 'the level-3 notices');
    expect(receiver.received[2]).toMatchObject({ verified: true, answered: 204, body: { escalation: { level: 3 } } });

    await escalationQueue.add(JobName.EvaluateEscalation, { v: 1, ticketId, revision: 1 }, { jobId: `${ticketId}.again` });
    await waitFor(async () => (await db.count('ticket_events', `ticket_id = $1 AND type = 'escalated'`, [ticketId])) === 3, 20_000, 'the re-evaluation');
    expect(await db.count('notifications', 'ticket_id = $1', [ticketId])).toBe(4);
  });

  it('a checkpoint of an older generation is stale and changes nothing', async () => {
    const before = await clocks();
    await slaQueue.add(JobName.CheckSla, { v: 1, ticketId, metric: 'resolution', generation: 1 }, { jobId: 'stale-check' });
    const done = await waitFor(
      async () => {
        const job = await slaQueue.getJob('stale-check');
        return (await job?.isCompleted()) ? job!.returnvalue : undefined;
      },
      10_000,
      'the stale checkpoint',
    );
    expect(done).toEqual({ stale: true, alerts: [] });
    expect(await clocks()).toEqual(before);
  });

  it('answering stops the first-response clock as met or breached; resolving stops the other', async () => {
    clock.set(at('2026-11-17T10:30:00'));
    await move((manager) => sla.onFirstResponse(manager, ticketId, clock.now()));
    await move((manager) => sla.onStatusChange(manager, ticketId, 'open', 'resolved', clock.now()));
    const stopped = await clocks();
    expect(stopped.first_response).toMatchObject({ stopped_at: at('2026-11-17T10:30:00'), elapsed_ms: String(40 * MIN), breached_at: at('2026-11-17T10:20:00') });
    // 10 minutes on Monday and 30 on Tuesday: well within 4 hours.
    expect(stopped.resolution).toMatchObject({ stopped_at: at('2026-11-17T10:30:00'), elapsed_ms: String(40 * MIN), breached_at: null });
    expect(await delayed()).toEqual({});
  });

  it('a restarted scheduler finds every clock with a checkpoint ahead, a page at a time, and queues each once', async () => {
    const tickets = await db.rows(
      `INSERT INTO tickets (customer_name, customer_email, subject, description)
       SELECT 'Kim', 'kim@example.com', 'Order ' || n, 'Where is order ' || n || '?' FROM generate_series(1, 5) n RETURNING id`,
    );
    const opened = await dataSource.transaction((manager) =>
      sla.open(
        manager,
        tickets.map(({ id }) => ({ ticketId: id, priority: null, openedAt: clock.now() })),
      ),
    );
    const pages: string[][] = [];
    for await (const page of sla.pendingCheckpoints(dataSource.manager, 3)) pages.push(page.map((pending) => `${pending.ticketId}/${pending.metric}`));
    // The resolved ticket's stopped clocks have nothing ahead; the five new tickets' ten clocks do.
    expect(pages.map((page) => page.length)).toEqual([3, 3, 3, 1]);
    expect(pages.flat().sort()).toEqual(opened.map((pending) => `${pending.ticketId}/${pending.metric}`).sort());

    await app.get(CheckSlaProcessor).prepare();
    await app.get(CheckSlaProcessor).prepare();
    const queued = Object.keys(await delayed());
    expect(queued.sort()).toEqual(opened.map((pending) => slaCheckJobId(pending.ticketId, pending.metric, pending.generation)).sort());
  });
});
