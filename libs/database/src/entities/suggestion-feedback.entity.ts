import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const SUGGESTION_OUTCOMES = ['accepted', 'edited', 'rejected'] as const;
export type SuggestionOutcome = (typeof SUGGESTION_OUTCOMES)[number];

/**
 * What one agent made of one suggested response: said so (`feedback`), or sent it in a reply (`reply`,
 * accepted unchanged or edited). One row per agent and suggestion; a reply overrides what was said.
 */
@Entity('suggestion_feedback')
export class SuggestionFeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @Column({ name: 'response_id', type: 'uuid' })
  responseId: string;

  @Column('int')
  revision: number;

  @Column({ name: 'agent_id', type: 'uuid' })
  agentId: string;

  @Column({ type: 'varchar', length: 8 })
  outcome: SuggestionOutcome;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 8 })
  origin: 'feedback' | 'reply';

  /** The ticket's category when the feedback was given: acceptance is reported per category. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  category: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
