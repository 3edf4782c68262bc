import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type { EntityManager } from 'typeorm';
import { Environment } from '@smartdesk/config';

const CODE_TTL_MINUTES = 10;
/** Wrong codes allowed per mailed code: a million codes, five guesses. */
const MAX_ATTEMPTS = 5;

export type CodeCheck = { ok: true; ticketId: string } | { ok: false; reason: 'wrong' | 'expired' };

/** Salted with the conversation, so a hash is useless outside it. */
const hashCode = (conversationId: string, code: string) => createHash('sha256').update(`${conversationId}:${code}`).digest('hex');

/**
 * Lets an anonymous caller prove a ticket is theirs: a 6-digit code mailed to the ticket's address
 * (nodemailer over SMTP_URL), stored hashed, valid for 10 minutes and 5 attempts.
 */
@Injectable()
export class StatusVerification {
  private readonly logger = new Logger(StatusVerification.name);
  private readonly mailer: Transporter | null;

  constructor(private readonly env: Environment) {
    this.mailer = env.SMTP_URL ? createTransport(env.SMTP_URL) : null;
  }

  get available(): boolean {
    return this.mailer !== null;
  }

  /**
   * Mails a code when ticket `number` has address `email`; otherwise does nothing. The caller answers the
   * same either way, so the assistant never confirms which tickets or addresses exist.
   */
  async start(conversationId: string, number: number, email: string, manager: EntityManager): Promise<void> {
    const [ticket] = await manager.query(`SELECT id, customer_email AS email FROM tickets WHERE number = $1 AND lower(customer_email) = lower($2)`, [number, email]);
    if (!ticket || !this.mailer) return;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await manager.query(`UPDATE assistant_conversations SET verify_ticket_id = $2, verify_code_hash = $3, verify_expires_at = now() + make_interval(mins => $4), verify_attempts = 0 WHERE id = $1`, [
      conversationId,
      ticket.id,
      hashCode(conversationId, code),
      CODE_TTL_MINUTES,
    ]);
    await this.mailer.sendMail({
      from: this.env.ESCALATION_EMAIL_FROM,
      to: ticket.email,
      subject: `Your code for ticket #${number}`,
      text: `Your code to see the status of ticket #${number} is ${code}. It is valid for ${CODE_TTL_MINUTES} minutes. If you did not ask for it, ignore this email.`,
    });
    this.logger.log(`status code mailed for ticket #${number}`);
  }

  /** Checks a code; a right one adds the ticket to the conversation's verified tickets and is spent. */
  async check(conversationId: string, code: string, manager: EntityManager): Promise<CodeCheck> {
    const [pending] = await manager.query(
      `SELECT verify_ticket_id AS "ticketId", verify_code_hash AS hash, verify_attempts AS attempts, verify_expires_at > now() AS live FROM assistant_conversations WHERE id = $1`,
      [conversationId],
    );
    if (!pending?.hash || !pending.live || pending.attempts >= MAX_ATTEMPTS) return { ok: false, reason: 'expired' };
    if (!timingSafeEqual(Buffer.from(pending.hash), Buffer.from(hashCode(conversationId, code)))) {
      await manager.query(`UPDATE assistant_conversations SET verify_attempts = verify_attempts + 1 WHERE id = $1`, [conversationId]);
      return { ok: false, reason: 'wrong' };
    }
    await manager.query(
      `UPDATE assistant_conversations SET verified_ticket_ids = array_append(verified_ticket_ids, verify_ticket_id), verify_ticket_id = NULL, verify_code_hash = NULL, verify_expires_at = NULL WHERE id = $1`,
      [conversationId],
    );
    return { ok: true, ticketId: pending.ticketId };
  }
}
