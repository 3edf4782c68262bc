import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { Stage } from '@smartdesk/contracts';
import { MailMessageEntity, TicketStageStore } from '@smartdesk/database';

const angle = (id: string) => `<${id}>`;

/** Why a mail left in 'sending' is not sent again: the earlier attempt may have been accepted by the SMTP server. */
const INTERRUPTED = 'an earlier attempt was interrupted while handing the mail to the SMTP server; not resent, so the customer never gets it twice (resend by hand if it did not arrive)';

export type SendOutcome = 'sent' | 'already-sent' | 'failed' | 'interrupted';

/**
 * Sends one stored outbound mail, at most once. Before the SMTP call the row is claimed (queued → sending,
 * one more attempt); after the server accepts it the row becomes sent. The row and the server's acceptance
 * are the truth:
 * - an SMTP refusal or an unreachable server leaves nothing sent: the row goes back to queued and the job is
 *   retried with backoff (failed for good after the last attempt, or at once on a permanent 5xx refusal);
 * - a crash between the claim and the mark leaves the row in 'sending'. The retried job cannot know whether the
 *   server took the mail, so it marks the row failed instead of sending again: at most once, by choice, since a
 *   reply the customer gets twice cannot be taken back while a missing one shows on the timeline (and in the
 *   portal) for an agent to resend. The same Message-ID on every attempt lets mail clients fold a rare duplicate.
 */
@Injectable()
export class MailSender implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MailSender.name);
  private transport?: Transporter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TicketStageStore,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    if (this.env.MAIL_SMTP_URL) this.transport = createTransport(this.env.MAIL_SMTP_URL);
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  async send(mailId: string, finalAttempt: boolean): Promise<SendOutcome> {
    // TypeORM answers an UPDATE with [rows, count].
    const [claimed]: [MailMessageEntity[], number] = await this.dataSource.query(
      `UPDATE mail_messages SET status = 'sending', attempts = attempts + 1 WHERE id = $1 AND direction = 'outbound' AND status = 'queued'
       RETURNING id, ticket_id AS "ticketId", message_id AS "messageId", in_reply_to AS "inReplyTo", "references", sender, recipient, subject, body, kind, attempts`,
      [mailId],
    );
    const mail = claimed[0];
    if (!mail) return this.unclaimable(mailId);
    if (!this.transport) return this.fail(mail, 'MAIL_SMTP_URL is not set on the mail worker', true);
    try {
      await this.transport.sendMail({
        from: mail.sender,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.body,
        messageId: angle(mail.messageId),
        inReplyTo: mail.inReplyTo ? angle(mail.inReplyTo) : undefined,
        references: mail.references.map(angle),
        // RFC 3834: status and merge notices are machine-written, so autoresponders must not answer them; an agent's reply is not.
        headers: mail.kind === 'reply' ? {} : { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx is a permanent refusal (bad recipient, rejected content); anything else may pass later.
      const permanent = code !== undefined && code >= 500;
      const reason = `SMTP ${code ?? 'error'}: ${(error as Error).message}`;
      if (permanent || finalAttempt) return this.fail(mail, reason, permanent);
      await this.dataSource.query(`UPDATE mail_messages SET status = 'queued', last_error = $2 WHERE id = $1`, [mail.id, reason]);
      throw error;
    }
    await this.dataSource.query(`UPDATE mail_messages SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [mail.id]);
    await this.record(mail, 'email-sent', `Email sent to ${mail.recipient}`, { attempts: mail.attempts });
    return 'sent';
  }

  /** A mail not waiting to be sent: done already, failed for good, or left in 'sending' by an interrupted attempt. */
  private async unclaimable(mailId: string): Promise<SendOutcome> {
    const mail = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(MailMessageEntity, { where: { id: mailId, direction: 'outbound' }, lock: { mode: 'pessimistic_write' } });
      if (found?.status === 'sending') await manager.update(MailMessageEntity, { id: mailId }, { status: 'failed', lastError: INTERRUPTED });
      return found;
    });
    if (!mail) throw new UnrecoverableError(`outbound mail ${mailId} does not exist`);
    if (mail.status === 'sent') return 'already-sent';
    if (mail.status !== 'sending') return 'failed';
    await this.record(mail, 'email-failed', `Email to ${mail.recipient} not sent: ${INTERRUPTED}`, { reason: 'interrupted' });
    this.logger.warn(`mail ${mail.id} was interrupted while sending; marked failed, not resent`);
    return 'interrupted';
  }

  private async fail(mail: MailMessageEntity, reason: string, permanent: boolean): Promise<SendOutcome> {
    await this.dataSource.query(`UPDATE mail_messages SET status = 'failed', last_error = $2 WHERE id = $1`, [mail.id, reason]);
    await this.record(mail, 'email-failed', `Email to ${mail.recipient} failed${permanent ? '' : ' after its last attempt'}: ${reason}`, { reason });
    this.logger.warn(`mail ${mail.id} to ticket ${mail.ticketId} failed for good: ${reason}`);
    return 'failed';
  }

  private record(mail: Pick<MailMessageEntity, 'id' | 'ticketId'>, type: string, summary: string, data: Record<string, unknown>): Promise<void> {
    return this.store.appendEvent({ ticketId: mail.ticketId, stage: Stage.Mail, type, summary, data: { mailId: mail.id, ...data }, dedupeKey: `${mail.id}.${type}` });
  }
}
