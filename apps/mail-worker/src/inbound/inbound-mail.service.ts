import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ParsedMail, simpleParser } from 'mailparser';
import { DataSource, EntityManager } from 'typeorm';
import {
  AttachmentRejected,
  Attachments,
  automatedMailReason,
  bareMessageId,
  checkAttachment,
  messageIds,
  NewAttachment,
  stripQuotedReply,
  StoredSubmissions,
  ticketNumberInSubject,
  TicketSubmissions,
} from '@smartdesk/channels';
import { Environment } from '@smartdesk/config';
import { Stage } from '@smartdesk/contracts';
import { AuditActor, MailMessageEntity, statusAfterMessage, TicketEntity, TicketMessageEntity, TicketStageStore, TimelineEvent, transactionAs } from '@smartdesk/database';
import { inSpan } from '@smartdesk/observability';
import { Clock, SlaClock, SlaService, TicketEffects } from '@smartdesk/operations';

/** Longest ticket description or message kept for triage (the mail row keeps the whole text). */
const MAX_TEXT = 20_000;
const MAX_SUBJECT = 300;

export type InboundOutcome = { outcome: 'ticket'; ticketId: string } | { outcome: 'reply'; ticketId: string } | { outcome: 'duplicate' } | { outcome: 'ignored'; reason: string };

/** What the mail row needs, whichever way the mail goes. */
interface ReceivedMail {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  sender: string;
  senderName: string;
  subject: string;
  fullText: string;
  text: string;
  files: Omit<NewAttachment, 'ticketId' | 'ticketMessageId'>[];
}

const INSERT_MAIL = `
  INSERT INTO mail_messages (ticket_id, direction, message_id, in_reply_to, "references", mailbox, sender, recipient, subject, body, status)
  VALUES ($1, 'inbound', $2, $3, $4, $5, $6, $7, $8, $9, 'received')
  ON CONFLICT (message_id) DO NOTHING RETURNING id`;

/**
 * Turns a received mail into a ticket or a customer message. A reply is matched to its ticket by In-Reply-To and
 * References (Message-IDs we stored or sent), else by a "[#number]" in the subject from the ticket's own customer.
 * Auto-replies, bounces and list mail are dropped before anything is written. Each mail is written in one
 * transaction that starts by claiming its Message-ID, so the same mail read twice (a retry, two replicas) is stored once.
 */
@Injectable()
export class InboundMail {
  private readonly logger = new Logger(InboundMail.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Environment,
    private readonly submissions: TicketSubmissions,
    private readonly store: TicketStageStore,
    private readonly sla: SlaService,
    private readonly effects: TicketEffects,
    private readonly clock: Clock,
    private readonly attachments: Attachments,
  ) {}

  /** One mail, IMAP or SMTP: its span starts the trace of the ticket it opens (or continues the mailbox job's). */
  receive(source: Buffer, mailbox: string): Promise<InboundOutcome> {
    return inSpan('receive mail', { 'smartdesk.mailbox': mailbox }, () => this.handle(source, mailbox));
  }

  private async handle(source: Buffer, mailbox: string): Promise<InboundOutcome> {
    const parsed = await simpleParser(source);
    const sender = parsed.from?.value[0]?.address?.toLowerCase();
    if (!sender) return this.ignored(mailbox, 'no sender address');
    const reason = automatedMailReason(parsed.headers as Map<string, unknown>, sender, this.env.MAIL_FROM);
    if (reason) return this.ignored(mailbox, reason);
    const mail = received(parsed, sender, source);
    mail.files = this.acceptedFiles(parsed, mailbox);
    const actor: AuditActor = { id: null, label: `email:${sender}` };
    const ticket = await this.threadOf(mail);
    return ticket ? this.addReply(mail, ticket, mailbox, actor) : this.openTicket(mail, mailbox, actor);
  }

  /** The open ticket this mail answers, following merges; null for a new conversation. */
  private async threadOf(mail: ReceivedMail): Promise<TicketEntity | null> {
    const repository = this.dataSource.getRepository(TicketEntity);
    const known = [mail.inReplyTo, ...mail.references].filter((id): id is string => Boolean(id));
    let ticket: TicketEntity | null = null;
    if (known.length > 0) {
      const [row]: { ticket_id: string }[] = await this.dataSource.query(`SELECT ticket_id FROM mail_messages WHERE message_id = ANY($1) ORDER BY created_at DESC LIMIT 1`, [known]);
      if (row) ticket = await repository.findOneBy({ id: row.ticket_id });
    }
    const number = ticket ? null : ticketNumberInSubject(mail.subject);
    // A subject reference alone is easy to type: only the ticket's own customer may write onto it that way.
    if (number !== null) ticket = await repository.createQueryBuilder('t').where('t.number = :number AND lower(t.customer_email) = :sender', { number, sender: mail.sender }).getOne();
    for (let hops = 0; ticket?.mergedIntoId && hops < 10; hops++) ticket = await repository.findOneBy({ id: ticket.mergedIntoId });
    // A closed ticket is final: writing again starts a new one.
    return ticket && ticket.status !== 'closed' ? ticket : null;
  }

  private async openTicket(mail: ReceivedMail, mailbox: string, actor: AuditActor): Promise<InboundOutcome> {
    const ticket = this.dataSource.manager.create(TicketEntity, {
      id: randomUUID(),
      customerName: mail.senderName,
      customerEmail: mail.sender,
      subject: mail.subject.slice(0, MAX_SUBJECT),
      description: mail.text.slice(0, MAX_TEXT),
      channel: 'email',
      metadata: { mailbox },
      // Never linked to an account: a From address is not proof of who wrote (as for the anonymous web form).
      customerId: null,
    });
    const stored = await this.dataSource.transaction(async (manager): Promise<StoredSubmissions | null> => {
      if (!(await this.claim(manager, mail, ticket.id, mailbox))) return null;
      const stored = await this.submissions.insert(manager, [{ ticket, actor }]);
      await this.attachments.save(
        manager,
        mail.files.map((file) => ({ ...file, ticketId: ticket.id, ticketMessageId: null })),
      );
      return stored;
    });
    if (!stored) return { outcome: 'duplicate' };
    await this.submissions.afterCommit(stored);
    this.logger.log(`${mailbox}: mail from ${mail.sender} opened ticket #${ticket.number}`);
    return { outcome: 'ticket', ticketId: ticket.id };
  }

  /**
   * The mail as a customer message on its ticket, reopening a pending or resolved ticket (as a customer's message
   * in the portal does), with the SLA clocks following the status.
   */
  private async addReply(mail: ReceivedMail, ticket: TicketEntity, mailbox: string, actor: AuditActor): Promise<InboundOutcome> {
    const now = this.clock.now();
    const clocks = await transactionAs(this.dataSource, actor, async (manager): Promise<SlaClock[] | null> => {
      const mailId = await this.claim(manager, mail, ticket.id, mailbox);
      if (!mailId) return null;
      const current = await manager.findOneOrFail(TicketEntity, { where: { id: ticket.id }, lock: { mode: 'pessimistic_write' } });
      const { identifiers } = await manager.insert(TicketMessageEntity, { ticketId: ticket.id, authorId: null, kind: 'customer', body: mail.text.slice(0, MAX_TEXT) });
      const messageId: string = identifiers[0].id;
      await manager.update(MailMessageEntity, { id: mailId }, { ticketMessageId: messageId });
      await this.attachments.save(
        manager,
        mail.files.map((file) => ({ ...file, ticketId: ticket.id, ticketMessageId: messageId })),
      );
      const events: TimelineEvent[] = [
        {
          ticketId: ticket.id,
          stage: Stage.Customer,
          type: 'customer-replied',
          summary: `Customer message by email from ${mail.sender}`,
          data: { messageId, mailId },
          dedupeKey: `${messageId}.posted`,
        },
      ];
      const next = statusAfterMessage('customer', current.status);
      if (!next) {
        await this.store.appendEvents(events, manager);
        return [];
      }
      // As the gateway's transition(): reopening a resolved ticket clears its resolution (the audit log keeps it).
      const reopened = current.status === 'resolved';
      const patch = reopened ? { status: next, resolution: null, resolvedAt: null, resolvedBy: null, resolvedById: null } : { status: next };
      await manager.update(TicketEntity, { id: ticket.id }, { ...patch, version: () => 'version + 1' });
      events.push({
        ticketId: ticket.id,
        stage: Stage.Customer,
        type: reopened ? 'reopened' : 'status-changed',
        summary: reopened ? `Reopened by an email from ${mail.sender}` : `Status ${current.status} → ${next} by an email from ${mail.sender}`,
        data: { from: current.status, to: next },
        dedupeKey: `${ticket.id}.v${current.version + 1}.${reopened ? 'reopened' : 'status-changed'}`,
      });
      await this.store.appendEvents(events, manager);
      return this.sla.onStatusChange(manager, ticket.id, current.status, next, now);
    });
    if (!clocks) return { outcome: 'duplicate' };
    await this.effects.afterCommit({ clocks, announce: [{ ticketId: ticket.id, events: ['customer-replied'] }], failures: 'log' });
    this.logger.log(`${mailbox}: mail from ${mail.sender} added to ticket #${ticket.number}`);
    return { outcome: 'reply', ticketId: ticket.id };
  }

  /** Writes the mail row first: the unique Message-ID makes a second copy of the mail write nothing at all. */
  private async claim(manager: EntityManager, mail: ReceivedMail, ticketId: string, mailbox: string): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(INSERT_MAIL, [
      ticketId,
      mail.messageId,
      mail.inReplyTo,
      mail.references,
      mailbox,
      mail.sender,
      this.env.MAIL_FROM ?? '',
      mail.subject.slice(0, 998),
      mail.fullText,
    ]);
    return rows[0]?.id ?? null;
  }

  /** The mail's files within the attachment limits; one that breaks them is left out (and logged), not the whole mail. */
  private acceptedFiles(parsed: ParsedMail, mailbox: string): ReceivedMail['files'] {
    const files = [];
    for (const attachment of parsed.attachments) {
      const file = { filename: attachment.filename ?? 'attachment', contentType: attachment.contentType, bytes: attachment.content, uploadedBy: null };
      try {
        checkAttachment(file, this.env);
        files.push(file);
      } catch (error) {
        if (!(error instanceof AttachmentRejected)) throw error;
        this.logger.warn(`${mailbox}: attachment left out: ${error.message}`);
      }
    }
    return files;
  }

  private ignored(mailbox: string, reason: string): InboundOutcome {
    this.logger.log(`${mailbox}: mail ignored (${reason})`);
    return { outcome: 'ignored', reason };
  }
}

function received(parsed: ParsedMail, sender: string, source: Buffer): ReceivedMail {
  const fullText = (parsed.text ?? '').trim();
  const references = messageIds(parsed.references);
  return {
    // A mail without a Message-ID gets one from its bytes, so reading it twice still finds the first copy.
    messageId: parsed.messageId ? bareMessageId(parsed.messageId) : `${createHash('sha256').update(source).digest('hex')}@no-message-id.invalid`,
    inReplyTo: messageIds(parsed.inReplyTo)[0] ?? null,
    references,
    sender,
    senderName: (parsed.from?.value[0]?.name || sender.split('@')[0]).slice(0, 200),
    subject: (parsed.subject ?? '').trim() || '(no subject)',
    fullText,
    text: stripQuotedReply(fullText) || '(empty message)',
    files: [],
  };
}
