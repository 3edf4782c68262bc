import type { SendMailData, SolvedTicketJobData, TicketJobData } from './job-catalog';

/** What the gateway writes to the outbox, in the same transaction as the change it announces. */
export const OutboxKind = {
  TicketCreated: 'ticket.created',
  ResponseRequested: 'ticket.response-requested',
  /** A ticket was resolved or left the resolved state: the solved-tickets index follows. */
  SolvedTicketChanged: 'ticket.solved-changed',
  /** A mail to the customer was stored (a public reply, a status notice): the mail worker sends it. */
  MailQueued: 'mail.queued',
} as const;
export type OutboxKind = (typeof OutboxKind)[keyof typeof OutboxKind];

/** What each kind of outbox message carries. */
export interface OutboxPayloads {
  [OutboxKind.TicketCreated]: TicketJobData;
  [OutboxKind.ResponseRequested]: TicketJobData;
  [OutboxKind.SolvedTicketChanged]: SolvedTicketJobData;
  [OutboxKind.MailQueued]: SendMailData;
}
export type OutboxPayload = OutboxPayloads[OutboxKind];
