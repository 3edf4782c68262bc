import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { Priority, SLA_METRICS, SlaMetric } from '@smartdesk/contracts';
import { SlaClockEntity, TicketStatus } from '@smartdesk/database';
import { ClockAction, clockActionsForStatus, SlaAlert, SlaClockRules } from './sla-clock-rules';
import { DEFAULT_POLICY, SlaConfig } from './sla-config';

export const SLA_CONFIG = Symbol('SLA_CONFIG');

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

  /** Starts both clocks of new tickets, at a priority's policy (the default policy before triage); returns the clocks it created. */
  async open(manager: EntityManager, ticketIds: string[], priority: Priority | null, now: Date): Promise<SlaClock[]> {
    const clocks = ticketIds.flatMap((ticketId) => SLA_METRICS.map((metric) => ({ ticketId, ...this.rules.start(metric, priority ?? DEFAULT_POLICY, now) })));
    const inserted = await manager.createQueryBuilder().insert().into(SlaClockEntity).values(clocks).orIgnore().returning(['ticketId', 'metric']).execute();
    const created = new Set((inserted.raw as { ticket_id: string; metric: SlaMetric }[]).map((row) => `${row.ticket_id}/${row.metric}`));
    return clocks.filter((clock) => created.has(`${clock.ticketId}/${clock.metric}`));
  }

  /** A priority set by triage or by a person: the clocks take that policy's targets (and exist, for tickets that predate SLAs). */
  async retarget(manager: EntityManager, ticketId: string, priority: Priority, now: Date, openedAt = now): Promise<SlaClock[]> {
    const opened = await this.open(manager, [ticketId], priority, openedAt);
    const retargeted = await this.update(manager, ticketId, (clock) => this.rules.retarget(clock, priority, now));
    return [...opened, ...retargeted];
  }

  onStatusChange(manager: EntityManager, ticketId: string, from: TicketStatus, to: TicketStatus, now: Date): Promise<SlaClock[]> {
    const actions = clockActionsForStatus(from, to);
    if (Object.keys(actions).length === 0) return Promise.resolve([]);
    return this.update(manager, ticketId, (clock) => this.act(actions[clock.metric], clock, now));
  }

  /** The first public reply from a person: the first-response clock is met. */
  onFirstResponse(manager: EntityManager, ticketId: string, now: Date): Promise<SlaClock[]> {
    return this.update(manager, ticketId, (clock) => (clock.metric === 'first_response' ? this.rules.stop(clock, now) : null));
  }

  /** A scheduled checkpoint; null when the clock has moved on since (a stale job) or is gone. */
  async check(manager: EntityManager, ticketId: string, metric: SlaMetric, generation: number, now: Date): Promise<{ clock: SlaClock; alerts: SlaAlert[] } | null> {
    const clock = await this.lock(manager, ticketId, metric);
    if (!clock || clock.generation !== generation) return null;
    const result = this.rules.check(clock, now);
    await this.save(manager, result.clock);
    return result;
  }

  /** Every clock that still has a checkpoint ahead (what a restarted scheduler must have in its queue). */
  pendingCheckpoints(manager: EntityManager): Promise<SlaClock[]> {
    return manager.find(SlaClockEntity, {
      where: [
        { runningSince: Not(IsNull()), atRiskAt: IsNull() },
        { runningSince: Not(IsNull()), breachedAt: IsNull() },
      ],
    });
  }

  clocksOf(manager: EntityManager, ticketId: string): Promise<SlaClock[]> {
    return manager.find(SlaClockEntity, { where: { ticketId }, order: { metric: 'ASC' } });
  }

  private act(action: ClockAction | undefined, clock: SlaClock, now: Date): SlaClock | null {
    return action ? this.rules[action](clock, now) : null;
  }

  private async update(manager: EntityManager, ticketId: string, change: (clock: SlaClock) => SlaClock | null): Promise<SlaClock[]> {
    const clocks = await manager.find(SlaClockEntity, { where: { ticketId }, lock: { mode: 'pessimistic_write' } });
    const changed = clocks.map(change).filter((clock): clock is SlaClock => clock !== null);
    for (const clock of changed) await this.save(manager, clock);
    return changed;
  }

  private lock(manager: EntityManager, ticketId: string, metric: SlaMetric): Promise<SlaClock | null> {
    return manager.findOne(SlaClockEntity, { where: { ticketId, metric }, lock: { mode: 'pessimistic_write' } });
  }

  private async save(manager: EntityManager, clock: SlaClock): Promise<void> {
    const { policy, targetMs, elapsedMs, runningSince, dueAt, atRiskAt, breachedAt, stoppedAt, generation } = clock;
    await manager.update(SlaClockEntity, { ticketId: clock.ticketId, metric: clock.metric }, { policy, targetMs, elapsedMs, runningSince, dueAt, atRiskAt, breachedAt, stoppedAt, generation });
  }
}
