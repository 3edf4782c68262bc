import type { TicketLiveEvent } from '@smartdesk/contracts';
import type { Principal } from '../auth/principal';

/** What a customer is told of a change to their ticket: what happened and its status, nothing of routing or triage. */
export type CustomerLiveEvent = Pick<TicketLiveEvent, 'v' | 'type' | 'ticketId' | 'number' | 'status' | 'at'>;

/**
 * Whether a principal may hear of a change: the same rule as the tickets they may read (ticketScope),
 * applied to the event's routing fields; customers only hear of public changes to their own tickets.
 */
export function canSee(principal: Principal, event: TicketLiveEvent): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'customer':
      return event.customerId === principal.userId && !event.internal;
    case 'agent':
      return (event.teamId !== null && event.teamId === principal.teamId) || event.assigneeId === principal.userId;
    case 'manager':
      return (event.department !== null && event.department === principal.department) || event.assigneeId === principal.userId;
  }
}

export function viewFor(principal: Principal, event: TicketLiveEvent): TicketLiveEvent | CustomerLiveEvent {
  if (principal.role !== 'customer') return event;
  const { v, type, ticketId, number, status, at } = event;
  return { v, type, ticketId, number, status, at };
}
