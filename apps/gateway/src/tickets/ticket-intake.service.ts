import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxKind } from '@smartdesk/contracts';
import { groupBy, MicroBatcher } from '@smartdesk/batching';
import { AuditActor, TicketEntity, UserEntity } from '@smartdesk/database';
import { Clock, LiveEvents, SlaScheduler, SlaService } from '@smartdesk/operations';
import { auditActor, Principal } from '../auth/principal';
import { OutboxRelay } from '../outbox/outbox-relay.service';
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
    private readonly outbox: OutboxRelay,
    private readonly sla: SlaService,
    private readonly slaScheduler: SlaScheduler,
    private readonly live: LiveEvents,
    private readonly clock: Clock,
  ) {}

  async submit(dto: CreateTicketDto, principal: Principal | undefined): Promise<TicketEntity> {
    const { tier, ...customer } = await this.customerOf(dto, principal);
    // The tier raises priority, so it comes from the customer's account, never from what the submitter wrote.
    const { tier: _untrusted, ...metadata } = dto.metadata ?? {};
    const ticket = this.dataSource.manager.create(TicketEntity, {
      ...dto,
      ...customer,
      id: randomUUID(),
      channel: dto.channel ?? 'web',
      metadata: tier === undefined ? metadata : { ...metadata, tier },
    });
    return this.commit.submit({ ticket, actor: auditActor(principal) });
  }

  /**
   * A signed-in customer's ticket is theirs, under the account's name and email. Staff and integrations
   * entering a ticket for someone link it to that customer's account when one has the email. An anonymous
   * web form is never linked: its email is unverified, and linking would put text into someone's account.
   */
  private async customerOf(dto: CreateTicketDto, principal: Principal | undefined): Promise<Partial<TicketEntity> & { tier?: string }> {
    if (!principal) return { customerId: null };
    const users = this.dataSource.getRepository(UserEntity);
    if (principal.role === 'customer') {
      const { tier } = await users.findOneOrFail({ select: { tier: true }, where: { id: principal.userId } });
      return { customerId: principal.userId, customerName: principal.name, customerEmail: principal.email, tier };
    }
    const account = await users.findOneBy({ email: dto.customerEmail.toLowerCase(), role: 'customer' });
    return { customerId: account?.id ?? null, tier: account?.tier };
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
    await Promise.all([this.outbox.publish(messages), this.slaScheduler.scheduleAfterCommit(clocks), this.live.ticketsReceived(tickets)]);
    return tickets;
  }
}
