import type { TicketEntity, TicketResponseEntity } from '@smartdesk/database';
import { maskSensitive } from '@smartdesk/privacy';

/** What a customer sees of a ticket: none of the triage (sentiment, priority, escalation), routing or drafts. */
const CUSTOMER_FIELDS = ['id', 'number', 'subject', 'description', 'channel', 'status', 'resolution', 'resolvedAt', 'closedAt', 'mergedIntoId', 'createdAt', 'updatedAt'] as const;
export type CustomerTicketView = Pick<TicketEntity, (typeof CUSTOMER_FIELDS)[number]>;

/** The ticket's free text: stored as written, shown with card numbers, CVVs, passwords and keys masked. */
export const FREE_TEXT_FIELDS = ['subject', 'description', 'resolution'] as const;
type FreeText = Partial<Pick<TicketEntity, (typeof FREE_TEXT_FIELDS)[number]>>;

/** A ticket (or a view of one) as every API response shows it; the unmasked text is only for an audited reveal. */
export function maskedTicket<T extends FreeText>(ticket: T): T {
  const masked: T = { ...ticket };
  for (const field of FREE_TEXT_FIELDS) if (typeof ticket[field] === 'string') masked[field] = maskSensitive(ticket[field]);
  return masked;
}

/** A suggested reply as shown: replies written before masking existed may still quote a secret. */
export function maskedResponse<T extends Pick<TicketResponseEntity, 'body'> | null>(response: T): T {
  return response && { ...response, body: maskSensitive(response.body) };
}

export function customerTicketView(ticket: TicketEntity): CustomerTicketView {
  return maskedTicket(Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, ticket[field]])) as CustomerTicketView);
}

/** List filters over staff-only columns: a customer filtering by them would learn those values. */
export const STAFF_ONLY_FILTERS = ['category', 'priority', 'sentiment', 'escalated', 'language', 'teamId', 'assigneeId', 'slaAtRisk'] as const;
