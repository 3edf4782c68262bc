import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TicketMessageEntity } from '@smartdesk/database';
import { hasSensitive } from '@smartdesk/privacy';
import { auditActor, Principal } from '../auth/principal';
import { TicketChanges } from './ticket-changes.service';
import { FREE_TEXT_FIELDS } from './ticket-views';

export interface RevealedTicket {
  ticketId: string;
  subject: string;
  description: string;
  resolution: string | null;
  /** Every message of the conversation, as written. */
  messages: { id: string; body: string }[];
  /** The fields (and messages, as `messages/<id>`) that held masked data: what the audit entry names. */
  revealed: string[];
}

/**
 * The ticket's text as written, for the roles that may see masked data (managers in their department, admins),
 * and only with an audit entry naming who revealed which fields of which ticket (never the values). The entry
 * commits with the read: no reveal goes unrecorded.
 */
@Injectable()
export class TicketReveal {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TicketChanges,
  ) {}

  reveal(id: string, principal: Principal): Promise<RevealedTicket> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await this.changes.findVisible(manager, principal, id);
      const messages = await manager.find(TicketMessageEntity, { select: { id: true, body: true }, where: { ticketId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
      const revealed = [...FREE_TEXT_FIELDS.filter((field) => hasSensitive(ticket[field])), ...messages.filter((message) => hasSensitive(message.body)).map((message) => `messages/${message.id}`)];
      const actor = auditActor(principal);
      await manager.query(`INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, before, after) VALUES ($1, $2, 'reveal', 'tickets', $3, NULL, $4)`, [
        actor.id,
        actor.label,
        id,
        { revealed },
      ]);
      return {
        ticketId: id,
        subject: ticket.subject,
        description: ticket.description,
        resolution: ticket.resolution,
        messages: messages.map(({ id: messageId, body }) => ({ id: messageId, body })),
        revealed,
      };
    });
  }
}
