import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A labelled text an admin imported (CSV) to teach the categorizer, alongside agent-confirmed tickets. */
@Entity('category_training_examples')
export class CategoryTrainingExampleEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

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
