import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MicroBatcher } from '@smartdesk/batching';
import { Attachments, Submission, TicketSubmissions } from '@smartdesk/channels';
import { AttachmentEntity, TicketEntity, transactionAs, UserEntity } from '@smartdesk/database';
import { currentTraceCarrier } from '@smartdesk/observability';
import { asAttachments, attachmentHttpError, UploadedFile } from '../attachments/uploaded-files';
import { auditActor, Principal } from '../auth/principal';
import { CreateTicketDto } from './dto/create-ticket.dto';

/**
 * Ticket intake with group commit: the tickets submitted while a write is in flight are stored together,
 * each with its first timeline event, outbox message and SLA clocks, in one statement. A submitter gets
 * an answer only once its ticket is committed, so nothing acknowledged is lost.
 */
@Injectable()
export class TicketIntake {
  private readonly commit = new MicroBatcher<Submission, TicketEntity>((batch) => this.submissions.store(this.dataSource.manager, batch), { maxBatch: 250, maxInFlight: 2 });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly submissions: TicketSubmissions,
    private readonly attachments: Attachments,
  ) {}

  /** Files (a portal form's) are checked and their bytes stored before the ticket; their rows follow its commit. */
  async submit(dto: CreateTicketDto, principal: Principal | undefined, files: UploadedFile[] = []): Promise<{ ticket: TicketEntity; attachments: AttachmentEntity[] }> {
    const { ticket, actor } = await this.submission(dto, principal, this.dataSource.manager);
    const stored = await this.attachments.store(asAttachments(files, ticket.id, null, principal?.userId ?? null)).catch((error) => {
      throw attachmentHttpError(error);
    });
    // The batch is written under another submitter's context: the ticket keeps its own request's trace.
    await this.commit.submit({ ticket, actor, trace: currentTraceCarrier() });
    const attachments = stored.length ? await transactionAs(this.dataSource, actor, (manager) => this.attachments.record(manager, stored)) : [];
    return { ticket, attachments };
  }

  /**
   * A ticket (without files) written in the caller's transaction, on its connection: the caller commits it with its
   * own writes and holds no second pooled connection while the ticket is stored. `announce` once committed.
   */
  async submitWithin(manager: EntityManager, dto: CreateTicketDto, principal: Principal | undefined): Promise<{ ticket: TicketEntity; announce: () => Promise<void> }> {
    const submission = await this.submission(dto, principal, manager);
    const stored = await this.submissions.insert(manager, [submission]);
    return { ticket: submission.ticket, announce: () => this.submissions.afterCommit(stored) };
  }

  private async submission(dto: CreateTicketDto, principal: Principal | undefined, manager: EntityManager): Promise<Submission> {
    const { tier, ...customer } = await this.customerOf(dto, principal, manager);
    // The tier raises priority, so it comes from the customer's account, never from what the submitter wrote.
    const { tier: _untrusted, ...metadata } = dto.metadata ?? {};
    const ticket = manager.create(TicketEntity, {
      ...dto,
      ...customer,
      id: randomUUID(),
      channel: dto.channel ?? 'web',
      metadata: tier === undefined ? metadata : { ...metadata, tier },
    });
    return { ticket, actor: auditActor(principal) };
  }

  /**
   * A signed-in customer's ticket is theirs, under the account's name and email. Staff and integrations
   * entering a ticket for someone link it to that customer's account when one has the email. An anonymous
   * web form is never linked: its email is unverified, and linking would put text into someone's account.
   */
  private async customerOf(dto: CreateTicketDto, principal: Principal | undefined, manager: EntityManager): Promise<Partial<TicketEntity> & { tier?: string }> {
    if (!principal) return { customerId: null };
    const users = manager.getRepository(UserEntity);
    if (principal.role === 'customer') {
      const { tier } = await users.findOneOrFail({ select: { tier: true }, where: { id: principal.userId } });
      return { customerId: principal.userId, customerName: principal.name, customerEmail: principal.email, tier };
    }
    const account = await users.findOneBy({ email: dto.customerEmail.toLowerCase(), role: 'customer' });
    return { customerId: account?.id ?? null, tier: account?.tier };
  }
}
