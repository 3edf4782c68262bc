import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { TicketEntity } from '@smartdesk/database';
import type { Principal } from '../auth/principal';
import { ticketScope } from '../tickets/ticket-scope';
import { duplicateConfidence, DUPLICATE_WINDOW_MS } from './duplicate-suggestions';

/** Likely duplicates shown per ticket. */
const MAX_SUGGESTIONS = 5;

export interface TicketRef {
  id: string;
  number: number;
  subject: string;
  status: string;
}

export const refOf = ({ id, number, subject, status }: TicketEntity): TicketRef => ({ id, number, subject, status });

type Visible = () => SelectQueryBuilder<TicketEntity>;

/**
 * What the ticket view shows of a ticket's relations: merged into, merged from, linked tickets and likely
 * duplicates, each only if the caller may see it.
 */
export async function ticketRelations(manager: EntityManager, principal: Principal, ticket: TicketEntity) {
  const visible: Visible = () => {
    const scope = ticketScope(principal);
    return manager.getRepository(TicketEntity).createQueryBuilder('t').where(scope.where, scope.params);
  };
  const mergedInto = ticket.mergedIntoId ? await visible().andWhere('t.id = :id', { id: ticket.mergedIntoId }).getOne() : null;
  const mergedFrom = await visible().andWhere('t.merged_into_id = :id', { id: ticket.id }).orderBy('t.number').getMany();
  const links = await visible()
    .andWhere(`t.id IN (SELECT related_ticket_id FROM ticket_links WHERE ticket_id = :id UNION SELECT ticket_id FROM ticket_links WHERE related_ticket_id = :id)`, { id: ticket.id })
    .orderBy('t.number')
    .getMany();
  return { mergedInto: mergedInto ? refOf(mergedInto) : null, mergedFrom: mergedFrom.map(refOf), links: links.map(refOf), duplicateSuggestions: await duplicates(visible, ticket) };
}

/** Open tickets of the same customer from around the same time whose text overlaps: candidates to merge. */
async function duplicates(visible: Visible, ticket: TicketEntity) {
  if (ticket.mergedIntoId || ticket.status === 'closed') return [];
  const seconds = DUPLICATE_WINDOW_MS / 1000;
  const candidates = await visible()
    .andWhere('lower(t.customer_email) = lower(:email) AND t.id <> :id AND t.merged_into_id IS NULL AND t.status <> :closed', { email: ticket.customerEmail, id: ticket.id, closed: 'closed' })
    .andWhere(`abs(extract(epoch FROM t.created_at - :createdAt::timestamptz)) <= :seconds`, { createdAt: ticket.createdAt, seconds })
    .orderBy('t.created_at', 'DESC')
    .limit(50)
    .getMany();
  return candidates
    .map((candidate) => ({ ticket: refOf(candidate), confidence: duplicateConfidence(ticket, candidate) }))
    .filter((suggestion): suggestion is { ticket: TicketRef; confidence: number } => suggestion.confidence !== null)
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, MAX_SUGGESTIONS)
    .map((suggestion) => ({ ...suggestion, source: 'rules' as const, reason: 'same customer, similar words, close in time' }));
}
