import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Attachments } from '@smartdesk/channels';
import { Stage } from '@smartdesk/contracts';
import { AttachmentEntity, TicketMessageEntity, TicketStageStore, transactionAs } from '@smartdesk/database';
import { auditActor, Principal } from '../auth/principal';
import { stageOf, TicketChanges } from '../tickets/ticket-changes.service';
import { asAttachments, attachmentHttpError, UploadedFile } from './uploaded-files';

/** What the API shows of an attachment. */
export function attachmentView(attachment: AttachmentEntity) {
  const { id, ticketId, ticketMessageId, filename, contentType, size, sha256, createdAt } = attachment;
  return { id, ticketId, messageId: ticketMessageId, filename, contentType, size, sha256, createdAt, links: { download: `/api/attachments/${id}` } };
}

/**
 * A ticket's attachments within the ticket's visibility: whoever may see the ticket may see and add its files,
 * except that customers never see files of internal notes (and may attach only to their own messages).
 */
@Injectable()
export class TicketAttachments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TicketChanges,
    private readonly attachments: Attachments,
    private readonly store: TicketStageStore,
  ) {}

  async upload(principal: Principal, ticketId: string, files: UploadedFile[], messageId: string | undefined) {
    if (files.length === 0) throw new UnprocessableEntityException('send one or more files in the multipart field "files"');
    const saved = await transactionAs(this.dataSource, auditActor(principal), async (manager) => {
      await this.changes.findVisible(manager, principal, ticketId);
      if (messageId !== undefined) await this.messageOrFail(manager, principal, ticketId, messageId);
      try {
        const rows = await this.attachments.save(manager, asAttachments(files, ticketId, messageId ?? null, principal.userId));
        await this.store.appendEvents(
          rows.map((row) => ({
            ticketId,
            stage: stageOf(principal) as Stage,
            type: 'attachment-added',
            summary: `${row.filename} (${row.size} bytes) attached by ${principal.email}`,
            data: { attachmentId: row.id },
            dedupeKey: `${row.id}.added`,
          })),
          manager,
        );
        return rows;
      } catch (error) {
        throw attachmentHttpError(error);
      }
    });
    return saved.map(attachmentView);
  }

  async list(principal: Principal, ticketId: string) {
    await this.changes.findVisible(this.dataSource.manager, principal, ticketId);
    const rows = await this.visible(principal).andWhere('a.ticket_id = :ticketId', { ticketId }).orderBy('a.created_at').getMany();
    return rows.map(attachmentView);
  }

  /** The attachment and its bytes; 404 alike for one that does not exist and one on a ticket the caller may not see. */
  async download(principal: Principal, id: string): Promise<{ attachment: AttachmentEntity; bytes: Buffer }> {
    const attachment = await this.visible(principal).andWhere('a.id = :id', { id }).getOne();
    if (!attachment) throw new NotFoundException(`attachment ${id} not found`);
    await this.changes.findVisible(this.dataSource.manager, principal, attachment.ticketId).catch(() => {
      throw new NotFoundException(`attachment ${id} not found`);
    });
    return { attachment, bytes: await this.attachments.read(attachment) };
  }

  private visible(principal: Principal) {
    const query = this.dataSource.getRepository(AttachmentEntity).createQueryBuilder('a');
    if (principal.role !== 'customer') return query.where('true');
    return query.leftJoin(TicketMessageEntity, 'm', 'm.id = a.ticket_message_id').where(`(m.id IS NULL OR m.kind <> 'note')`);
  }

  private async messageOrFail(manager: EntityManager, principal: Principal, ticketId: string, messageId: string): Promise<void> {
    const message = await manager.findOneBy(TicketMessageEntity, { id: messageId, ticketId });
    const allowed = message && (principal.role !== 'customer' || message.kind === 'customer');
    if (!allowed) throw new UnprocessableEntityException(`messageId ${messageId} is not a message of ticket ${ticketId} you may attach files to`);
  }
}
