import type { TicketJobData } from './job-catalog';

/** What the gateway writes to the outbox, in the same transaction as the change it announces. */
export const OutboxKind = {
  TicketCreated: 'ticket.created',
  ResponseRequested: 'ticket.response-requested',
} as const;
export type OutboxKind = (typeof OutboxKind)[keyof typeof OutboxKind];

export type OutboxPayload = TicketJobData;
