import { Column, CreateDateColumn, Entity, Generated, PrimaryGeneratedColumn } from 'typeorm';

/** One trained version of the categorizer. Workers run the single active one and swap when it changes. */
@Entity('category_models')
export class CategoryModelEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  version: number;

  /** A stable identity besides the version number (the audit log keys rows by id). */
  @Column({ type: 'uuid', unique: true, insert: false, update: false })
  @Generated('uuid')
  id: string;

  @Column({ length: 32 })
  algorithm: string;

  @Column({ type: 'jsonb' })
  labels: string[];

  /** Training rows per origin: taxonomy phrases, confirmed tickets, imported examples. */
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
