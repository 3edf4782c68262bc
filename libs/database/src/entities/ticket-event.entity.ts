import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One line of a ticket's timeline: what happened, when, by which stage, with what confidence. */
@Entity('ticket_events')
@Index(['ticketId', 'createdAt'])
export class TicketEventEntity {
  /** bigint: returned as a string by pg. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @Column({ length: 32 })
  stage: string;

  @Column({ length: 48 })
  type: string;

  @Column('text')
  summary: string;

  @Column({ type: 'real', nullable: true })
  confidence: number | null;

  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  /** Makes a retried job's event a no-op instead of a duplicate line. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, unique: true })
  dedupeKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
