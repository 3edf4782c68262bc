import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OutputSource } from '@smartdesk/contracts';

/** The latest output of one stage for one ticket, upserted so a retried job changes nothing twice. */
@Entity('ticket_stage_results')
export class TicketStageResultEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @PrimaryColumn({ length: 32 })
  stage: string;

  @Column('int')
  revision: number;

  @Column('jsonb')
  result: Record<string, unknown>;

  @Column('real')
  confidence: number;

  @Column({ type: 'varchar', length: 16 })
  source: OutputSource;

  @Column({ name: 'duration_ms', type: 'real' })
  durationMs: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
