import { createHash } from 'node:crypto';
import type { Environment } from '@smartdesk/config';
import type { EscalationDecision } from '@smartdesk/contracts';
import type { NotificationChannel, TicketEntity } from '@smartdesk/database';
import { maskSensitive } from '@smartdesk/privacy';

export const ESCALATED_EVENT = 'ticket.escalated';

export interface NoticeDraft {
  ticketId: string;
  channel: NotificationChannel;
  target: string;
  event: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
}

export interface EmailPayload {
  subject: string;
  text: string;
}

const short = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * The notices of one escalation: a webhook per configured receiver and one email to the on-call list.
 * One per ticket, level and receiver: re-evaluating at the same level notifies no one twice; a higher
 * level notifies again. They carry the ticket's number, subject (card data, passwords and keys masked) and
 * routing, never the customer's address.
 */
export function escalationNotices(
  ticket: TicketEntity,
  decision: EscalationDecision,
  env: Pick<Environment, 'ESCALATION_WEBHOOK_URLS' | 'SMTP_URL' | 'ESCALATION_EMAIL_TO'>,
  occurredAt: Date,
): NoticeDraft[] {
  if (!decision.escalate) return [];
  const subject = maskSensitive(ticket.subject);
  const key = (channel: NotificationChannel, target: string) => `${ticket.id}.escalated.l${decision.level}.${channel}.${short(target)}`;
  const summary = {
    event: ESCALATED_EVENT,
    occurredAt: occurredAt.toISOString(),
    ticket: {
      id: ticket.id,
      number: ticket.number,
      subject,
      status: ticket.status,
      priority: ticket.priority,
      category: ticket.category,
      language: ticket.language,
      channel: ticket.channel,
      teamId: ticket.teamId,
      assigneeId: ticket.assigneeId,
    },
    escalation: { level: decision.level, reasons: decision.reasons, confidence: decision.confidence, source: decision.source },
  };
  const notices: NoticeDraft[] = (env.ESCALATION_WEBHOOK_URLS ?? []).map((url) => ({
    ticketId: ticket.id,
    channel: 'webhook',
    target: url,
    event: ESCALATED_EVENT,
    payload: summary,
    dedupeKey: key('webhook', url),
  }));
  if (env.SMTP_URL && env.ESCALATION_EMAIL_TO?.length) {
    const recipients = env.ESCALATION_EMAIL_TO.join(', ');
    const email: EmailPayload = {
      subject: `[Smartdesk] Ticket #${ticket.number} escalated to level ${decision.level}: ${subject}`,
      text: [
        `Ticket #${ticket.number} "${subject}" was escalated to level ${decision.level}.`,
        '',
        'Reasons:',
        ...decision.reasons.map((reason) => `- ${reason.rule}: ${reason.detail}`),
        '',
        `Status ${ticket.status}, priority ${ticket.priority ?? 'unset'}, category ${ticket.category ?? 'unset'}.`,
        `Ticket id: ${ticket.id}`,
      ].join('\n'),
    };
    notices.push({ ticketId: ticket.id, channel: 'email', target: recipients, event: ESCALATED_EVENT, payload: { ...email }, dedupeKey: key('email', recipients) });
  }
  return notices;
}
