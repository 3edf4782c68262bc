import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { OutputSource, ResponseSource } from '@smartdesk/contracts';

/** A suggested reply; one per pipeline revision, so every regeneration is kept. */
@Entity('ticket_responses')
@Unique('uq_ticket_responses_revision', ['ticketId', 'revision'])
export class TicketResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @Column('int')
  revision: number;

  @Column('text')
  body: string;

  @Column({ length: 8 })
  language: string;

  @Column('real')
  confidence: number;

  @Column({ type: 'varchar', length: 16 })
  source: OutputSource;

  @Column({ name: 'needs_human' })
  needsHuman: boolean;

  @Column('jsonb')
  sources: ResponseSource[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
