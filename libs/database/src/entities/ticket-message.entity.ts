import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** customer: written by the customer; reply: an agent's public answer; note: internal, never shown to the customer. */
export const MESSAGE_KINDS = ['customer', 'reply', 'note'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const PUBLIC_MESSAGE_KINDS: readonly MessageKind[] = ['customer', 'reply'];

/** How an agent used a suggested response: sent unchanged, or edited first. */
export type SuggestionUse = 'accepted' | 'edited';

/** One message of a ticket's conversation (the ticket's description is its first customer message). */
@Entity('ticket_messages')
@Index(['ticketId', 'createdAt'])
export class TicketMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: MessageKind;

  @Column('text')
  body: string;

  /** The suggested response (ticket_responses row) the reply started from, if any. */
  @Column({ name: 'response_id', type: 'uuid', nullable: true })
  responseId: string | null;

  @Column({ name: 'suggestion_use', type: 'varchar', length: 8, nullable: true })
  suggestionUse: SuggestionUse | null;

  /** The canned response the reply started from, if any. */
  @Column({ name: 'macro_id', type: 'uuid', nullable: true })
  macroId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
