import type { TicketEntity } from '@smartdesk/database';

/** Chroma purpose of the solved-tickets collection (one per embedding provider, as for kb). */
export const SOLVED_TICKETS_PURPOSE = 'tickets';

/** Longest text embedded per ticket: enough for subject, problem and resolution. */
const MAX_DOCUMENT_CHARS = 4000;

export type SolvedTicket = Pick<TicketEntity, 'id' | 'number' | 'subject' | 'resolution' | 'category' | 'language'> & { resolution: string };

/** What a solved ticket is found by: the problem as the customer put it, and how it was solved. */
export function solvedTicketDocument(ticket: Pick<TicketEntity, 'subject' | 'description' | 'resolution'>): string {
  return `${ticket.subject}\n${ticket.description}\nResolution: ${ticket.resolution ?? ''}`.slice(0, MAX_DOCUMENT_CHARS);
}
