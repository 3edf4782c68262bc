import type { TicketEntity } from '@smartdesk/database';
import { generalizeSolution, KnownPeople, plainText } from '@smartdesk/privacy';

/** Chroma purpose of the solved-tickets collection (one per embedding provider, as for kb). */
export const SOLVED_TICKETS_PURPOSE = 'tickets';

/**
 * Version of the generalization applied to indexed documents, kept in each entry's metadata: entries written by an
 * older version (or before any, with the customer's data in them) are rewritten when the worker reconciles.
 */
export const GENERALIZATION_VERSION = 1;

/** Longest text embedded per ticket: enough for subject, problem and resolution. */
const MAX_DOCUMENT_CHARS = 4000;

/**
 * A solved ticket as another customer may see it: subject and resolution generalized (no names, emails, phones,
 * order numbers, card or credential data of the customer who asked) and plain text.
 */
export type SolvedTicket = Pick<TicketEntity, 'id' | 'number' | 'subject' | 'resolution' | 'category' | 'language'> & { resolution: string };

type TicketText = Pick<TicketEntity, 'subject' | 'description' | 'resolution' | 'customerName' | 'customerEmail'>;

const knownPeople = (ticket: Pick<TicketEntity, 'customerName' | 'customerEmail'>): KnownPeople => ({ names: [ticket.customerName], emails: [ticket.customerEmail] });
const generalized = (text: string, known: KnownPeople) => plainText(generalizeSolution(text, known));

/** The only form in which a solved ticket leaves its own customer: what the retriever hands to replies and prompts. */
export function generalizedSolvedTicket(ticket: Pick<TicketEntity, 'id' | 'number' | 'category' | 'language'> & TicketText): SolvedTicket {
  const known = knownPeople(ticket);
  return {
    id: ticket.id,
    number: ticket.number,
    category: ticket.category,
    language: ticket.language,
    subject: generalized(ticket.subject, known),
    resolution: generalized(ticket.resolution ?? '', known),
  };
}

/** What a solved ticket is found by: the problem as the customer put it, and how it was solved, generalized before it is embedded. */
export function solvedTicketDocument(ticket: TicketText): string {
  const known = knownPeople(ticket);
  return [ticket.subject, ticket.description, `Resolution: ${ticket.resolution ?? ''}`]
    .map((text) => generalized(text, known))
    .join('\n')
    .slice(0, MAX_DOCUMENT_CHARS);
}
