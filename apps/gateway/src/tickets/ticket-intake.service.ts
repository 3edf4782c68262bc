import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxKind } from '@smartdesk/contracts';
import { groupBy, MicroBatcher } from '@smartdesk/batching';
import { AuditActor, TicketEntity, UserEntity } from '@smartdesk/database';
import { Clock, SlaService, TicketEffects } from '@smartdesk/operations';
import { auditActor, Principal } from '../auth/principal';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { insertSubmittedTickets } from './submitted-tickets.statement';

interface Submission {
  ticket: TicketEntity;
  actor: AuditActor;
}

/**
 * Ticket intake with group commit: the tickets submitted while a write is in flight are stored together,
 * each with its first timeline event, outbox message and SLA clocks, in one statement. A submitter gets
 * an answer only once its ticket is committed, so nothing acknowledged is lost.
 */
@Injectable()
export class TicketIntake {
  private readonly commit = new MicroBatcher<Submission, TicketEntity>((batch) => this.store(batch), { maxBatch: 250, maxInFlight: 2 });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sla: SlaService,
    private readonly effects: TicketEffects,
    private readonly clock: Clock,
  ) {}

  async submit(dto: CreateTicketDto, principal: Principal | undefined): Promise<TicketEntity> {
    const customer = await this.customerOf(dto, principal);
    const ticket = this.dataSource.manager.create(TicketEntity, { ...dto, ...customer, id: randomUUID(), channel: dto.channel ?? 'web', metadata: dto.metadata ?? {} });
    return this.commit.submit({ ticket, actor: auditActor(principal) });
  }

  /**
   * A signed-in customer's ticket is theirs, under the account's name and email. Staff and integrations
   * entering a ticket for someone link it to that customer's account when one has the email. An anonymous
   * web form is never linked: its email is unverified, and linking would put text into someone's account.
   */
  private async customerOf(dto: CreateTicketDto, principal: Principal | undefined): Promise<Partial<TicketEntity>> {
    if (principal?.role === 'customer') return { customerId: principal.userId, customerName: principal.name, customerEmail: principal.email };
    if (!principal) return { customerId: null };
    const account = await this.dataSource.getRepository(UserEntity).findOneBy({ email: dto.customerEmail.toLowerCase(), role: 'customer' });
    return { customerId: account?.id ?? null };
  }

  /** One statement per actor in the batch (the audit log names who submitted each ticket), then the after-commit work once. */
  private async store(batch: Submission[]): Promise<TicketEntity[]> {
    const openedAt = this.clock.now();
    const clocks = [];
    const messages = [];
    for (const [, group] of groupBy(batch, ({ actor }) => `${actor.id}\u0000${actor.label}`)) {
      const tickets = group.map((submission) => submission.ticket);
      const started = this.sla.start(tickets.map((ticket) => ({ ticketId: ticket.id, priority: null, openedAt })));
      const outbox = tickets.map((ticket) => ({ kind: OutboxKind.TicketCreated, payload: { v: 1 as const, ticketId: ticket.id, revision: 1 } }));
      messages.push(...(await insertSubmittedTickets(this.dataSource, { actor: group[0].actor, tickets, outbox, clocks: started })));
      clocks.push(...started);
    }
    const tickets = batch.map((submission) => submission.ticket);
    await this.effects.afterCommit({ outbox: messages, clocks, received: tickets, failures: 'log' });
    return tickets;
  }
}
