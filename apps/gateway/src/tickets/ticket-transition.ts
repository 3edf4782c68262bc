import { ConflictException } from '@nestjs/common';
import { allowedTransitions, canTransition, TicketEntity, TicketStatus } from '@smartdesk/database';
import type { Principal } from '../auth/principal';

export interface TransitionOutcome {
  patch: Partial<TicketEntity>;
  event: { type: string; summary: string; data: Record<string, unknown> };
}

/** 409 naming the ticket's status and where it may go from there. */
export function invalidTransition(from: TicketStatus, to: TicketStatus): ConflictException {
  const allowed = allowedTransitions(from);
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message: `the ticket is ${from} and cannot become ${to}; allowed: ${allowed.length ? allowed.join(', ') : 'none (closed is final)'}`,
    status: from,
    allowed,
  });
}

/**
 * The columns and the timeline event of one status change. Resolving records who and when; reopening a
 * resolved ticket clears that (the audit log keeps it); closing records when.
 */
export function transition(ticket: TicketEntity, to: TicketStatus, by: Principal, resolution?: string): TransitionOutcome {
  const from = ticket.status;
  if (!canTransition(from, to)) throw invalidTransition(from, to);
  const data = { from, to };
  switch (to) {
    case 'resolved':
      return {
        patch: { status: to, resolution: resolution ?? null, resolvedAt: new Date(), resolvedBy: by.email, resolvedById: by.userId },
        event: { type: 'resolved', summary: `Resolved by ${by.email}`, data: { ...data, resolution: resolution ?? null } },
      };
    case 'closed':
      return { patch: { status: to, closedAt: new Date() }, event: { type: 'closed', summary: `Closed by ${by.email}`, data } };
    default:
      if (from === 'resolved') {
        return {
          patch: { status: to, resolution: null, resolvedAt: null, resolvedBy: null, resolvedById: null },
          event: { type: 'reopened', summary: `Reopened by ${by.email}`, data },
        };
      }
      return { patch: { status: to }, event: { type: 'status-changed', summary: `Status ${from} → ${to} by ${by.email}`, data } };
  }
}
