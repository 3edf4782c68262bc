import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxKind, OutboxPayload } from '@smartdesk/contracts';

/** An event written with the change it announces and published to BullMQ afterwards (transactional outbox). */
@Entity('outbox_messages')
export class OutboxMessageEntity {
  /** bigint: returned as a string by pg. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 48 })
  kind: OutboxKind;

  @Column('jsonb')
  payload: OutboxPayload;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
