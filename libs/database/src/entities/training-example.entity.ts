import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ModelTask } from '@smartdesk/contracts';

/** A labelled text an admin imported (CSV) to teach a model (categories, sentiment), alongside agent-confirmed tickets. */
@Entity('training_examples')
export class TrainingExampleEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  task: ModelTask;

  @Column('text')
  text: string;

  @Column({ length: 64 })
  label: string;

  /** All rows of one upload share it, so an import can be reported on as a whole. */
  @Column({ name: 'import_id', type: 'uuid' })
  importId: string;

  @Column({ name: 'imported_by', length: 200 })
  importedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
