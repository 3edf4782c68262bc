/** A ticket's lifecycle. `escalated` is not a status: it is a flag with a level, set by the escalation worker. */
export const TICKET_STATUSES = ['new', 'triaged', 'open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * Where each status may go. Forward skips are allowed (an agent may answer or resolve a ticket before
 * triage finishes); going back is only reopening: pending → open and resolved → open, which a customer
 * reply does. Closed is final: a customer writes a new ticket instead.
 */
const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['triaged', 'open', 'pending', 'resolved'],
  triaged: ['open', 'pending', 'resolved'],
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: [],
};

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses from which `to` may be reached: what a guarded `UPDATE ... WHERE status = ANY(...)` accepts. */
export function statusesLeadingTo(to: TicketStatus): TicketStatus[] {
  return TICKET_STATUSES.filter((from) => canTransition(from, to));
}

/** Statuses in which a ticket's resolution stands (closing keeps it; reopening clears it). */
export const SOLVED_STATUSES: readonly TicketStatus[] = ['resolved', 'closed'];

/** A ticket whose resolution others may learn from: resolved or closed, with a resolution written. */
export function isSolved(ticket: { status: TicketStatus; resolution: string | null }): boolean {
  return SOLVED_STATUSES.includes(ticket.status) && Boolean(ticket.resolution?.trim());
}
