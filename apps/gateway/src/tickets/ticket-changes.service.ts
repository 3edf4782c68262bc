import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OutboxKind, Stage } from '@smartdesk/contracts';
import { TicketEntity, TicketStageStore, TimelineEvent, transactionAs } from '@smartdesk/database';
import { Clock, OutboxMessage, TicketEffects } from '@smartdesk/operations';
import { auditActor, Principal } from '../auth/principal';
import { OutboundMail, OutboxRelay } from '@smartdesk/channels';
import { affectsSolvedIndex } from './solved-ticket-index';
import { ticketScope } from './ticket-scope';

export interface ChangeContext {
  ticket: TicketEntity;
  manager: EntityManager;
  /** The ticket's version once this change is saved (for event keys). */
  nextVersion: number;
}

export interface ChangeOutcome<R> {
  /** Ticket columns to set; when empty the ticket row (and its version) stay as they are. */
  patch?: Partial<TicketEntity>;
  events?: Omit<TimelineEvent, 'ticketId'>[];
  /** The change is a public reply from staff (the first one stops the first-response SLA clock). */
  firstResponse?: boolean;
  /** Analytics columns the change settles: written with it, but not a change of the ticket's version. */
  facts?: Partial<TicketEntity>;
  /** Outbox messages the change wrote (e.g. a reply's mail): published once it commits. */
  outbox?: OutboxMessage[];
  result: R;
}

/** Reads and changes tickets within what the caller may see. */
@Injectable()
export class TicketChanges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TicketStageStore,
    private readonly effects: TicketEffects,
    private readonly clock: Clock,
    private readonly outbox: OutboxRelay,
    private readonly mail: OutboundMail,
  ) {}

  /** The ticket if the principal may see it; 404 alike for a ticket that does not exist and one that is not theirs. */
  async findVisible(manager: EntityManager, principal: Principal, id: string, forUpdate = false): Promise<TicketEntity> {
    const scope = ticketScope(principal);
    const query = manager.getRepository(TicketEntity).createQueryBuilder('t').where('t.id = :id', { id }).andWhere(scope.where, scope.params);
    if (forUpdate) query.setLock('pessimistic_write');
    const ticket = await query.getOne();
    if (!ticket) throw new NotFoundException(`ticket ${id} not found`);
    return ticket;
  }

  /**
   * One person's change, all or nothing: in a transaction audited as them, with the ticket row locked.
   * A change that carries a version other than the ticket's is refused (409) before anything is written,
   * so the later of two concurrent edits never overwrites the earlier one unseen.
   */
  async run<R>(principal: Principal, id: string, expectedVersion: number | undefined, work: (context: ChangeContext) => Promise<ChangeOutcome<R>>): Promise<{ ticket: TicketEntity; result: R }> {
    const { before, after, events, clocks, result, published } = await transactionAs(this.dataSource, auditActor(principal), async (manager) => {
      const ticket = await this.findVisible(manager, principal, id, true);
      if (expectedVersion !== undefined && expectedVersion !== ticket.version) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `ticket ${id} has changed since version ${expectedVersion} (it is at version ${ticket.version}): reload it and try again`,
          currentVersion: ticket.version,
        });
      }
      const { patch = {}, events = [], firstResponse = false, facts: ownFacts = {}, outbox = [], result } = await work({ ticket, manager, nextVersion: ticket.version + 1 });
      const { clocks, facts } = await this.effects.moveClocks(manager, ticket, patch, firstResponse, this.clock.now());
      // One UPDATE (one audit entry) for the change and the facts it settles.
      const columns = { ...ownFacts, ...facts, ...patch } as QueryDeepPartialEntity<TicketEntity>;
      if (Object.keys(patch).length > 0) columns.version = () => 'version + 1';
      if (Object.keys(columns).length > 0) await manager.update(TicketEntity, { id }, columns);
      const published = affectsSolvedIndex(ticket, patch) ? await this.outbox.enqueue(manager, OutboxKind.SolvedTicketChanged, { v: 1, ticketId: id, version: ticket.version + 1 }) : [];
      for (const event of events) await this.store.appendEvent({ ...event, ticketId: id }, manager);
      const after = await manager.findOneByOrFail(TicketEntity, { id });
      // A ticket closed by a merge is announced by the merge's own notice: the customer gets one mail, not two.
      const { status } = patch;
      if (status && status !== ticket.status && !patch.mergedIntoId && this.mail.announces(status)) published.push(...(await this.mail.queue(manager, after, { kind: 'status', status })));
      published.push(...outbox);
      return { before: ticket, after, events: events.map((event) => event.type), clocks, result, published };
    });
    const { routed, refilled } = await this.effects.afterCommit({
      outbox: published,
      clocks,
      freed: this.effects.freedBy(before, after),
      route: this.effects.needsRouting(before, after),
      announce: [{ ticketId: id, events }],
      failures: 'log',
    });
    // Routing may have assigned the ticket after the change: answer with what it is now.
    const reassigned = routed.some((outcome) => outcome.assignment) || refilled.some((assignment) => assignment.ticketId === id);
    const ticket = reassigned ? await this.dataSource.manager.findOneByOrFail(TicketEntity, { id }) : after;
    return { ticket, result };
  }
}

/** The stage a person's change is recorded under on the timeline. */
export const stageOf = (principal: Principal) => (principal.role === 'customer' ? Stage.Customer : Stage.Agent);
