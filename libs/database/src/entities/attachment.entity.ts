import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A file on a ticket (portal submission, message or mail). The bytes live in the attachment store, not in the row. */
@Entity('attachments')
@Index(['ticketId', 'createdAt'])
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  /** The conversation message it came with; null when it came with the ticket itself. */
  @Column({ name: 'ticket_message_id', type: 'uuid', nullable: true })
  ticketMessageId: string | null;

  @Column({ type: 'varchar', length: 255 })
  filename: string;

  @Column({ name: 'content_type', type: 'varchar', length: 255 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** Where the store keeps the bytes (a path relative to ATTACHMENTS_DIR, or an object key). */
  @Column({ name: 'storage_key', type: 'varchar', length: 300 })
  storageKey: string;

  /** The account that uploaded it; null for anonymous portal submissions and mail. */
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
