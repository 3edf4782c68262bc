import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketEntity, TicketStatus } from '@smartdesk/database';
import { LiveEvents, RoutingService, SlaClock, SlaScheduler, SlaService } from '@smartdesk/operations';

const FINISHED: readonly TicketStatus[] = ['resolved', 'closed'];
/** Timeline events a customer may hear about live; every other change is staff-only. */
const PUBLIC_EVENTS = new Set(['received', 'status-changed', 'resolved', 'closed', 'reopened', 'customer-replied', 'agent-replied']);

export interface TicketChange {
  before: TicketEntity;
  after: TicketEntity;
  /** The timeline event types the change wrote, in order. */
  events: string[];
  clocks: SlaClock[];
}

/**
 * What a person's change to a ticket sets off beyond the ticket row: its SLA clocks move in the same
 * transaction; after commit, checkpoints are rescheduled, freed capacity is refilled from the team queue,
 * a ticket moved to another team is routed there, and the change is announced to live views.
 */
@Injectable()
export class TicketEffects {
  constructor(
    private readonly sla: SlaService,
    private readonly scheduler: SlaScheduler,
    private readonly routing: RoutingService,
    private readonly live: LiveEvents,
  ) {}

  /**
   * Inside the change's transaction, before the ticket row is written: moves the SLA clocks, and returns them
   * with the analytics facts the change settles (first response, each clock met or not), for the same UPDATE.
   * `firstResponse`: the change is a public reply from staff.
   */
  async moveClocks(manager: EntityManager, before: TicketEntity, patch: Partial<TicketEntity>, firstResponse: boolean, now: Date): Promise<{ clocks: SlaClock[]; facts: Partial<TicketEntity> }> {
    const changed: SlaClock[] = [];
    const facts: Partial<TicketEntity> = {};
    if (firstResponse && !before.firstResponseAt) {
      facts.firstResponseAt = now;
      changed.push(...(await this.sla.onFirstResponse(manager, before.id, now)));
    }
    if (patch.status && patch.status !== before.status) changed.push(...(await this.sla.onStatusChange(manager, before.id, before.status, patch.status, now)));
    if (patch.priority && patch.priority !== before.priority) changed.push(...(await this.sla.retarget(manager, [{ ticketId: before.id, priority: patch.priority, openedAt: before.createdAt }], now)));
    // Several changes to one clock: only its newest state matters.
    const clocks = [...new Map(changed.map((clock) => [clock.metric, clock])).values()];
    for (const clock of clocks) {
      const met = clock.stoppedAt ? clock.breachedAt === null : null;
      if (clock.metric === 'first_response') facts.slaFirstResponseMet = met;
      else facts.slaResolutionMet = met;
    }
    return { clocks, facts };
  }

  async afterCommit({ before, after, events, clocks }: TicketChange): Promise<void> {
    await this.scheduler.scheduleAfterCommit(clocks);
    const freed = before.assigneeId !== null && (after.assigneeId !== before.assigneeId || (FINISHED.includes(after.status) && !FINISHED.includes(before.status)));
    if (freed) await this.routing.safely('refill', () => this.routing.drainTeamOf(before.assigneeId!));
    if (after.teamId !== before.teamId && after.teamId && !after.assigneeId) await this.routing.safely('team change', () => this.routing.routeTicket(after.id));
    if (events.length) {
      const shown = events.find((type) => PUBLIC_EVENTS.has(type));
      await this.live.ticketChanged(after.id, shown ?? events[events.length - 1], !shown);
    }
  }
}
