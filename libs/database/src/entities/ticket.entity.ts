import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Priority } from '@smartdesk/contracts';
import type { TicketStatus } from '../ticket-lifecycle';

/** A customer's request. Stage outputs are denormalised here for filtering; the full results live in ticket_stage_results. */
@Entity('tickets')
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Human-friendly sequential number shown to customers and agents. */
  @Column({ type: 'bigint', unique: true, insert: false, update: false, transformer: { to: (v) => v, from: (v) => (v == null ? v : Number(v)) } })
  @Generated('increment')
  number: number;

  @Column({ name: 'customer_name', length: 200 })
  customerName: string;

  @Column({ name: 'customer_email', length: 320 })
  customerEmail: string;

  @Column({ length: 300 })
  subject: string;

  @Column('text')
  description: string;

  @Column({ length: 32, default: 'web' })
  channel: string;

  @Column({ type: 'jsonb', default: {} })
  metadata: Record<string, unknown>;

  /** The customer's account; null for an anonymous web-form submission. */
  @Index()
  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  /** The team whose queue holds the ticket. */
  @Index()
  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Index()
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  /** Bumped by every change a person makes; a change that carries an older version is refused (409). */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Index()
  @Column({ type: 'varchar', length: 16, default: 'new' })
  status: TicketStatus;

  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  category: string | null;

  @Column({ name: 'category_confidence', type: 'real', nullable: true })
  categoryConfidence: number | null;

  /** Set when an agent confirms or corrects the category: such tickets are the categorizer's training data. */
  @Column({ name: 'category_confirmed_by', type: 'varchar', length: 200, nullable: true })
  categoryConfirmedBy: string | null;

  @Column({ name: 'category_confirmed_at', type: 'timestamptz', nullable: true })
  categoryConfirmedAt: Date | null;

  @Index()
  @Column({ type: 'varchar', length: 16, nullable: true })
  priority: Priority | null;

  @Index()
  @Column({ name: 'sentiment_label', type: 'varchar', length: 16, nullable: true })
  sentimentLabel: string | null;

  @Column({ name: 'sentiment_score', type: 'real', nullable: true })
  sentimentScore: number | null;

  /** Set when an agent confirms or corrects the sentiment: such tickets are the sentiment model's training data. */
  @Column({ name: 'sentiment_confirmed_by', type: 'varchar', length: 200, nullable: true })
  sentimentConfirmedBy: string | null;

  @Column({ name: 'sentiment_confirmed_at', type: 'timestamptz', nullable: true })
  sentimentConfirmedAt: Date | null;

  @Index()
  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;

  @Index()
  @Column({ type: 'boolean', nullable: true })
  escalated: boolean | null;

  @Column({ name: 'escalation_level', type: 'smallint', nullable: true })
  escalationLevel: number | null;

  /** Latest pipeline revision requested (1 = first triage, +1 per requested response). */
  @Column({ name: 'revision', type: 'int', default: 1 })
  revision: number;

  @Column({ name: 'triaged_at', type: 'timestamptz', nullable: true })
  triagedAt: Date | null;

  /** The first public reply from staff: when the customer first heard from a person. */
  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  /** Whether each SLA clock was met when it stopped; null while it runs. */
  @Column({ name: 'sla_first_response_met', type: 'boolean', nullable: true })
  slaFirstResponseMet: boolean | null;

  @Column({ name: 'sla_resolution_met', type: 'boolean', nullable: true })
  slaResolutionMet: boolean | null;

  /** How staff replies used the suggested response: accepted unchanged, edited, or ignored; null before a reply to a suggestion. */
  @Column({ name: 'suggestion_use', type: 'varchar', length: 8, nullable: true })
  suggestionUse: 'accepted' | 'edited' | 'ignored' | null;

  /** The customer's satisfaction rating (1-5), once resolved. */
  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  /** Who resolved it, as text (the account's email), kept even if the account goes. */
  @Column({ name: 'resolved_by', type: 'varchar', length: 200, nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_by_id', type: 'uuid', nullable: true })
  resolvedById: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Set when the ticket was merged into another as a duplicate (and closed): where its conversation went. */
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @Index()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
