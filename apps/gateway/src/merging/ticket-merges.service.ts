import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AttachmentEntity, MailMessageEntity, TicketEntity, TicketEventEntity, TicketMessageEntity, TicketStageStore, TicketStatus } from '@smartdesk/database';
import { OutboundMail } from '@smartdesk/channels';
import { LiveEvents } from '@smartdesk/operations';
import type { Principal } from '../auth/principal';
import { stageOf, TicketChanges } from '../tickets/ticket-changes.service';

/** What a merge moved, kept on the merged ticket's 'merged' event so that an admin can undo it exactly. */
interface MergeRecord {
  targetId: string;
  targetNumber: number;
  statusBefore: TicketStatus;
  /** The merged ticket's own text, carried to the target as a customer message (removed again on undo). */
  descriptionMessageId: string;
  messageIds: string[];
  attachmentIds: string[];
  eventIds: string[];
  mailIds: string[];
}

const sameCustomer = (a: TicketEntity, b: TicketEntity) =>
  a.customerId !== null || b.customerId !== null ? a.customerId === b.customerId : a.customerEmail.toLowerCase() === b.customerEmail.toLowerCase();

const idsOf = async (manager: EntityManager, table: string, ticketId: string): Promise<string[]> =>
  (await manager.query(`SELECT id::text FROM ${table} WHERE ticket_id = $1`, [ticketId])).map((row: { id: string }) => row.id);

/**
 * Merging a duplicate into the ticket that stays: the duplicate's messages, attachments, timeline and mail thread
 * move under the target (so a customer's next mail on either thread lands on the target), its own text becomes a
 * customer message there, and the duplicate is closed with a pointer. Closing by merge skips the usual lifecycle
 * (a new ticket may be merged at once). The customer is told by one mail, through the outbox, that their request
 * continues on the target. Undo moves back exactly what was moved.
 */
@Injectable()
export class TicketMerges {
  constructor(
    private readonly changes: TicketChanges,
    private readonly store: TicketStageStore,
    private readonly live: LiveEvents,
    private readonly mail: OutboundMail,
  ) {}

  async merge(principal: Principal, sourceId: string, targetId: string, version: number) {
    if (sourceId === targetId) throw new UnprocessableEntityException('a ticket cannot be merged into itself');
    const { ticket, result } = await this.changes.run(principal, sourceId, version, async ({ ticket: source, manager, nextVersion }) => {
      if (source.mergedIntoId) throw new ConflictException(`ticket ${sourceId} is already merged into ${source.mergedIntoId}`);
      if (source.status === 'closed') throw new ConflictException(`ticket ${sourceId} is closed`);
      const target = await this.changes.findVisible(manager, principal, targetId, true).catch(() => {
        throw new UnprocessableEntityException(`targetId ${targetId} is no ticket you may see`);
      });
      if (target.status === 'closed' || target.mergedIntoId) throw new UnprocessableEntityException(`ticket #${target.number} is closed or merged: merge into an open ticket`);
      // Never across customers: one would lose their messages, the other would see them.
      if (!sameCustomer(source, target)) throw new UnprocessableEntityException(`ticket #${target.number} is another customer's: only one customer's duplicates are merged`);
      const record: MergeRecord = {
        targetId,
        targetNumber: target.number,
        statusBefore: source.status,
        descriptionMessageId: '',
        messageIds: await idsOf(manager, 'ticket_messages', sourceId),
        attachmentIds: await idsOf(manager, 'attachments', sourceId),
        eventIds: await idsOf(manager, 'ticket_events', sourceId),
        mailIds: await idsOf(manager, 'mail_messages', sourceId),
      };
      // Queued before the move, so it answers the merged ticket's own thread; filed on the target, where replies land.
      const notice = await this.mail.queue(manager, source, { kind: 'merged', into: target });
      const { identifiers } = await manager.insert(TicketMessageEntity, {
        ticketId: targetId,
        authorId: source.customerId,
        kind: 'customer',
        body: `[Merged from #${source.number}: ${source.subject}]\n\n${source.description}`,
      });
      record.descriptionMessageId = identifiers[0].id;
      await this.move(manager, record, targetId);
      await manager.update(TicketEntity, { id: targetId }, { version: () => 'version + 1' });
      const stage = stageOf(principal);
      await this.store.appendEvent(
        {
          ticketId: targetId,
          stage,
          type: 'merge-received',
          summary: `Ticket #${source.number} merged into this one by ${principal.email}`,
          data: { sourceId },
          dedupeKey: `${sourceId}.v${nextVersion}.merge-received`,
        },
        manager,
      );
      return {
        patch: { status: 'closed' as const, closedAt: new Date(), mergedIntoId: targetId },
        events: [
          {
            stage,
            type: 'merged',
            summary: `Merged into #${target.number} by ${principal.email}`,
            data: record as unknown as Record<string, unknown>,
            dedupeKey: `${sourceId}.v${nextVersion}.merged`,
          },
        ],
        outbox: notice,
        result: { targetId, targetNumber: target.number },
      };
    });
    // The source's change is announced by TicketChanges; live views of the target learn of its new messages here.
    await this.live.ticketChanged(targetId, 'merge-received', true);
    return { ticket: { id: ticket.id, status: ticket.status, version: ticket.version, mergedIntoId: ticket.mergedIntoId }, mergedInto: result };
  }

  /** Admins only (checked by the controller): puts back what the last merge moved and reopens the ticket as it was. */
  async unmerge(principal: Principal, sourceId: string, version: number) {
    const { ticket, result: targetId } = await this.changes.run(principal, sourceId, version, async ({ ticket: source, manager, nextVersion }) => {
      if (!source.mergedIntoId) throw new ConflictException(`ticket ${sourceId} is not merged`);
      const merged = await manager.findOne(TicketEventEntity, { where: { ticketId: sourceId, type: 'merged' }, order: { id: 'DESC' } });
      if (!merged) throw new ConflictException(`ticket ${sourceId} has no record of its merge to undo`);
      const record = merged.data as unknown as MergeRecord;
      await this.move(manager, record, sourceId, record.targetId);
      await manager.delete(TicketMessageEntity, { id: record.descriptionMessageId, ticketId: record.targetId });
      await manager.update(TicketEntity, { id: record.targetId }, { version: () => 'version + 1' });
      const stage = stageOf(principal);
      await this.store.appendEvent(
        {
          ticketId: record.targetId,
          stage,
          type: 'merge-undone',
          summary: `Merge of #${source.number} undone by ${principal.email}`,
          data: { sourceId },
          dedupeKey: `${sourceId}.v${nextVersion}.merge-undone`,
        },
        manager,
      );
      return {
        patch: { status: record.statusBefore, closedAt: null, mergedIntoId: null },
        events: [
          {
            stage,
            type: 'unmerged',
            summary: `Merge into #${record.targetNumber} undone by ${principal.email}`,
            data: { targetId: record.targetId },
            dedupeKey: `${sourceId}.v${nextVersion}.unmerged`,
          },
        ],
        result: record.targetId,
      };
    });
    await this.live.ticketChanged(targetId, 'merge-undone', true);
    return { ticket: { id: ticket.id, status: ticket.status, version: ticket.version, mergedIntoId: ticket.mergedIntoId } };
  }

  /** Moves the recorded rows to `to` (only those still on `from`, when given: undo leaves later rows where they are). */
  private async move(manager: EntityManager, record: MergeRecord, to: string, from?: string): Promise<void> {
    const where = (ids: string[]) => ({ id: In(ids), ...(from ? { ticketId: from } : {}) });
    if (record.messageIds.length) await manager.update(TicketMessageEntity, where(record.messageIds), { ticketId: to });
    if (record.attachmentIds.length) await manager.update(AttachmentEntity, where(record.attachmentIds), { ticketId: to });
    if (record.eventIds.length) await manager.update(TicketEventEntity, where(record.eventIds), { ticketId: to });
    if (record.mailIds.length) await manager.update(MailMessageEntity, where(record.mailIds), { ticketId: to });
  }
}
