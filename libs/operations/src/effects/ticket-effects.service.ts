import { Injectable, Logger, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Priority } from '@smartdesk/contracts';
import { OutboxMessageEntity, TicketEntity, TicketStatus } from '@smartdesk/database';
import { LiveEvents } from '../live/live-events.service';
import { Assignment, RoutingDecision, RoutingOutcome, RoutingService } from '../routing/routing.service';
import { SlaScheduler } from '../sla/sla-scheduler.service';
import { ClockTarget, SlaClock, SlaService } from '../sla/sla.service';

const FINISHED: readonly TicketStatus[] = ['resolved', 'closed'];
/** Timeline events a customer may hear about live; every other change is staff-only. */
const PUBLIC_EVENTS = new Set(['received', 'status-changed', 'resolved', 'closed', 'reopened', 'customer-replied', 'agent-replied']);

/** A stored outbox row, published after commit. */
export type OutboxMessage = Pick<OutboxMessageEntity, 'id' | 'kind' | 'payload'>;

/** Publishes committed outbox rows to the queues (the gateway's relay); an app without an outbox provides none. */
export abstract class OutboxPublisher {
  abstract publish(messages: OutboxMessage[]): Promise<void>;
}

/** Live events to send: the change's timeline event types, in order (the first public one is shown to customers). */
export interface Announcement {
  ticketId: string;
  events: string[];
}

/** What a committed change sets off; every part is optional. */
export interface CommittedChange {
  /** Tickets stored for the first time (intake): announced from the rows in hand. */
  received?: TicketEntity[];
  outbox?: OutboxMessage[];
  /** Clocks the change moved: their checkpoints are (re)scheduled. */
  clocks?: SlaClock[];
  /** Agents whose load went down: their teams' queues are drained. */
  freed?: string[];
  /** Tickets to route (just triaged, or moved to a team without an assignee). */
  route?: string[];
  announce?: Announcement[];
  /**
   * 'log' (an HTTP request, whose change is committed and answered): a failure is logged, the ticket waits
   * in its queue and the escalation worker reschedules checkpoints when it starts. 'throw' (a job): the job
   * fails and is retried, and so is what failed.
   */
  failures: 'log' | 'throw';
}

/** What was done: for callers that answer with it, and for tests. */
export interface EffectsReport {
  published: number;
  scheduled: number;
  refilled: Assignment[];
  routed: RoutingOutcome[];
  announced: number;
}

/**
 * What happens after a ticket changes, in one place for intake, people's changes and the pipeline: SLA clocks
 * move (and triaged tickets are routed) inside the change's transaction; once it has committed, outbox rows are published, clock checkpoints
 * rescheduled, freed capacity refilled from team queues, tickets routed, and the change announced live.
 */
@Injectable()
export class TicketEffects {
  private readonly logger = new Logger(TicketEffects.name);

  constructor(
    private readonly sla: SlaService,
    private readonly scheduler: SlaScheduler,
    private readonly routing: RoutingService,
    private readonly live: LiveEvents,
    @Optional() private readonly outbox?: OutboxPublisher,
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

  /** Inside a triage transaction: the clocks (started on the default policy) take the targets of the tickets' priorities; one list per ticket, in order. */
  async retargetClocks(manager: EntityManager, tickets: ClockTarget[], now: Date): Promise<SlaClock[][]> {
    const prioritized = tickets.filter((ticket): ticket is ClockTarget & { priority: Priority } => ticket.priority !== null);
    const clocks = await this.sla.retarget(manager, prioritized, now);
    return tickets.map((ticket) => clocks.filter((clock) => clock.ticketId === ticket.ticketId));
  }

  /**
   * Inside a triage transaction, before its tickets' rows are written: decides their teams and agents (locking
   * tickets, then teams); the caller writes each decision's columns (routingPatch) with its own change.
   */
  routeWithin(manager: EntityManager, ticketIds: string[]): Promise<RoutingDecision[]> {
    return this.routing.decide(manager, ticketIds, { triaging: true });
  }

  /** The agent whose load a change brought down, if any: they lost the ticket, or it finished. */
  freedBy(before: TicketEntity, after: TicketEntity): string[] {
    const freed = before.assigneeId !== null && (after.assigneeId !== before.assigneeId || (FINISHED.includes(after.status) && !FINISHED.includes(before.status)));
    return freed ? [before.assigneeId!] : [];
  }

  /** A ticket moved to another team without an assignee is routed there. */
  needsRouting(before: TicketEntity, after: TicketEntity): string[] {
    return after.teamId !== before.teamId && after.teamId && !after.assigneeId ? [after.id] : [];
  }

  async afterCommit(change: CommittedChange): Promise<EffectsReport> {
    const { received = [], outbox = [], clocks = [], freed = [], route = [], announce = [] } = change;
    if (outbox.length > 0 && !this.outbox) throw new Error('outbox messages to publish, but this app provides no OutboxPublisher');
    // Independent of each other: at once (intake waits for them before it answers).
    await Promise.all([
      outbox.length > 0 && this.outbox!.publish(outbox),
      clocks.length > 0 && this.attempt(change, 'checkpoints', () => this.scheduler.schedule(clocks)),
      received.length > 0 && this.live.ticketsReceived(received),
    ]);
    const refilled: Assignment[] = [];
    for (const agentId of new Set(freed)) refilled.push(...((await this.attempt(change, 'refill', () => this.routing.drainTeamOf(agentId))) ?? []));
    const routed = route.length > 0 ? ((await this.attempt(change, 'routing', () => Promise.all(route.map((id) => this.routing.routeTicket(id))))) ?? []) : [];
    const shown = announce.filter((announcement) => announcement.events.length > 0);
    await Promise.all(
      shown.map(({ ticketId, events }) => {
        const visible = events.find((type) => PUBLIC_EVENTS.has(type));
        return this.live.ticketChanged(ticketId, visible ?? events[events.length - 1], !visible);
      }),
    );
    return { published: outbox.length, scheduled: clocks.length, refilled, routed, announced: received.length + shown.length };
  }

  private async attempt<T>(change: CommittedChange, what: string, work: () => Promise<T>): Promise<T | undefined> {
    if (change.failures === 'throw') return work();
    try {
      return await work();
    } catch (error) {
      this.logger.warn(`${what} after a committed change failed: ${(error as Error).message}`);
      return undefined;
    }
  }
}
