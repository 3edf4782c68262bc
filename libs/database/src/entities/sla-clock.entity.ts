import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SlaMetric } from '@smartdesk/contracts';

const bigintNumber = { to: (value: number) => value, from: (value: string | null) => (value == null ? value : Number(value)) };

/**
 * One SLA clock of a ticket (first response or resolution), counted in business time. While it runs,
 * `elapsedMs` holds the time counted up to `runningSince`; pausing adds the stretch since then and clears it.
 */
@Entity('sla_clocks')
export class SlaClockEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  metric: SlaMetric;

  /** The priority whose policy set the target. */
  @Column({ type: 'varchar', length: 16 })
  policy: string;

  @Column({ name: 'target_ms', type: 'bigint', transformer: bigintNumber })
  targetMs: number;

  @Column({ name: 'elapsed_ms', type: 'bigint', default: 0, transformer: bigintNumber })
  elapsedMs: number;

  @Column({ name: 'running_since', type: 'timestamptz', nullable: true })
  runningSince: Date | null;

  /** When the running clock breaches; null while paused or stopped. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'at_risk_at', type: 'timestamptz', nullable: true })
  atRiskAt: Date | null;

  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt: Date | null;

  /** Met (first response given, ticket resolved or closed). */
  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;

  /** Bumped at every change; a scheduled checkpoint of an older generation is stale. */
  @Column({ type: 'int', default: 1 })
  generation: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
