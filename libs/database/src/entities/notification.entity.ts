import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type NotificationChannel = 'webhook' | 'email';
export type NotificationStatus = 'pending' | 'delivered' | 'failed';

/** One escalation notice to one receiver (a webhook URL, or the email recipients), and how its delivery went. */
@Entity('notifications')
@Index(['ticketId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @Column({ type: 'varchar', length: 8 })
  channel: NotificationChannel;

  /** The webhook URL, or the comma-separated email recipients. */
  @Column({ length: 2000 })
  target: string;

  @Column({ length: 48 })
  event: string;

  /** What is sent: the webhook's JSON body, or the email's subject and text. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** Same key, same notice: a retried escalation job stores nothing twice. */
  @Column({ name: 'dedupe_key', length: 300, unique: true })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
