import type { DataSource } from 'typeorm';
import type { MessageKind, TicketEntity } from '@smartdesk/database';

export interface ThreadMessage {
  id: string;
  kind: MessageKind;
  body: string;
}

/** The messages of one ticket, oldest first (its description is not one of them): the only text that goes into that ticket's prompts. */
export function ticketMessages(dataSource: DataSource, ticketId: string): Promise<ThreadMessage[]> {
  return dataSource.query(`SELECT id, kind, body FROM ticket_messages WHERE ticket_id = $1 ORDER BY created_at, id`, [ticketId]);
}

/** What the customer wrote when opening the ticket, as the first text of its thread. */
export const openingText = (ticket: Pick<TicketEntity, 'subject' | 'description'>) => `${ticket.subject}\n\n${ticket.description}`;
