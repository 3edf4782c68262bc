/**
 * A ticket change announced to agents' live views (server-sent events). It carries ids and the fields the
 * gateway filters on, never ticket text: a client that wants the details reads the ticket.
 */
export interface TicketLiveEvent {
  v: 1;
  /** What happened, as on the timeline: received, triaged, escalated, assigned, status-changed, sla-at-risk ... */
  type: string;
  ticketId: string;
  number: number;
  status: string;
  version: number;
  teamId: string | null;
  /** The department of the ticket's team: what a manager oversees. */
  department: string | null;
  assigneeId: string | null;
  customerId: string | null;
  escalationLevel: number | null;
  /** Staff-only changes (triage, routing, SLA, notes) are never sent to the customer. */
  internal: boolean;
  at: string;
}

/** The Redis pub/sub channel of a deployment's live events (namespaced like its queues). */
export function liveEventsChannel(queuePrefix: string): string {
  return `${queuePrefix}:live:tickets`;
}
