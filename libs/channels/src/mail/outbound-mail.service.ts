import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { OutboxKind, Stage } from '@smartdesk/contracts';
import { MailMessageEntity, TicketEntity, TicketStageStore } from '@smartdesk/database';
import type { OutboxMessage } from '@smartdesk/operations';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { AnnouncedStatus, MailContent, mergedMailText, replyMailText, statusMailText } from './mail-templates';
import { newMessageId, threadSubject } from './thread-reference';

/** How many earlier Message-IDs an outbound mail's References carries (the root and the latest ones). */
const MAX_REFERENCES = 20;

/** An agent's public reply; a status change the team announces; a ticket merged `into` another (where it continues). */
export type OutboundMailRequest = { kind: 'reply'; ticketMessageId: string; body: string } | { kind: 'status'; status: AnnouncedStatus } | { kind: 'merged'; into: TicketEntity };

/**
 * Mail to a ticket's customer, queued with the change that causes it: the rendered mail (in the customer's
 * language, threaded under the ticket's earlier mail) and its outbox row are written in the caller's
 * transaction, so a reply that commits is mailed and one that rolls back is not. The mail worker sends it.
 */
@Injectable()
export class OutboundMail {
  constructor(
    private readonly env: Environment,
    private readonly outbox: OutboxRelay,
    private readonly store: TicketStageStore,
  ) {}

  /** Customer mail is on when an SMTP server and the support address are configured. */
  get enabled(): boolean {
    return Boolean(this.env.MAIL_SMTP_URL && this.env.MAIL_FROM);
  }

  /** Whether a status change is one the team mails to customers (MAIL_NOTIFY_STATUSES). */
  announces(status: string): status is AnnouncedStatus {
    return this.enabled && this.env.MAIL_NOTIFY_STATUSES.includes(status);
  }

  /**
   * Stores the mail and its outbox row; returns the outbox messages for the caller to publish after commit. The mail
   * answers the ticket's own thread; a merge notice is filed on the ticket it was merged into and names that one, so
   * the customer's answer lands there.
   */
  async queue(manager: EntityManager, ticket: TicketEntity, request: OutboundMailRequest): Promise<OutboxMessage[]> {
    if (!this.enabled) return [];
    const from = this.env.MAIL_FROM!;
    const home = request.kind === 'merged' ? request.into : ticket;
    const thread = await manager.find(MailMessageEntity, { where: { ticketId: ticket.id }, order: { createdAt: 'ASC' }, select: { messageId: true, direction: true } });
    const lastInbound = thread.filter((mail) => mail.direction === 'inbound').pop();
    const ids = thread.map((mail) => mail.messageId);
    const references = ids.length > MAX_REFERENCES ? [ids[0], ...ids.slice(-(MAX_REFERENCES - 1))] : ids;
    const content: MailContent = { language: ticket.language, customerName: ticket.customerName, ticketNumber: home.number };
    const { identifiers } = await manager.insert(MailMessageEntity, {
      ticketId: home.id,
      ticketMessageId: request.kind === 'reply' ? request.ticketMessageId : null,
      direction: 'outbound',
      kind: request.kind,
      // Fixed before the first attempt: every retry sends the same Message-ID, and answers to it find this ticket.
      messageId: newMessageId(from),
      inReplyTo: lastInbound?.messageId ?? ids.at(-1) ?? null,
      references,
      sender: from,
      recipient: ticket.customerEmail,
      subject: threadSubject(ticket.subject, home.number),
      body: this.text(content, ticket, request),
      statusAnnounced: request.kind === 'status' ? request.status : null,
      status: 'queued',
    });
    const mailId: string = identifiers[0].id;
    const what = request.kind === 'reply' ? 'Reply' : request.kind === 'status' ? `Status notice (${request.status})` : `Merge notice (#${ticket.number} → #${home.number})`;
    await this.store.appendEvent(
      { ticketId: home.id, stage: Stage.Mail, type: 'email-queued', summary: `${what} queued for email to ${ticket.customerEmail}`, data: { mailId }, dedupeKey: `${mailId}.queued` },
      manager,
    );
    return this.outbox.enqueue(manager, OutboxKind.MailQueued, { v: 1, mailId });
  }

  private text(content: MailContent, ticket: TicketEntity, request: OutboundMailRequest): string {
    if (request.kind === 'reply') return replyMailText(content, request.body);
    if (request.kind === 'status') return statusMailText(content, request.status);
    return mergedMailText(content, ticket.number);
  }
}
