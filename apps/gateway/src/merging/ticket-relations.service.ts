import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TicketLinkEntity, TicketStageStore, transactionAs } from '@smartdesk/database';
import { auditActor, Principal } from '../auth/principal';
import { stageOf, TicketChanges } from '../tickets/ticket-changes.service';
import { refOf } from './ticket-relations.query';

/** A pair stored once: the smaller id first. */
const pair = (a: string, b: string) => (a < b ? { ticketId: a, relatedTicketId: b } : { ticketId: b, relatedTicketId: a });

/** Links between related tickets (both must be tickets the caller may see). */
@Injectable()
export class TicketRelations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TicketChanges,
    private readonly store: TicketStageStore,
  ) {}

  async link(principal: Principal, id: string, relatedId: string) {
    if (id === relatedId) throw new UnprocessableEntityException('a ticket cannot be linked to itself');
    return transactionAs(this.dataSource, auditActor(principal), async (manager) => {
      const ticket = await this.changes.findVisible(manager, principal, id);
      const related = await this.changes.findVisible(manager, principal, relatedId).catch(() => {
        throw new UnprocessableEntityException(`relatedId ${relatedId} is no ticket you may see`);
      });
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(TicketLinkEntity)
        .values({ ...pair(id, relatedId), createdBy: principal.userId })
        .orIgnore()
        .execute();
      const linkId: string | undefined = inserted.identifiers[0]?.id;
      if (linkId) {
        const stage = stageOf(principal);
        await this.store.appendEvents(
          [
            { ticketId: id, stage, type: 'linked', summary: `Linked to #${related.number} by ${principal.email}`, data: { relatedId }, dedupeKey: `${linkId}.linked.${id}` },
            { ticketId: relatedId, stage, type: 'linked', summary: `Linked to #${ticket.number} by ${principal.email}`, data: { relatedId: id }, dedupeKey: `${linkId}.linked.${relatedId}` },
          ],
          manager,
        );
      }
      return { ticketId: id, related: refOf(related) };
    });
  }

  async unlink(principal: Principal, id: string, relatedId: string): Promise<void> {
    await transactionAs(this.dataSource, auditActor(principal), async (manager) => {
      await this.changes.findVisible(manager, principal, id);
      const { affected } = await manager.delete(TicketLinkEntity, pair(id, relatedId));
      if (!affected) throw new NotFoundException(`ticket ${id} is not linked to ${relatedId}`);
    });
  }
}
