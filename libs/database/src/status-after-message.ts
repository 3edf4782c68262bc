import type { MessageKind } from './entities';
import type { TicketStatus } from './ticket-lifecycle';

/**
 * The status a message moves its ticket to, if any: a customer writing back reopens a ticket that was
 * waiting on them or resolved; an agent's first public reply opens a new or triaged ticket. Notes move nothing.
 */
export function statusAfterMessage(kind: MessageKind, status: TicketStatus): TicketStatus | null {
  if (kind === 'customer' && (status === 'pending' || status === 'resolved')) return 'open';
  if (kind === 'reply' && (status === 'new' || status === 'triaged')) return 'open';
  return null;
}
