import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { groupBy } from '@smartdesk/batching';
import { OutboxKind, TicketJobData, TraceCarrier } from '@smartdesk/contracts';
import { AuditActor, TicketEntity } from '@smartdesk/database';
import { currentTraceCarrier, withTrace } from '@smartdesk/observability';
import { Clock, OutboxMessage, SlaClock, SlaService, TicketEffects } from '@smartdesk/operations';
import { insertSubmittedTickets } from './submitted-tickets.statement';

export interface Submission {
  /** With its id already set. */
  ticket: TicketEntity;
  actor: AuditActor;
  /** The submitter's trace, when it is not the one active at insert (a group commit inserts for many submitters). */
  trace?: TraceCarrier;
}

/** What stored tickets set off once their transaction commits. */
export interface StoredSubmissions {
  tickets: TicketEntity[];
  messages: OutboxMessage[];
  clocks: SlaClock[];
}

/**
 * The one way a ticket enters the system, whatever its channel (web form, API, email): each ticket is stored
 * with its "received" event, its triage outbox message and its SLA clocks in one statement per actor; after
 * commit the triage flow is published, the SLA checkpoints scheduled and live views told.
 */
@Injectable()
export class TicketSubmissions {
  constructor(
    private readonly sla: SlaService,
    private readonly effects: TicketEffects,
    private readonly clock: Clock,
  ) {}

  /** Stores and announces the tickets; `manager` outside a transaction is fine (each statement is atomic). */
  async store(manager: EntityManager, batch: Submission[]): Promise<TicketEntity[]> {
    const stored = await this.insert(manager, batch);
    await this.afterCommit(stored);
    return stored.tickets;
  }

  /** The writes only, in the caller's transaction (which must call afterCommit once it has committed). */
  async insert(manager: EntityManager, batch: Submission[]): Promise<StoredSubmissions> {
    const openedAt = this.clock.now();
    const stored: StoredSubmissions = { tickets: batch.map((submission) => submission.ticket), messages: [], clocks: [] };
    // One statement per actor: the audit log names who submitted each ticket.
    for (const [, group] of groupBy(batch, ({ actor }) => `${actor.id}\u0000${actor.label}`)) {
      const tickets = group.map((submission) => submission.ticket);
      const clocks = this.sla.start(tickets.map((ticket) => ({ ticketId: ticket.id, priority: null, openedAt })));
      const outbox = group.map(({ ticket, trace }) => ({
        kind: OutboxKind.TicketCreated,
        payload: withTrace<TicketJobData>({ v: 1, ticketId: ticket.id, revision: 1 }, trace ?? currentTraceCarrier()),
      }));
      stored.messages.push(...(await insertSubmittedTickets(manager, { actor: group[0].actor, tickets, outbox, clocks })));
      stored.clocks.push(...clocks);
    }
    return stored;
  }

  async afterCommit({ tickets, messages, clocks }: StoredSubmissions): Promise<void> {
    await this.effects.afterCommit({ outbox: messages, clocks, received: tickets, failures: 'log' });
  }
}
