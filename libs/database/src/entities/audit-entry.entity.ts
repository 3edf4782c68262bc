import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `reveal`: a read of masked ticket data (see the tickets' sensitive endpoint), written by the gateway, not the trigger. */
export type AuditAction = 'insert' | 'update' | 'delete' | 'reveal';

/**
 * One change to an audited table, written by a database trigger in the same transaction as the change:
 * who (the actor the transaction declared), when, and the changed columns before and after.
 * Secrets (password and key hashes) are recorded as "[redacted]".
 */
@Entity('audit_log')
@Index(['entity', 'entityId', 'id'])
export class AuditEntryEntity {
  /** bigint: returned as a string by pg. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** The account behind the change (also for API keys); null for workers and anonymous intake. */
  @Index()
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** Readable actor: an email, `api-key:<name> (<email>)`, `worker:<stage>`, `anonymous`, `seed`, or `system`. */
  @Column({ length: 200 })
  actor: string;

  @Column({ type: 'varchar', length: 8 })
  action: AuditAction;

  /** The table changed, e.g. `tickets`. */
  @Column({ length: 48 })
  entity: string;

  @Column({ name: 'entity_id', length: 64 })
  entityId: string;

  /** Changed columns before the change (the whole row for a delete; null for an insert). */
  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  /** Changed columns after the change (the whole row for an insert; null for a delete). */
  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
