import type { TicketEntity } from '@smartdesk/database';

/** What a customer sees of a ticket: none of the triage (sentiment, priority, escalation), routing or drafts. */
const CUSTOMER_FIELDS = ['id', 'number', 'subject', 'description', 'channel', 'status', 'resolution', 'resolvedAt', 'closedAt', 'mergedIntoId', 'createdAt', 'updatedAt'] as const;
export type CustomerTicketView = Pick<TicketEntity, (typeof CUSTOMER_FIELDS)[number]>;

export function customerTicketView(ticket: TicketEntity): CustomerTicketView {
  return Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, ticket[field]])) as CustomerTicketView;
}

/** List filters over staff-only columns: a customer filtering by them would learn those values. */
export const STAFF_ONLY_FILTERS = ['category', 'priority', 'sentiment', 'escalated', 'language', 'teamId', 'assigneeId'] as const;
