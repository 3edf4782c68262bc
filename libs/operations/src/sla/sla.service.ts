import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Priority, SLA_METRICS, SlaMetric } from '@smartdesk/contracts';
import { SlaClockEntity, TicketStatus } from '@smartdesk/database';
import { ClockAction, clockActionsForStatus, SlaAlert, SlaClockRules } from './sla-clock-rules';
import { DEFAULT_POLICY, SlaConfig } from './sla-config';

export const SLA_CONFIG = Symbol('SLA_CONFIG');
const PENDING_PAGE = 250;

/** A clock row as the rules see it (without the bookkeeping column). */
export type SlaClock = Omit<SlaClockEntity, 'updatedAt'>;

/**
 * A ticket's SLA clocks in Postgres. Every method works inside the caller's transaction (the change that
 * moves the clock commits with it) and returns the clocks it changed, for the scheduler to act on after commit.
 */
@Injectable()
export class SlaService {
  readonly rules: SlaClockRules;

  constructor(@Inject(SLA_CONFIG) readonly config: SlaConfig) {
    this.rules = new SlaClockRules(config);
  }

  /** Both clocks of new tickets, started at their priority's policy (the default policy before triage), not yet stored. */
  start(tickets: ClockTarget[]): SlaClock[] {
    return tickets.flatMap(({ ticketId, priority, openedAt }) => SLA_METRICS.map((metric) => ({ ticketId, ...this.rules.start(metric, priority ?? DEFAULT_POLICY, openedAt) })));
  }

  /** Starts the clocks of tickets that have none; returns the clocks it created. */
  async open(manager: EntityManager, tickets: ClockTarget[]): Promise<SlaClock[]> {
    if (tickets.length === 0) return [];
    const clocks = this.start(tickets);
    const inserted = await manager.createQueryBuilder().insert().into(SlaClockEntity).values(clocks).orIgnore().returning(['ticketId', 'metric']).execute();
    const created = new Set((inserted.raw as { ticket_id: string; metric: SlaMetric }[]).map((row) => `${row.ticket_id}/${row.metric}`));
    return clocks.filter((clock) => created.has(`${clock.ticketId}/${clock.metric}`));
  }

  /** Priorities set by triage or by a person: the clocks take their policy's targets (and exist, for tickets that predate SLAs). */
  async retarget(manager: EntityManager, tickets: (ClockTarget & { priority: Priority })[], now: Date): Promise<SlaClock[]> {
    const opened = await this.open(manager, tickets);
    const priorities = new Map(tickets.map((ticket) => [ticket.ticketId, ticket.priority]));
    const retargeted = await this.update(manager, [...priorities.keys()], (clock) => this.rules.retarget(clock, priorities.get(clock.ticketId)!, now));
    return [...opened, ...retargeted];
  }

  onStatusChange(manager: EntityManager, ticketId: string, from: TicketStatus, to: TicketStatus, now: Date): Promise<SlaClock[]> {
    const actions = clockActionsForStatus(from, to);
    if (Object.keys(actions).length === 0) return Promise.resolve([]);
    return this.update(manager, [ticketId], (clock) => this.act(actions[clock.metric], clock, now));
  }

  /** The first public reply from a person: the first-response clock is met. */
  onFirstResponse(manager: EntityManager, ticketId: string, now: Date): Promise<SlaClock[]> {
    return this.update(manager, [ticketId], (clock) => (clock.metric === 'first_response' ? this.rules.stop(clock, now) : null));
  }

  /** A scheduled checkpoint; null when the clock has moved on since (a stale job) or is gone. */
  async check(manager: EntityManager, ticketId: string, metric: SlaMetric, generation: number, now: Date): Promise<{ clock: SlaClock; alerts: SlaAlert[] } | null> {
    const clock = await this.lock(manager, ticketId, metric);
    if (!clock || clock.generation !== generation) return null;
    const result = this.rules.check(clock, now);
    await this.save(manager, result.clock);
    return result;
  }

  /**
   * Every clock that still has a checkpoint ahead (what a restarted scheduler must have in its queue), a
   * page at a time in key order: a backlog of open tickets is never held in memory at once.
   */
  async *pendingCheckpoints(manager: EntityManager, pageSize = PENDING_PAGE): AsyncGenerator<SlaClock[]> {
    let after: { ticketId: string; metric: string } | undefined;
    for (;;) {
      const query = manager
        .createQueryBuilder(SlaClockEntity, 'clock')
        .where('clock.running_since IS NOT NULL AND (clock.at_risk_at IS NULL OR clock.breached_at IS NULL)')
        .orderBy('clock.ticket_id')
        .addOrderBy('clock.metric')
        .limit(pageSize);
      if (after) query.andWhere('(clock.ticket_id, clock.metric) > (:ticketId, :metric)', after);
      const page = await query.getMany();
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
      after = page[page.length - 1];
    }
  }

  clocksOf(manager: EntityManager, ticketId: string): Promise<SlaClock[]> {
    return manager.find(SlaClockEntity, { where: { ticketId }, order: { metric: 'ASC' } });
  }

  private act(action: ClockAction | undefined, clock: SlaClock, now: Date): SlaClock | null {
    return action ? this.rules[action](clock, now) : null;
  }

  /** Locks the tickets' clocks (in key order, so concurrent batches cannot deadlock), applies `change`, saves and returns what changed. */
  private async update(manager: EntityManager, ticketIds: string[], change: (clock: SlaClock) => SlaClock | null): Promise<SlaClock[]> {
    if (ticketIds.length === 0) return [];
    const clocks = await manager.find(SlaClockEntity, { where: { ticketId: In(ticketIds) }, order: { ticketId: 'ASC', metric: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const changed = clocks.map(change).filter((clock): clock is SlaClock => clock !== null);
    await this.saveAll(manager, changed);
    return changed;
  }

  private lock(manager: EntityManager, ticketId: string, metric: SlaMetric): Promise<SlaClock | null> {
    return manager.findOne(SlaClockEntity, { where: { ticketId, metric }, lock: { mode: 'pessimistic_write' } });
  }

  private async save(manager: EntityManager, clock: SlaClock): Promise<void> {
    await this.saveAll(manager, [clock]);
  }

  /** One statement for any number of clocks. */
  private async saveAll(manager: EntityManager, clocks: SlaClock[]): Promise<void> {
    if (clocks.length === 0) return;
    const rows = clocks.map(({ ticketId, metric, policy, targetMs, elapsedMs, runningSince, dueAt, atRiskAt, breachedAt, stoppedAt, generation }) => ({
      ticket_id: ticketId,
      metric,
      policy,
      target_ms: targetMs,
      elapsed_ms: elapsedMs,
      running_since: runningSince,
      due_at: dueAt,
      at_risk_at: atRiskAt,
      breached_at: breachedAt,
      stopped_at: stoppedAt,
      generation,
    }));
    await manager.query(
      `UPDATE sla_clocks c SET policy = v.policy, target_ms = v.target_ms, elapsed_ms = v.elapsed_ms, running_since = v.running_since, due_at = v.due_at,
              at_risk_at = v.at_risk_at, breached_at = v.breached_at, stopped_at = v.stopped_at, generation = v.generation, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS v(ticket_id uuid, metric varchar, policy varchar, target_ms bigint, elapsed_ms bigint, running_since timestamptz,
              due_at timestamptz, at_risk_at timestamptz, breached_at timestamptz, stopped_at timestamptz, generation int)
        WHERE c.ticket_id = v.ticket_id AND c.metric = v.metric`,
      [JSON.stringify(rows)],
    );
  }
}

/** A ticket whose clocks start (or take a new priority): its priority and when it was opened. */
export interface ClockTarget {
  ticketId: string;
  priority: Priority | null;
  openedAt: Date;
}
