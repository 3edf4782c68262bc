import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MailDirection = 'inbound' | 'outbound';
/** Inbound: received. Outbound: queued → sending → sent, or failed (for good, or when an interrupted send may have gone out). */
export type MailStatus = 'received' | 'queued' | 'sending' | 'sent' | 'failed';
/** What an outbound mail tells the customer: an agent's reply, a status change, that their ticket was merged. */
export type OutboundMailKind = 'reply' | 'status' | 'merged';

/**
 * One email of a ticket's thread, either way. Its Message-ID is unique: the same mail read twice is stored
 * once, and an outbound mail keeps the Message-ID it was given before the SMTP call on every attempt.
 */
@Entity('mail_messages')
@Index(['ticketId', 'createdAt'])
export class MailMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  /** The conversation message the mail carried (inbound reply) or carries (outbound reply). */
  @Column({ name: 'ticket_message_id', type: 'uuid', nullable: true })
  ticketMessageId: string | null;

  @Column({ type: 'varchar', length: 8 })
  direction: MailDirection;

  /** Outbound only: a reply, a status notice or a merge notice. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  kind: OutboundMailKind | null;

  /** Without angle brackets. */
  @Column({ name: 'message_id', type: 'varchar', length: 998, unique: true })
  messageId: string;

  @Column({ name: 'in_reply_to', type: 'varchar', length: 998, nullable: true })
  inReplyTo: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  references: string[];

  /** Inbound: the mailbox it was read from. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  mailbox: string | null;

  @Column({ type: 'varchar', length: 320 })
  sender: string;

  @Column({ type: 'varchar', length: 320 })
  recipient: string;

  @Column({ type: 'varchar', length: 998 })
  subject: string;

  /** Inbound: the full text as received (the ticket gets it without quoted history and signature). Outbound: the text sent. */
  @Column({ type: 'text', default: '' })
  body: string;

  /** Outbound status notices: the status announced. */
  @Column({ name: 'status_announced', type: 'varchar', length: 16, nullable: true })
  statusAnnounced: string | null;

  @Column({ type: 'varchar', length: 8 })
  status: MailStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
