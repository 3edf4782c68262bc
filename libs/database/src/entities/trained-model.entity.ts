import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ModelTask } from '@smartdesk/contracts';

/** One trained version of a learned model. Workers run the single active one of their task and swap when it changes. */
@Entity('trained_models')
export class TrainedModelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  task: ModelTask;

  /** Counted per task, from 1; 0 names the untrained model (taxonomy phrases, sentiment rules). */
  @Column('int')
  version: number;

  @Column({ length: 32 })
  algorithm: string;

  @Column({ type: 'jsonb' })
  labels: string[];

  /** Training rows per origin: taxonomy phrases, confirmed tickets, imported examples; for sentiment, per label too. */
  @Column({ name: 'example_counts', type: 'jsonb' })
  exampleCounts: Record<string, number>;

  /** Held-out accuracy and the like, measured at training time. */
  @Column({ type: 'jsonb' })
  metrics: Record<string, number>;

  /** Hash of the training data: a scheduled retrain with nothing new is skipped. */
  @Column({ name: 'data_fingerprint', length: 64 })
  dataFingerprint: string;

  @Column({ name: 'training_ms', type: 'int' })
  trainingMs: number;

  @Column({ type: 'bytea', select: false })
  weights: Buffer;

  @Column({ name: 'trained_by', length: 200 })
  trainedBy: string;

  @Column({ default: false })
  active: boolean;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
